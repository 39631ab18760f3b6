using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisation.Domain.Titres;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class TitresNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task La_finance_annule_un_titre_avec_remplacement_emet_les_deux_ouvre_le_bordereau_et_telecharge_son_pdf()
    {
        var commune = await portail.AjouterCommuneAsync("Commune annulée " + Guid.NewGuid().ToString("N")[..6], population: 2355);
        var id = await portail.AjouterTitreAsync(commune.Id);
        var page = await portail.PageConnecteeAsync(Comptes.Finances);
        await page.GotoAsync($"{portail.Adresse}/titres/{id}");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Annuler ou réduire ce titre" }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/titres/{id}/reduction");
        Assert.Equal("5532,50", await page.GetByLabel("Montant réduit (€) *").InputValueAsync());
        await page.GetByLabel("Motif *").FillAsync("Population du mauvais millésime");
        await page.GetByLabel("Préparer un titre de remplacement").CheckAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Préparer le brouillon" }).ClickAsync();
        try
        {
            await Attendre.AdresseAsync(page, $"{portail.Adresse}/titres/brouillons");
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Pas de liste des brouillons après la réduction : {page.Url} — {await page.Locator("main").InnerTextAsync()}");
        }

        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        var (annulation, remplacement) = await portail.ExecuterAsync(async db => (
            await db.TitresRecette.Where(t => t.TitreOrigineId == id).Select(t => t.Id).SingleAsync(),
            await db.TitresRecette.Where(t => t.TitreRemplaceId == id).Select(t => t.Id).SingleAsync()));
        await page.Locator($"#emettre-{annulation}").CheckAsync();
        await page.Locator($"#emettre-{remplacement}").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Émettre les brouillons cochés" }).ClickAsync();
        try
        {
            await Attendre.AdresseAsync(page, new System.Text.RegularExpressions.Regex("/titres/bordereaux/[0-9]+$"));
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // Say why the issue did not lead to the bordereau (a refusal shown on the page, or the page it stayed on).
            throw new Xunit.Sdk.XunitException($"Pas de bordereau après l'émission : {page.Url} — {await page.Locator("main").InnerTextAsync()}");
        }

        Assert.Contains("Bordereau n°", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("tbody tr").CountAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        var telechargement = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger le bordereau (PDF)", Exact = false }).ClickAsync());
        var chemin = Path.Combine(Path.GetTempPath(), $"bordereau-{Guid.NewGuid():N}.pdf");
        await telechargement.SaveAsAsync(chemin);
        try
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(chemin);
            Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} page(s)");
            Assert.Contains("Bordereau de titres de recette", pdf.GetPage(1).Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(chemin);
        }

        var statuts = await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == annulation || t.Id == remplacement).Select(t => t.Statut).ToListAsync());
        Assert.All(statuts, s => Assert.Equal(StatutTitre.Emis, s));
        await page.GotoAsync($"{portail.Adresse}/titres/{id}");
        Assert.Contains("Annulé", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
    }
}
