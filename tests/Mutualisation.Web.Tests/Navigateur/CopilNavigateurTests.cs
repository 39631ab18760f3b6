using Microsoft.Playwright;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>The DSI prepares a COPIL session, puts an instructed fiche on its agenda, accepts it and finds it in the schéma directeur, on accessible pages (issue 11).</summary>
[Collection(NavigateurCollection.Nom)]
public class CopilNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task La_dsi_prepare_une_seance_accepte_une_fiche_et_la_retrouve_au_schema_directeur_sur_des_pages_accessibles()
    {
        var commune = await portail.AjouterCommuneAsync();
        var titre = "Logiciel d'état civil " + Guid.NewGuid().ToString("N")[..6];
        var fiche = await portail.AjouterFicheInstruiteAsync(commune.Id, titre);
        var page = await portail.PageConnecteeAsync(Comptes.Agent);

        await page.GotoAsync($"{portail.Adresse}/copil");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByLabel("Date de la séance (jj/mm/aaaa) *").FillAsync("14/10/2026");
        await page.GetByLabel("Lieu ou intitulé *").FillAsync("Salle du conseil communautaire");
        await page.GetByLabel("Participants (un par ligne)").FillAsync("Le président\nLa directrice de la DSI");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await page.Locator("#etat-seance").WaitForAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.Locator("tr.fiche-candidate", new() { HasText = titre }).GetByRole(AriaRole.Button).ClickAsync();
        await page.Locator($"#point-{fiche}").WaitForAsync();

        // Without a motivation: the error beside the field, accessible.
        await page.GetByLabel("Décision", new() { Exact = true }).SelectOptionAsync("Acceptee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        Assert.Equal("La motivation de la décision est obligatoire.", (await page.Locator($"#Motivation-{fiche}-erreur").InnerTextAsync()).Trim());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByLabel("Motivation *").FillAsync("Logiciel non maintenu : besoin urgent.");
        await page.GetByLabel("Année au schéma directeur (si acceptée)").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await page.Locator(".decision-point").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Clore la séance" }).ClickAsync();
        await Assertions.Expect(page.Locator("#etat-seance")).ToContainTextAsync("Close le");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GotoAsync($"{portail.Adresse}/schema-directeur?annee=2027");
        Assert.Contains(titre, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
    }
}
