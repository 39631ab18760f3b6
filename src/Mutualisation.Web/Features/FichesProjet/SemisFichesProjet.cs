using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Web.Demarrage;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>
/// Demo fiches projet (issue 11), through the aggregate's own methods and dated in the past months, for the communes of the
/// profile's mairie accounts first, then others: a draft, a submitted fiche, one sent back « en construction » with the DSI's
/// request, one in instruction with the DSI's findings whose shared need with another commune's submitted fiche is
/// confirmed (both mutualisables), one on a COPIL agenda, one accepted and planned in the schéma directeur, one refused.
/// Only when no fiche exists, so a restart adds nothing.
/// </summary>
public static class SemisFichesProjet
{
    private static readonly Auteur Dsi = new(null, "DSI (données de démonstration)");

    public static async Task SemerAsync(MutualisationDbContext db, ProfilDemo profil, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(profil);
        if (await db.FichesProjet.AnyAsync())
        {
            return;
        }

        var sirens = profil.Comptes.Where(c => c.SirenCommune is not null).Select(c => Siren.Parse(c.SirenCommune!)).ToList();
        var mairies = await db.Membres.Where(m => sirens.Contains(m.Siren)).Select(m => new { m.Id, m.Nom, m.Siren }).ToListAsync();
        var autres = await db.Membres.Where(m => !sirens.Contains(m.Siren)).OrderBy(m => m.NomRecherche).Select(m => new { m.Id, m.Nom, m.Siren }).Take(4).ToListAsync();
        var communes = mairies.OrderBy(m => sirens.IndexOf(m.Siren)).Concat(autres).Select(m => (m.Id, m.Nom)).Take(4).ToList();
        if (communes.Count < 4)
        {
            return;
        }

        var aujourdHui = horloge.AujourdHui();
        var maintenant = horloge.GetUtcNow();
        var fiches = Modeles()
            .Select(m => (Modele: m, Fiche: Creer(communes[m.Commune].Id, communes[m.Commune].Nom, m, maintenant.AddDays(-m.IlYaJours))))
            .ToList();
        db.FichesProjet.AddRange(fiches.Select(f => f.Fiche));

        // The COPIL session the demo fiches go before, a week ago.
        Verifier(SeanceCopil.Creer(aujourdHui.AddDays(-7), "Comité de pilotage du numérique (démo)", "Le vice-président au numérique, la DSI, les maires des communes concernées",
            Dsi, maintenant.AddDays(-30), out var seance));
        db.Add(seance!);

        // The number is made from the id (as the form does): the fiches are stored before their first submission.
        await db.SaveChangesAsync();
        foreach (var (modele, fiche) in fiches)
        {
            Avancer(fiche, seance!, modele, maintenant.AddDays(-modele.IlYaJours), aujourdHui);
        }

        var (grc, portail) = (fiches[0].Fiche, fiches[1].Fiche);
        var score = SimilariteFiches.PlusProches(Texte(grc), [Texte(portail)], seuil: 0).Single().Score;
        grc.Suggerer(portail.Id, Math.Round(score, 3), maintenant.AddDays(-20));
        portail.Suggerer(grc.Id, Math.Round(score, 3), maintenant.AddDays(-20));
        Verifier(grc.Qualifier(portail.Id, true, Dsi, maintenant.AddDays(-15)));
        Verifier(portail.Qualifier(grc.Id, true, Dsi, maintenant.AddDays(-15)));
        await db.SaveChangesAsync();
    }

    private static TexteFiche Texte(FicheProjet f) => new(f.Id, f.Titre, f.Contenu.Description, f.Contenu.Enjeux, f.Contenu.Origine);

    private static FicheProjet Creer(int membreId, string commune, Modele modele, DateTimeOffset quand)
    {
        var secretaire = new Auteur(null, $"Secrétariat de {commune} (démo)");
        Verifier(FicheProjet.Creer(membreId, modele.Titre, modele.Contenu with { Redacteur = secretaire.Nom }, secretaire, quand, out var fiche));
        return fiche!;
    }

