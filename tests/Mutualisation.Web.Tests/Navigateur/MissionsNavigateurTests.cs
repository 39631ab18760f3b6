using Microsoft.Playwright;
using Mutualisation.Domain.Missions;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class MissionsNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Un_agent_saisit_une_demi_journee_et_voit_baisser_les_jours_restants_sur_des_pages_accessibles()
    {
        // 1 200 inhabitants: 2,5 days free in 2026, 0,5 day already recorded.
        var commune = await portail.AjouterCommuneAsync(population: 1200);
        var (mission, _) = await portail.AjouterMissionAsync(commune.Id, StatutMission.EnCours, new DateOnly(2026, 9, 1), (new DateOnly(2026, 9, 2), 0.5m));
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await page.GotoAsync($"{portail.Adresse}/missions/membres/{commune.Id}");
        Assert.Equal("2 jours", (await page.Locator("#restant-n1").InnerTextAsync()).Trim());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GotoAsync($"{portail.Adresse}/missions/{mission}");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByRole(AriaRole.Link, new() { Name = "Saisir du temps" }).ClickAsync();
        await page.GetByLabel("Date *").FillAsync("14/10/2026");
        await page.GetByLabel("Temps passé (jours) *").FillAsync("0,5");
        await page.GetByLabel("Moment").SelectOptionAsync("ApresMidi");
        await page.GetByLabel("Commentaire").FillAsync("Analyse des offres");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la saisie" }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/missions/{mission}#saisies");
        Assert.Contains("1 jour", await page.Locator("#jours-consommes").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = commune.Nom }).First.ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/missions/membres/{commune.Id}");
        Assert.Equal("1,5 jour", (await page.Locator("#restant-n1").InnerTextAsync()).Trim());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"jours-n1-du-membre-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }
}
