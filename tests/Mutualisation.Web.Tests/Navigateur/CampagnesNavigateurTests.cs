using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Conventions;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class CampagnesNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Les_finances_ouvrent_une_campagne_lancent_le_calcul_revoient_emettent_et_telechargent_l_avis_sur_des_pages_accessibles()
    {
        // A member of the demo EPCI on the socle complet since 1 January of the previous exercice (audit delivered before).
        var commune = Jeux.Commune(population: 2355);
        commune.EnregistrerPopulation(2022, 2355, 2345, "test");
        await portail.ExecuterAsync(async db =>
        {
            db.Membres.Add(commune);
            return await db.SaveChangesAsync();
        });
        await portail.AjouterConventionAsync(commune.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await portail.ExecuterAsync(async db =>
        {
            db.Audits.Add(Features.Audits.SemisAudits.Livre(commune.Id, commune.Nom, "35999", new DateOnly(2024, 3, 10), portail.Horloge.GetUtcNow(), DateOnly.FromDateTime(PortailFactory.Maintenant.Date)));
            return await db.SaveChangesAsync();
        });
        var agent = await portail.PageConnecteeAsync(Comptes.Agent);
        await agent.GotoAsync($"{portail.Adresse}/membres/{commune.Id}/adhesion");
        await agent.GetByRole(AriaRole.Link, new() { Name = "Enregistrer le choix" }).ClickAsync();
        await agent.GetByLabel("Formule *").SelectOptionAsync("socle-complet");
        await agent.GetByLabel("Date d'effet *").FillAsync("01/01/2025");
        await agent.GetByLabel("Numéro de l'acte *").FillAsync("2024-31");
        await agent.GetByLabel("Date de l'acte *").FillAsync("20/12/2024");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le choix" }).ClickAsync();
        await Attendre.AdresseAsync(agent, $"{portail.Adresse}/membres/{commune.Id}/adhesion");
        await agent.CloseAsync();

        var page = await portail.PageConnecteeAsync(Comptes.Finances);
        await page.GotoAsync($"{portail.Adresse}/campagnes");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        // Open: a campaign of its own (the demo already has the previous and the current exercice on the settings' budget).
        var budget = "N" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Exercice facturé *").FillAsync("2024");
        await page.GetByLabel("Budget *").FillAsync(budget);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir la campagne" }).ClickAsync();
        await Attendre.AdresseAsync(page, new System.Text.RegularExpressions.Regex("/campagnes/[0-9]+$"));
        Assert.Contains("Campagne de facturation 2024", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        // Dry run of the demo's campaign of the previous exercice, in the background, with its progress bar.
        var campagne = await portail.ExecuterAsync(db => db.Set<Campagne>().Where(c => c.ExerciceFacture == PortailFactory.Exercice - 1).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        await page.GotoAsync($"{portail.Adresse}/campagnes/{campagne}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Relancer le calcul (à blanc)" }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/campagnes/{campagne}");
        await Assertions.Expect(page.Locator("#progression")).ToBeVisibleAsync();
        var ligne = page.Locator("#revue tbody tr", new() { HasText = commune.Nom });
        await Assertions.Expect(ligne).ToContainTextAsync("Prêt", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#etat-travail")).ToHaveTextAsync("Terminé");
        await Assertions.Expect(ligne).ToContainTextAsync("5 532,50");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        // Issue every ready draft in one bordereau, then download the member's avis des sommes à payer.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Émettre les") }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/campagnes/{campagne}");
        await Assertions.Expect(ligne).ToContainTextAsync("Titre n°");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var lien = ligne.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^PDF") });
        var adresse = await lien.GetAttributeAsync("href");
        var pdf = await page.Context.APIRequest.GetAsync(portail.Adresse + adresse);
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("application/pdf", pdf.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("%PDF"u8.ToArray(), (await pdf.BodyAsync())[..4]);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.MembreId == commune.Id));
        Assert.Equal(adresse, $"/titres/{titre.Id.ToString(CultureInfo.InvariantCulture)}/pdf");

        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"campagne-emise-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }
}