    /// <summary>Brings a stored draft to its demo state, each step a few days after the previous one.</summary>
    private static void Avancer(FicheProjet fiche, SeanceCopil seance, Modele modele, DateTimeOffset cree, DateOnly aujourdHui)
    {
        if (modele.Etat == EtatFiche.Brouillon)
        {
            return;
        }

        var secretaire = new Auteur(null, fiche.Contenu.Redacteur ?? "Secrétariat de mairie (démo)");
        var depot = cree.AddDays(2);
        var manques = fiche.Deposer("Première version.", (f, jour) => $"FP-{jour.Year}-{f.Id:D4}", secretaire, depot, DateOnly.FromDateTime(depot.UtcDateTime));
        if (manques.Count > 0)
        {
            throw new InvalidOperationException("Fiche projet de démonstration refusée : " + string.Join(" ", manques.Select(m => m.Message)));
        }

        if (modele.Etat == EtatFiche.Deposee)
        {
            return;
        }

        Verifier(fiche.PrendreEnInstruction(Dsi, depot.AddDays(3)));
        if (modele.Etat == EtatFiche.EnConstruction)
        {
            Verifier(fiche.DemanderComplements(modele.Demande!, Dsi, depot.AddDays(5)));
            return;
        }

        Verifier(fiche.EnregistrerInstruction(modele.Couvert, modele.DureeMois, modele.Avis, Dsi, depot.AddDays(8)));
        if (modele.Etat == EtatFiche.EnInstruction)
        {
            return;
        }

        Verifier(seance.Inscrire(fiche, Dsi, depot.AddDays(10)));
        if (modele.Etat == EtatFiche.PresenteeCopil)
        {
            return;
        }

        var decision = modele.Etat == EtatFiche.Acceptee ? DecisionCopil.Acceptee : DecisionCopil.Refusee;
        var annee = decision == DecisionCopil.Acceptee ? Math.Max(seance.Date.Year, aujourdHui.Year + 1) : (int?)null;
        Verifier(seance.Decider(fiche, decision, modele.Motivation!, annee, Dsi, depot.AddDays(21), aujourdHui));
    }

    private static void Verifier(RefusFiche? refus)
    {
        if (refus is not null)
        {
            throw new InvalidOperationException("Fiche projet de démonstration refusée : " + refus.Message);
        }
    }

    /// <summary>One demo fiche: the commune (index among the four chosen), its title and content, the state to reach and what the DSI writes on the way.</summary>
    private sealed record Modele(int Commune, string Titre, ContenuFiche Contenu, EtatFiche Etat, int IlYaJours,
        bool? Couvert = null, int? DureeMois = null, string? Avis = null, string? Demande = null, string? Motivation = null);

    private static ContenuFiche Contenu(string origine, string enjeux, string description, decimal informatique, decimal? organisation, decimal? formation,
        string usagers, string direction, string utilisateurs, string? financement = null, decimal? montantFinancement = null) => new()
    {
        DirectionPilote = "Direction générale des services",
        Type = TypeProjet.Sectoriel,
        Diffusion = "Maire et adjoints (pour information)\nSecrétariat général (pour action)",
        Origine = origine,
        Demandeur = "Le maire, sur proposition du secrétariat général",
        Enjeux = enjeux,
        Nature = NatureProjet.Isole,
        Description = description,
        PeriodeSouhaitee = "Courant de l'année prochaine",
        EtapesInitiales = "Recueil des besoins des services, visite d'une commune équipée, consultation de la DSI.",
        CoutInformatique = new Montant(informatique),
        CoutOrganisation = organisation is { } o ? new Montant(o) : null,
        CoutFormation = formation is { } f ? new Montant(f) : null,
        FinancementExterieur = financement,
        MontantFinancementExterieur = montantFinancement is { } m ? new Montant(m) : null,
        ObjectifsUsagers = usagers,
        ObjectifsDirection = direction,
        ObjectifsUtilisateurs = utilisateurs,
        ContraintesOrganisationnelles = "Un agent référent disponible une demi-journée par semaine pendant la mise en place.",
        ConditionsReussite = "L'adhésion des agents et un accompagnement de la DSI au démarrage.",
        Incertitudes = "Le calendrier de l'éditeur retenu.",
        IndicateursSuivi = "Taux d'utilisation à six mois, satisfaction des agents et des habitants.",
    };

