using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>Fiches projet brought to a state through the aggregate's own methods (never by writing the state).</summary>
public static class FichesProjetDeTest
{
    public static readonly Auteur Secretaire = new(null, "Sophie Secrétaire (test)");

    public static readonly Auteur Agent = new(null, "Alain Agent (test)");

    /// <summary>Every field a submission needs, with costs on each heading and external funding.</summary>
    public static readonly ContenuFiche Complet = new()
    {
        DirectionPilote = "Secrétariat général",
        Type = TypeProjet.Transversal,
        Redacteur = "Sophie Secrétaire",
        Origine = "Les demandes des habitants arrivent par courrier, téléphone et courriel sans suivi commun.",
        Demandeur = "Le maire",
        Enjeux = "Répondre plus vite aux habitants et suivre chaque demande.",
        Nature = NatureProjet.Isole,
        Description = "Un outil de gestion de la relation citoyen pour enregistrer et suivre les demandes.",
        PeriodeSouhaitee = "Premier semestre 2027",
        CoutInformatique = new Montant(4800.50m),
        CoutOrganisation = new Montant(1200m),
        CoutFormation = new Montant(300m),
        FinancementExterieur = "Dotation de soutien à l'investissement local",
        MontantFinancementExterieur = new Montant(2000m),
        ObjectifsUsagers = "Une réponse suivie à chaque demande.",
        ObjectifsDirection = "Des tableaux de bord des demandes.",
        ObjectifsUtilisateurs = "Un seul outil pour toutes les demandes.",
        ConditionsReussite = "Un référent dans chaque service.",
        IndicateursSuivi = "Délai moyen de réponse.",
    };

    public const string AvisConfidentiel = "Avis confidentiel de la DSI : l'éditeur actuel ne convient pas.";

    /// <summary>
    /// A fiche of <paramref name="membreId"/> brought to <paramref name="etat"/> (Brouillon, Deposee, EnInstruction, EnConstruction,
    /// PresenteeCopil, Acceptee, Refusee or Ajournee); instructed with <see cref="AvisConfidentiel"/> from the instruction on.
    /// </summary>
    public static Task<int> AjouterFicheAsync(this PortailFactory portail, int membreId, string titre, EtatFiche etat, ContenuFiche? contenu = null) =>
        portail.ExecuterAsync(async db =>
        {
            var quand = portail.Horloge.GetUtcNow();
            var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
            Verifier(FicheProjet.Creer(membreId, titre, contenu ?? Complet, Secretaire, quand, out var cree));
            var fiche = cree!;
            db.FichesProjet.Add(fiche);
            await db.SaveChangesAsync();
            if (etat == EtatFiche.Brouillon)
            {
                return fiche.Id;
            }

            Assert.Empty(fiche.Deposer("Première version", (f, jour) => $"FP-{jour.Year}-{f.Id:D4}", Secretaire, quand, aujourdHui));
            if (etat != EtatFiche.Deposee)
            {
                Verifier(fiche.PrendreEnInstruction(Agent, quand));
            }

            if (etat == EtatFiche.EnConstruction)
            {
                Verifier(fiche.DemanderComplements("Combien de demandes par an ?", Agent, quand));
            }
            else if (etat != EtatFiche.Deposee)
            {
                Verifier(fiche.EnregistrerInstruction(false, 8, AvisConfidentiel, Agent, quand));
            }

            SeanceCopil? seance = null;
            if (etat is EtatFiche.PresenteeCopil or EtatFiche.Acceptee or EtatFiche.Refusee or EtatFiche.Ajournee)
            {
                Verifier(SeanceCopil.Creer(aujourdHui, "Séance de test", null, Agent, quand, out seance));
                db.Add(seance!);
                await db.SaveChangesAsync();
                Verifier(seance!.Inscrire(fiche, Agent, quand));
            }

            var decision = etat switch
            {
                EtatFiche.Acceptee => DecisionCopil.Acceptee,
                EtatFiche.Refusee => DecisionCopil.Refusee,
                EtatFiche.Ajournee => DecisionCopil.Ajournee,
                _ => (DecisionCopil?)null,
            };
            if (decision is { } d)
            {
                Verifier(seance!.Decider(fiche, d, "Besoin partagé par plusieurs communes.", d == DecisionCopil.Acceptee ? aujourdHui.Year + 1 : null, Agent, quand, aujourdHui));
            }

            await db.SaveChangesAsync();
            return fiche.Id;
        });

    private static void Verifier(RefusFiche? refus) => Assert.True(refus is null, refus?.Message);
}
