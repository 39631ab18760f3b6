using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence.Titres;
using Mutualisation.Persistence.Travaux;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The avis des sommes à payer after the issue (ADR 0026): a titre issued without its avis says so and gives no file,
/// its bordereau's documents wait for every avis, the job produces what is missing, and the database keeps each avis
/// as it was first stored.
/// </summary>
public partial class TitresTests
{
    [Fact]
    public async Task Un_bordereau_emis_sans_ses_avis_le_dit_refuse_ses_documents_puis_le_travail_les_produit_une_seule_fois()
    {
        var premier = await portail.AjouterCommuneAsync(population: 2355);
        var second = await portail.AjouterCommuneAsync(population: 2355);
        var ids = new[] { await portail.AjouterTitreAsync(premier.Id, emettre: false), await portail.AjouterTitreAsync(second.Id, emettre: false) };
        var resultat = await portail.ExecuterAsync(db => new EmissionTitres(db).EmettreAsync(ids, TitresDeTest.Test, portail.Horloge.GetUtcNow(),
            DateOnly.FromDateTime(PortailFactory.Maintenant.Date), produirePdf: null));
        Assert.Null(resultat.Refus);
        var bordereau = resultat.Bordereau!.Id;
        Assert.Equal(0, await portail.ExecuterAsync(db => db.AvisTitres.CountAsync(a => ids.Contains(a.TitreId))));

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var titre = await finances.GetAsync($"/titres/{ids[0]}");
        Assert.Contains("en cours de production", titre.TexteVisible, StringComparison.Ordinal);
        Assert.Null(titre.Document.QuerySelector($"a[href='/titres/{ids[0]}/pdf']"));
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync($"/titres/{ids[0]}/pdf")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync($"/api/v1/titres/{ids[0]}/pdf")).Statut);

        var page = await finances.GetAsync($"/titres/bordereaux/{bordereau}");
        Assert.Contains("2 avis des sommes à payer de ce bordereau", page.TexteVisible, StringComparison.Ordinal);
        var jeton = page.Document.QuerySelector($"form[action='/titres/bordereaux/{bordereau}/avis'] input[name=__RequestVerificationToken]")!.GetAttribute("value");
        foreach (var document in new[] { "pdf", "zip" })
        {
            var refus = await finances.GetAsync($"/titres/bordereaux/{bordereau}/{document}");
            Assert.Equal((HttpStatusCode.Redirect, $"/titres/bordereaux/{bordereau}"), (refus.Statut, refus.Redirection));
            Assert.Contains("ne sont pas encore produits", (await finances.GetAsync(refus.Redirection!)).TexteVisible, StringComparison.Ordinal);
        }

        var pes = await portail.ExecuterAsync(db => new Features.Pes.ExportsPes(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<Features.Pes.ExportsPes>.Instance)
            .ProduireAsync(bordereau, TitresDeTest.Test, portail.Horloge.GetUtcNow()));
        Assert.Null(pes.Export);
        Assert.Contains(pes.Refus, r => r.StartsWith("2 avis des sommes à payer", StringComparison.Ordinal));

        // An AgentDSI reads the page but cannot launch the production.
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.Null((await agent.GetAsync($"/titres/bordereaux/{bordereau}")).Document.QuerySelector($"form[action='/titres/bordereaux/{bordereau}/avis']"));

        var lancement = await finances.SoumettreAsync($"/titres/bordereaux/{bordereau}", [], $"/titres/bordereaux/{bordereau}/avis");
        Assert.Equal(HttpStatusCode.Redirect, lancement.Statut);
        Assert.StartsWith("/travaux/", lancement.Redirection, StringComparison.Ordinal);
        var travail = await portail.AttendreFinAsync(int.Parse(lancement.Redirection!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(EtatTravail.Termine, travail.Etat);
        Assert.Equal("2 avis des sommes à payer produit(s) pour le bordereau.", travail.Message);

        var avis = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => ids.Contains(a.TitreId)).ToListAsync());
        Assert.Equal(ids.Order(), avis.Select(a => a.TitreId).Order());
        using (var telechargement = await TelechargerAsync(finances, $"/titres/{ids[0]}/pdf"))
        {
            Assert.Equal(avis.Single(a => a.TitreId == ids[0]).Pdf, await telechargement.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.OK, (await finances.GetAsync($"/titres/bordereaux/{bordereau}/pdf")).Statut);
        Assert.DoesNotContain("en cours de production", (await finances.GetAsync($"/titres/bordereaux/{bordereau}")).TexteVisible, StringComparison.Ordinal);

        // Produced again (a second click, a resumed job): nothing more, nothing changed.
        var encore = await portail.ExecuterAsync(db => new ProductionAvis(db).ProduireAsync(db.TitresRecette.Where(t => t.BordereauId == bordereau),
            AvisSommesAPayerPdf.Produire, portail.Horloge.GetUtcNow()));
        Assert.Equal(0, encore);
        var relance = await finances.PostAsync($"/titres/bordereaux/{bordereau}/avis", [], jeton);
        Assert.Equal($"/titres/bordereaux/{bordereau}", relance.Redirection);
        var apres = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => ids.Contains(a.TitreId)).OrderBy(a => a.TitreId).Select(a => a.Sha256).ToListAsync());
        Assert.Equal(avis.OrderBy(a => a.TitreId).Select(a => a.Sha256), apres);
    }

    [Fact]
    public async Task Deux_productions_simultanees_enregistrent_chaque_avis_une_fois()
    {
        var membres = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            membres.Add((await portail.AjouterCommuneAsync(population: 2355)).Id);
        }

        var ids = new List<int>();
        foreach (var membre in membres)
        {
            ids.Add(await portail.AjouterTitreAsync(membre, emettre: false));
        }

        var bordereau = (await portail.ExecuterAsync(db => new EmissionTitres(db).EmettreAsync(ids, TitresDeTest.Test, portail.Horloge.GetUtcNow(),
            DateOnly.FromDateTime(PortailFactory.Maintenant.Date), produirePdf: null))).Bordereau!.Id;

        var produits = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => portail.ExecuterAsync(db => new ProductionAvis(db)
            .ProduireAsync(db.TitresRecette.Where(t => t.BordereauId == bordereau), AvisSommesAPayerPdf.Produire, portail.Horloge.GetUtcNow()))));

        Assert.Equal(ids.Count, produits.Sum());
        Assert.Equal(ids.Order(), await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => ids.Contains(a.TitreId)).Select(a => a.TitreId).OrderBy(i => i).ToListAsync()));
    }

    [Fact]
    public async Task Les_avis_se_produisent_tranche_par_tranche_plusieurs_en_avance_et_une_production_interrompue_se_termine_a_la_suivante()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var ids = new List<int>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await portail.AjouterTitreAsync(membre.Id, emettre: false));
        }

        var bordereau = (await portail.ExecuterAsync(db => new EmissionTitres(db).EmettreAsync(ids, TitresDeTest.Test, portail.Horloge.GetUtcNow(),
            DateOnly.FromDateTime(PortailFactory.Maintenant.Date), produirePdf: null))).Bordereau!.Id;
        var quand = portail.Horloge.GetUtcNow();

        // Slices of two: four slices, several rendered while an earlier one is written. The fifth titre's rendering
        // fails: the slices written before it stay, the production stops with the error.
        var progres = new List<(int Faits, int Total)>();
        var panne = ids[4];
        await Assert.ThrowsAnyAsync<Exception>(() => portail.ExecuterAsync(db => new ProductionAvis(db, tailleTranche: 2).ProduireAsync(
            db.TitresRecette.Where(t => t.BordereauId == bordereau),
            (t, e) => t.Id == panne ? throw new InvalidOperationException("rendu impossible") : AvisSommesAPayerPdf.Produire(t, e),
            quand, (faits, total) => { progres.Add((faits, total)); return Task.CompletedTask; })));
        Assert.Equal([(2, 7), (4, 7)], progres);
        Assert.Equal(ids[..4], await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => ids.Contains(a.TitreId)).Select(a => a.TitreId).OrderBy(i => i).ToListAsync()));

        // The next run produces what is missing, and only that, slice after slice.
        progres.Clear();
        var reprise = await portail.ExecuterAsync(db => new ProductionAvis(db, tailleTranche: 2).ProduireAsync(db.TitresRecette.Where(t => t.BordereauId == bordereau),
            AvisSommesAPayerPdf.Produire, quand, (faits, total) => { progres.Add((faits, total)); return Task.CompletedTask; }));
        Assert.Equal(3, reprise);
        Assert.Equal([(2, 3), (3, 3)], progres);
        var avis = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => ids.Contains(a.TitreId)).OrderBy(a => a.TitreId).ToListAsync());
        Assert.Equal(ids, avis.Select(a => a.TitreId));
        Assert.All(avis, a => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.Pdf)), a.Sha256));
    }

    [Fact]
    public async Task La_base_refuse_de_changer_ou_d_effacer_un_avis_et_d_en_donner_un_a_un_brouillon()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var brouillon = await portail.AjouterTitreAsync(membre.Id, emettre: false);
        var avant = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().SingleAsync(a => a.TitreId == id));

        foreach (var sql in new[]
        {
            $"UPDATE \"AvisTitres\" SET \"Sha256\" = 'x' WHERE \"TitreId\" = {id}",
            $"DELETE FROM \"AvisTitres\" WHERE \"TitreId\" = {id}",
            $"INSERT INTO \"AvisTitres\" (\"TitreId\", \"Pdf\", \"Sha256\", \"ProduitLe\") SELECT {brouillon}, \"Pdf\", \"Sha256\", \"ProduitLe\" FROM \"AvisTitres\" WHERE \"TitreId\" = {id}",
            $"INSERT INTO \"AvisTitres\" (\"TitreId\", \"Pdf\", \"Sha256\", \"ProduitLe\") SELECT {int.MaxValue - 7}, \"Pdf\", \"Sha256\", \"ProduitLe\" FROM \"AvisTitres\" WHERE \"TitreId\" = {id}",
        })
        {
            var erreur = await Assert.ThrowsAnyAsync<Exception>(() => portail.ExecuterAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains(DeclencheursTitres.MessageAvis, erreur.Message, StringComparison.Ordinal);
        }

        var apres = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().SingleAsync(a => a.TitreId == id));
        Assert.Equal(avant.Pdf, apres.Pdf);
        Assert.Equal(avant.Sha256, apres.Sha256);
        Assert.False(await portail.ExecuterAsync(db => db.AvisTitres.AnyAsync(a => a.TitreId == brouillon)));
    }
}
