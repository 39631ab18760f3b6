using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>Fiches projet brought up to instruction and COPIL sessions, straight through the aggregates.</summary>
public static class CopilDeTest
{
    private static readonly Auteur Test = new(null, "Test");

    /// <summary>Every field Annexe 3 needs for a submission; the costs 12 500,50 € (IT) and 2 000 € (training).</summary>
    public static readonly ContenuFiche Complet = new()
    {
        DirectionPilote = "Secrétariat général",
        Type = TypeProjet.Transversal,
        Diffusion = "Services techniques, pour information",
        Redacteur = "Sophie Secrétaire",
        Validation = "Le maire",
        Origine = "Le logiciel d'état civil n'est plus maintenu.",
        Demandeur = "Le maire",
        Enjeux = "Sécuriser l'état civil.",
        Nature = NatureProjet.Isole,
        Description = "Remplacer le logiciel d'état civil et reprendre les actes.",
        PeriodeSouhaitee = "Premier semestre 2027",
        EtapesInitiales = "Recenser les actes à reprendre.",
        CoutInformatique = new Montant(12_500.50m),
        CoutFormation = new Montant(2_000m),
        FinancementExterieur = "Dotation de l'État",
        MontantFinancementExterieur = new Montant(1_000m),
        ObjectifsUsagers = "Actes délivrés plus vite.",
        ObjectifsDirection = "Traçabilité des actes.",
        ObjectifsUtilisateurs = "Saisie guidée.",
        ContraintesOrganisationnelles = "Un seul agent formé.",
        ContraintesExterieures = "Instruction générale relative à l'état civil.",
        ConditionsReussite = "Disponibilité de l'agent.",
        Incertitudes = "Qualité des données reprises.",
        IndicateursSuivi = "Délai de délivrance des actes.",
    };

    /// <summary>
    /// A fiche of <paramref name="membreId"/> submitted and taken into instruction; when <paramref name="prete"/>, the DSI
    /// has said the portfolio does not cover the need and estimated 6 months (it may then go before the COPIL).
    /// </summary>
    public static Task<int> AjouterFicheInstruiteAsync(this PortailFactory portail, int membreId, string titre, bool prete = true) =>
        portail.ExecuterAsync(async db =>
        {
            var quand = portail.Horloge.GetUtcNow();
            Verifier(FicheProjet.Creer(membreId, titre, Complet, Test, quand, out var fiche));
            db.FichesProjet.Add(fiche!);
            await db.SaveChangesAsync();
            Assert.Empty(fiche!.Deposer("Première version", (f, jour) => $"FP-{jour.Year}-{f.Id:D4}", Test, quand, DateOnly.FromDateTime(PortailFactory.Maintenant.Date)));
            Verifier(fiche.PrendreEnInstruction(Test, quand));
            if (prete)
            {
                Verifier(fiche.EnregistrerInstruction(false, 6, "Aucun logiciel du portefeuille ne couvre l'état civil.", Test, quand));
            }

            await db.SaveChangesAsync();
            return fiche.Id;
        });

    /// <summary>A session on <paramref name="date"/> (by default the day before the test clock's day) with these fiches on its agenda.</summary>
    public static Task<int> AjouterSeanceAsync(this PortailFactory portail, string libelle, DateOnly? date = null, params int[] fiches) =>
        portail.ExecuterAsync(async db =>
        {
            var quand = portail.Horloge.GetUtcNow();
            Verifier(SeanceCopil.Creer(date ?? DateOnly.FromDateTime(PortailFactory.Maintenant.Date).AddDays(-1), libelle, "Le président\nLa DSI", Test, quand, out var seance));
            db.SeancesCopil.Add(seance!);
            await db.SaveChangesAsync();
            foreach (var id in fiches)
            {
                var fiche = await db.FichesProjet.FindAsync(id);
                await db.Entry(fiche!).Collection(f => f.Evenements).LoadAsync();
                Verifier(seance!.Inscrire(fiche!, Test, quand));
            }

            await db.SaveChangesAsync();
            return seance!.Id;
        });

    private static void Verifier(RefusFiche? refus) => Assert.True(refus is null, refus?.Message);
}
