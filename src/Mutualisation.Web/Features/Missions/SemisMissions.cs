using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Missions;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Missions;

/// <summary>
/// Demo lettres de mission with time entries, through the aggregate's own methods and dated from today in
/// Paris: for Redon, the mairie account's commune with days remaining, a small commune over its allowance,
/// one entry on a Saturday (outside the service hours), a finished and a draft mission. Only when no mission exists.
/// </summary>
public static class SemisMissions
{
    private static readonly Auteur Semis = new(null, "Données de démonstration");

    /// <param name="agent">The demo DSI agent who recorded the time (id and name), or null to sign as the seed.</param>
    public static async Task SemerAsync(MutualisationDbContext db, bool redon, Auteur? agent, TimeProvider horloge)
    {
        if (await db.Missions.AnyAsync())
        {
            return;
        }

        var aujourdHui = horloge.AujourdHui();
        var quand = horloge.GetUtcNow();
        var par = agent ?? Semis;
        var communes = await db.Membres.AsNoTracking().Select(m => new { m.Id, m.Siren }).ToListAsync();
        int? Id(string siren) => communes.FirstOrDefault(c => c.Siren.Valeur == siren)?.Id;
        DateOnly Ouvre(int n) => JourOuvreAvant(aujourdHui, n);

        var missions = new List<LettreDeMission>();
        void Ajouter(int? membreId, string objet, string enjeux, Contact contact, int debutIlYA, int dureeJours, decimal prevus, string[] livrables,
            StatutMission etat, params (int IlYA, decimal Jours, Creneau Creneau, string Commentaire)[] saisies)
        {
            if (membreId is null)
            {
                return;
            }

            var debut = Ouvre(debutIlYA);
            var contenu = new ContenuMission(objet, enjeux, contact, new Contact("Alain Agent (démo)", "Chef de projet DSI", "agent.dsi@redon-agglomeration.demo", null),
                debut, debut.AddDays(dureeJours), prevus, livrables);
            if (LettreDeMission.Creer(membreId.Value, contenu, Semis, quand, aujourdHui, out var mission) is not null || mission is null)
            {
                return;
            }

            if (etat != StatutMission.Brouillon)
            {
                mission.Demarrer(par, quand, aujourdHui);
                foreach (var (ilYA, jours, creneau, commentaire) in saisies)
                {
                    var date = ilYA < 0 ? SamediAvant(aujourdHui) : Ouvre(ilYA);
                    mission.AjouterSaisie(date < debut ? debut : date, jours, creneau, null, null, commentaire, par, par, quand, aujourdHui, out _);
                }

                if (etat == StatutMission.Terminee)
                {
                    mission.Terminer(par, quand, aujourdHui);
                }
            }

            missions.Add(mission);
        }

        if (redon)
        {
            var mairie = new Contact("Secrétariat de mairie (démo)", "Secrétaire de mairie", "mairie@saint-nicolas-de-redon.demo", null);
            Ajouter(Id("214401853"), "Choix d'un logiciel de gestion du cimetière",
                "Le logiciel actuel n'est plus maintenu ; risque de perte des concessions si le poste tombe en panne.", mairie, 25, 60, 3m,
                ["Expression des besoins", "Analyse des offres", "Rapport de recommandation"], StatutMission.EnCours,
                (20, 0.5m, Creneau.Matin, "Réunion de lancement avec le secrétariat"),
                (12, 1m, Creneau.Journee, "Recueil des besoins et visite des postes"),
                (3, 0.5m, Creneau.ApresMidi, "Analyse de deux offres"));
            Ajouter(Id("214401853"), "Mise en conformité RGPD du site internet",
                "Formulaires de contact sans mention d'information ; risque de sanction de la CNIL.", mairie, 5, 45, 2m,
                ["Registre des traitements mis à jour", "Mentions d'information"], StatutMission.Brouillon);
            Ajouter(Id("215600016"), "Audit de la téléphonie de la mairie",
                "Contrat de téléphonie en fin d'engagement ; lignes analogiques bientôt fermées.", new Contact("Secrétariat d'Allaire (démo)", "Secrétaire générale", "mairie@allaire.demo", null),
                40, 30, 2m, ["Inventaire des lignes", "Scénarios de migration"], StatutMission.Terminee,
                (35, 1m, Creneau.Journee, "Inventaire des lignes et des contrats"),
                (30, 0.5m, Creneau.Matin, "Restitution au maire"));
            Ajouter(Id("213502685"), "Remise en service du réseau de l'école après un dégât des eaux",
                "Baie réseau de l'école inondée ; classe numérique à l'arrêt.", new Contact("Maire de Saint-Ganton (démo)", "Maire", null, null), 15, 30, 2m,
                ["Réseau de l'école remis en service", "Note de préconisations"], StatutMission.EnCours,
                (14, 1m, Creneau.Journee, "Diagnostic et remplacement du commutateur"),
                (13, 1m, Creneau.Journee, "Recâblage de la baie"),
                (-1, 0.5m, Creneau.Matin, "Intervention d'urgence un samedi : reprise du Wi-Fi de l'école"),
                (6, 1m, Creneau.Journee, "Tests et recette avec l'enseignante"));
        }
        else
        {
            Ajouter(Id("211407150"), "Étude du renouvellement des postes de l'accueil",
                "Postes de plus de sept ans ; lenteurs à l'accueil du public.", new Contact("Secrétariat de Trouville-sur-Mer (démo)", "Secrétaire générale", "mairie@trouville-sur-mer.demo", null),
                10, 40, 1.5m, ["Inventaire des postes", "Plan de renouvellement"], StatutMission.EnCours,
                (8, 0.5m, Creneau.Matin, "Inventaire des postes de l'accueil"));
        }

        db.Missions.AddRange(missions);
        await db.SaveChangesAsync();
    }

    /// <summary>The n-th working day of the service before today (1 = the previous one).</summary>
    public static DateOnly JourOuvreAvant(DateOnly aujourdHui, int n)
    {
        var date = aujourdHui;
        for (var i = 0; i < n;)
        {
            date = date.AddDays(-1);
            if (PlagesHoraires.EstOuvre(date))
            {
                i++;
            }
        }

        return date;
    }

    private static DateOnly SamediAvant(DateOnly aujourdHui)
    {
        var date = aujourdHui.AddDays(-1);
        while (date.DayOfWeek != DayOfWeek.Saturday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }
}
