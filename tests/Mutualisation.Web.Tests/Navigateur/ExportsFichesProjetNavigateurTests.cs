using Microsoft.Playwright;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>The list of fiches projet with the demo fiches and its export buttons, on an accessible page (issue 11).</summary>
[Collection(NavigateurCollection.Nom)]
public class ExportsFichesProjetNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task La_dsi_voit_les_fiches_de_demonstration_et_telecharge_l_export_csv_depuis_une_liste_accessible()
    {
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await page.GotoAsync($"{portail.Adresse}/fiches-projet");

        var grc = page.Locator("tr.ligne-fiche", new() { HasText = "Gestion de la relation citoyen (GRC)" });
        await Assertions.Expect(grc).ToContainTextAsync("Mutualisable");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        var telechargement = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exporter en CSV les fiches projet de la liste" }).ClickAsync());
        Assert.Matches(@"^fiches-projet-\d{4}-\d{2}-\d{2}\.csv$", telechargement.SuggestedFilename);
        var contenu = await File.ReadAllTextAsync(await telechargement.PathAsync(), System.Text.Encoding.UTF8);
        Assert.Contains("Gestion de la relation citoyen (GRC)", contenu, StringComparison.Ordinal);
    }
}
