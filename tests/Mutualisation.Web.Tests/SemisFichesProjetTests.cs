using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>The demo profiles' fiches projet (issue 11): several communes, several states, seeded once.</summary>
public class SemisFichesProjetTests
{
    [Theory]
    [InlineData("redon", "mairie@saint-nicolas-de-redon.demo")]
    [InlineData("coeur-cote-fleurie", "mairie@trouville-sur-mer.demo")]
    public async Task Chaque_profil_de_demonstration_seme_une_fois_des_fiches_dans_plusieurs_etats_et_plusieurs_communes(string profil, string mairie)
    {
        using var portail = PortailFactory.SurUneNouvelleBase();
        portail.Reglages["Demo:Profil"] = profil;

        var fiches = await portail.ExecuterAsync(db => db.FichesProjet.AsNoTracking().Include(f => f.Versions).Include(f => f.Evenements).Include(f => f.Liens)
            .AsSplitQuery().ToListAsync());

        Assert.InRange(fiches.Count, 6, 8);
        Assert.True(fiches.Select(f => f.MembreId).Distinct().Count() >= 4, "des fiches de plusieurs communes");
        Assert.Subset(fiches.Select(f => f.Etat).ToHashSet(),
            new HashSet<EtatFiche> { EtatFiche.Brouillon, EtatFiche.Deposee, EtatFiche.EnConstruction, EtatFiche.EnInstruction, EtatFiche.Acceptee, EtatFiche.Refusee });
        Assert.All(fiches.Where(f => f.Etat != EtatFiche.Brouillon), f => Assert.Matches(@"^FP-\d{4}-\d{4}$", f.Numero));
        Assert.Null(Assert.Single(fiches, f => f.Etat == EtatFiche.Brouillon).Numero);
        var instruite = fiches.First(f => f.Etat == EtatFiche.EnInstruction);
        Assert.NotNull(instruite.DureeEstimeeMois);
        Assert.NotNull(instruite.CouvertParExistant);
        Assert.Contains(fiches.Single(f => f.Etat == EtatFiche.EnConstruction).Evenements, e => e.Libelle == "Compléments demandés" && !string.IsNullOrEmpty(e.Detail));
        var acceptee = fiches.Single(f => f.Etat == EtatFiche.Acceptee);
        Assert.True(acceptee.AnneeSchemaDirecteur > PortailFactory.Exercice - 1 && !string.IsNullOrEmpty(acceptee.Motivation));
        Assert.False(string.IsNullOrEmpty(fiches.Single(f => f.Etat == EtatFiche.Refusee).Motivation));

        // A pair of similar fiches of two communes, their shared need confirmed: both mutualisables.
        var paire = fiches.Where(f => f.Mutualisable).ToList();
        Assert.Equal(2, paire.Count);
        Assert.NotEqual(paire[0].MembreId, paire[1].MembreId);
        Assert.Equal(paire[1].Id, Assert.Single(paire[0].Liens, l => l.Statut == StatutLien.Confirme).AutreFicheId);
        Assert.True(paire[0].Liens.Single().Score > 0.12, "la paire se ressemble assez pour que le portail la suggère");

        // The demo secretary reads her commune's fiches, and only them.
        using var session = await portail.ConnecterAsync(mairie);
        using var json = JsonDocument.Parse((await session.GetAsync("/api/v1/fiches-projet")).Texte);
        Assert.InRange(json.RootElement.GetProperty("total").GetInt32(), 1, fiches.Count - 1);

        using var redemarre = PortailFactory.SurLaMemeBase(portail);
        Assert.Equal(fiches.Count, await redemarre.ExecuterAsync(db => db.FichesProjet.CountAsync()));
    }
}
