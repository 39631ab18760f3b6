using Microsoft.Playwright;
using Mutualisation.Domain.Conventions;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class AdhesionsNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Un_agent_enregistre_le_choix_de_l_article_8_depuis_la_fiche_du_membre_sur_des_pages_accessibles()
    {
        var commune = await portail.AjouterCommuneAsync(population: 2355);
        await portail.AjouterConventionAsync(commune.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await page.GotoAsync($"{portail.Adresse}/membres/{commune.Id}");
        await page.Locator("#lien-adhesion").ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/membres/{commune.Id}/adhesion");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByRole(AriaRole.Link, new() { Name = "Enregistrer le choix" }).ClickAsync();
        await page.GetByLabel("Formule *").SelectOptionAsync("socle-complet");
        await page.GetByLabel("Date d'effet *").FillAsync("01/10/2026");
        await page.GetByLabel("Numéro de l'acte *").FillAsync("2026-40");
        await page.GetByLabel("Date de l'acte *").FillAsync("01/09/2026");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le choix" }).ClickAsync();

        // No audit delivered: refused beside the field, the input kept.
        await Assertions.Expect(page.Locator("#CodeFormule-erreur")).ToContainTextAsync("audit préalable");
        Assert.Equal("2026-40", await page.GetByLabel("Numéro de l'acte *").InputValueAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByLabel("Formule *").SelectOptionAsync("groupement-achats");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le choix" }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/membres/{commune.Id}/adhesion");
        Assert.Contains("Groupements d'achats", await page.Locator("tr.choix-formule").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"adhesion-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }
}
