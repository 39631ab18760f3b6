using Microsoft.Playwright;
using Mutualisation.Domain.Conventions;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class ConventionsNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Un_agent_enregistre_une_denonciation_et_voit_la_date_de_sortie_sur_des_pages_accessibles()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (id, _) = await portail.AjouterConventionAsync(commune.Id, ModeleConvention.ConventionGlobale, StatutConvention.EnVigueur);
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await page.GotoAsync($"{portail.Adresse}/conventions/{id}");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer une dénonciation" }).ClickAsync();
        await page.GetByLabel("Courrier reçu le *").FillAsync("02/10/2026");
        await page.GetByLabel("Référence du courrier *").FillAsync("LRAR 1A 987 654");
        await page.GetByLabel("Le membre").CheckAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la dénonciation" }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/conventions/{id}");

        // Notice received on 2 October: too late for the next 1 January, the member leaves on the one after.
        Assert.StartsWith("01/01/2028", (await page.Locator("#date-sortie").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains("Dénoncée", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"convention-denoncee-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }
}