    private static IReadOnlyList<Modele> Modeles() =>
    [
        new(0, "Gestion de la relation citoyen (GRC)",
            Contenu("Les demandes des habitants (voirie, éclairage, état civil) arrivent par téléphone, courriel et à l'accueil, sans suivi commun.",
                "Répondre à chaque habitant dans un délai connu et suivre les demandes d'un service à l'autre.",
                "Un outil de gestion de la relation citoyen : enregistrement des demandes des habitants, suivi par service, réponse et relance.",
                6500m, 1500m, 800m, "Répondre plus vite et savoir où en est sa demande.", "Des tableaux de bord des demandes par thème et par délai.",
                "Un seul outil pour enregistrer et suivre toutes les demandes."),
            EtatFiche.EnInstruction, 60, Couvert: false, DureeMois: 9,
            Avis: "Le portefeuille n'a pas d'outil de GRC ; besoin partagé avec une autre commune, à mutualiser dans un seul marché."),
        new(2, "Portail de suivi des demandes des habitants",
            Contenu("Les signalements des habitants sont notés sur papier à l'accueil de la mairie et se perdent entre les services.",
                "Suivre chaque demande des habitants jusqu'à sa réponse et mesurer les délais.",
                "Un outil de relation citoyen pour enregistrer les demandes et signalements des habitants et suivre leur traitement par les services.",
                5200m, 1000m, 600m, "Déposer une demande en ligne et en suivre le traitement.", "Connaître les délais de réponse par service.",
                "Ne plus ressaisir les demandes notées à l'accueil."),
            EtatFiche.Deposee, 40),
        new(1, "Wifi public dans les salles communales",
            new ContenuFiche
            {
                DirectionPilote = "Services techniques",
                Description = "Offrir un accès wifi aux associations et aux visiteurs de la salle polyvalente et de la médiathèque.",
                CoutInformatique = new Montant(3400m),
            },
            EtatFiche.Brouillon, 10),
        new(3, "Vidéoprotection des abords de l'école",
            Contenu("Des dégradations répétées autour du groupe scolaire et du parking de la salle des sports.",
                "Protéger les bâtiments publics et rassurer les parents d'élèves.",
                "Installer quatre caméras aux abords de l'école et du parking, avec un enregistreur en mairie et une consultation encadrée.",
                18000m, null, 1200m, "Des abords de l'école plus sûrs.", "Un dispositif conforme au code de la sécurité intérieure.",
                "Une consultation des images simple pour les agents habilités.", "Fonds interministériel de prévention de la délinquance", 7200m),
            EtatFiche.EnConstruction, 45,
            Demande: "Précisez le nombre et l'emplacement des caméras, et joignez l'avis du référent sûreté de la gendarmerie."),
        new(0, "Dématérialisation des actes et transmission au contrôle de légalité",
            Contenu("Les délibérations et arrêtés sont transmis en préfecture sur papier ; les registres sont tenus à la main.",
                "Gagner du temps, réduire les frais d'envoi et rendre les actes exécutoires plus vite.",
                "Un logiciel de rédaction des actes relié au tiers de télétransmission ACTES, avec le registre et la publication électroniques.",
                4200m, 600m, 900m, "Des actes publiés en ligne dès leur transmission.", "Un suivi des actes et de leur caractère exécutoire.",
                "Rédiger, signer et transmettre un acte sans l'imprimer.", "Dotation de soutien à l'investissement local", 2000m),
            EtatFiche.Acceptee, 150, Couvert: false, DureeMois: 6, Avis: "Projet prêt : le tiers de télétransmission de l'EPCI peut être étendu à la commune.",
            Motivation: "Accepté : projet inscrit au schéma directeur, déployé avec le tiers de télétransmission mutualisé de l'EPCI."),
        new(2, "Renouvellement du parc informatique de la mairie",
            Contenu("Huit postes de plus de sept ans, lents, dont deux ne reçoivent plus de correctifs de sécurité.",
                "Travailler sur des postes sûrs et maintenus.",
                "Remplacer les huit postes de la mairie et l'imprimante de l'accueil.",
                9600m, null, null, "Un accueil qui ne fait plus attendre.", "Un parc à jour des correctifs de sécurité.", "Des postes rapides."),
            EtatFiche.Refusee, 120, Couvert: true, DureeMois: 2, Avis: "Le besoin est couvert par le marché mutualisé de postes de travail du catalogue.",
            Motivation: "Refusé comme projet : le besoin est couvert par le service mutualisé de renouvellement des postes, auquel la commune peut souscrire."),
        new(3, "Téléphonie sur IP de la mairie et des écoles",
            Contenu("Un autocommutateur en fin de vie et des abonnements séparés pour la mairie et chaque école.",
                "Réduire les coûts de téléphonie et joindre la mairie plus facilement.",
                "Passer la mairie et les deux écoles à la téléphonie sur IP, avec un standard et une messagerie vocale communs.",
                7400m, 500m, 400m, "Un standard joignable et un renvoi des appels.", "Une facture de téléphonie réduite et lisible.",
                "Un poste téléphonique et une messagerie par agent."),
            EtatFiche.PresenteeCopil, 80, Couvert: false, DureeMois: 4, Avis: "À rapprocher du marché de téléphonie de l'EPCI, qui arrive à échéance."),
    ];
}
