using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Fiches projet stored and read back (issue 11): content, versions, history and links survive the database, on each provider.</summary>
[Collection(PortailCollection.Nom)]
public class FichesProjetTests(PortailFactory portail)
{
    private static readonly Auteur Secretaire = new(null, "Sophie Secrétaire");

    private static readonly ContenuFiche Complet = new()
    {
        DirectionPilote = "Secrétariat général",
        Type = TypeProjet.Transversal,
        Redacteur = "Sophie Secrétaire",
        Origine = "Logiciel d'état civil non maintenu.",
        Demandeur = "Le maire",
        Enjeux = "Sécuriser l'état civil.",
        Nature = NatureProjet.AvecProjetsConnexes,
        ProjetsConnexes = "Formation des agents d'accueil.",
        Description = "Remplacer le logiciel d'état civil.",
        PeriodeSouhaitee = "2027",
        CoutInformatique = new Montant(4800.50m),
        ObjectifsUsagers = "Actes délivrés plus vite.",
        ObjectifsDirection = "Traçabilité.",
        ObjectifsUtilisateurs = "Saisie guidée.",
        ConditionsReussite = "Disponibilité de l'agent.",
        IndicateursSuivi = "Délai de délivrance.",
    };

    [Fact]
    public async Task Une_fiche_deposee_deux_fois_se_relit_avec_ses_versions_son_historique_et_ses_liens()
    {
        var commune = await portail.AjouterCommuneAsync();
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
        var id = await portail.ExecuterAsync(async db =>
        {
            Assert.Null(FicheProjet.Creer(commune.Id, "Logiciel d'état civil", new ContenuFiche { Description = "À compléter" }, Secretaire, quand, out var fiche));
            db.FichesProjet.Add(fiche!);
            await db.SaveChangesAsync();
            return fiche!.Id;
        });

        await portail.ExecuterAsync(async db =>
        {
            var fiche = await db.FichesProjet.SingleAsync(f => f.Id == id);
            Assert.Equal("À compléter", fiche.Contenu.Description);
            Assert.Null(fiche.Enregistrer("Logiciel d'état civil", Complet, Secretaire, quand));
            Assert.Empty(fiche.Deposer("Première version", (f, jour) => $"FP-{jour.Year}-{f.Id:D4}", Secretaire, quand, aujourdHui));
            Assert.Null(fiche.DemanderComplements("Combien d'actes par an ?", Secretaire, quand));
            Assert.Null(fiche.Enregistrer("Logiciel d'état civil", Complet with { Origine = "300 actes par an." }, Secretaire, quand));
            Assert.Empty(fiche.Deposer(null, (f, jour) => "jamais utilisé", Secretaire, quand, aujourdHui));
            fiche.Suggerer(id + 1000, 0.42, quand);
            return await db.SaveChangesAsync();
        });

        var relue = await portail.ExecuterAsync(db => db.FichesProjet.AsNoTracking().Include(f => f.Versions).Include(f => f.Evenements).Include(f => f.Liens)
            .AsSplitQuery().SingleAsync(f => f.Id == id));
        Assert.Equal((EtatFiche.Deposee, $"FP-{aujourdHui.Year}-{id:D4}"), (relue.Etat, relue.Numero));
        Assert.Equal(Complet with { Origine = "300 actes par an." }, relue.Contenu);
        Assert.Equal(new Montant(4800.50m), relue.Contenu.CoutInformatique);
        Assert.Equal([(1, "Logiciel d'état civil non maintenu."), (2, "300 actes par an.")],
            relue.Versions.OrderBy(v => v.Numero).Select(v => (v.Numero, v.Contenu.Origine!)));
        Assert.Equal(["Brouillon créé", "Fiche déposée", "Compléments demandés", "Version 2 déposée"],
            relue.Evenements.OrderBy(e => e.Id).Select(e => e.Libelle));
        var lien = Assert.Single(relue.Liens);
        Assert.Equal((StatutLien.Suggere, 0.42), (lien.Statut, lien.Score!.Value));
    }
}
