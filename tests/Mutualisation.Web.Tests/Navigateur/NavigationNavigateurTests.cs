using Microsoft.Playwright;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>The shell in Chromium: home pages per role, the navigation by keyboard, on a wide and on a narrow window.</summary>
[Collection(NavigateurCollection.Nom)]
public class NavigationNavigateurTests(PortailReel portail)
{
    private static string DossierCaptures
    {
        get
        {
            var dossier = Environment.GetEnvironmentVariable("MUTUALISATION_CAPTURES")
                ?? Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
            Directory.CreateDirectory(dossier);
            return dossier;
        }
    }

    private static string Capture(string nom) => Path.Combine(DossierCaptures, $"{nom}-{BaseDeTest.FournisseurDemande}.png");

    private static async Task<string> ElementActifAsync(IPage page) =>
        await page.EvaluateAsync<string>("() => document.activeElement ? document.activeElement.textContent.trim() : ''");

    [Theory]
    [InlineData(Comptes.Agent, "Tableau de bord de la DSI")]
    [InlineData(Comptes.Admin, "Tableau de bord de la DSI")]
    [InlineData(Comptes.Finances, "Tableau de bord des finances")]
    [InlineData("mairie@allaire.demo", "Espace mairie — Allaire")]
    public async Task La_page_d_accueil_de_chaque_role_s_ouvre_et_est_accessible(string courriel, string titre)
    {
        var page = await portail.PageConnecteeAsync(courriel);
        var reponse = await page.GotoAsync(portail.Adresse + "/");

        Assert.Equal(200, reponse!.Status);
        Assert.Equal(titre, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Capture("accueil-" + courriel.Split('@')[0].Replace('.', '-')), FullPage = true });
    }

    [Fact]
    public async Task Les_menus_s_ouvrent_au_clavier_et_se_referment_avec_echap_sur_un_grand_ecran()
    {
        // With a two-digit unread count beside the bell (other tests notify the DSI accounts too).
        var commune = await portail.AjouterCommuneAsync();
        var fiche = await portail.AjouterFicheAsync(commune.Id, "Fiche des notifications de la barre", Domain.FichesProjet.EtatFiche.Deposee);
        await portail.ExecuterAsync(async db =>
        {
            var admin = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.Email == Comptes.Admin);
            for (var i = 0; i < 12; i++)
            {
                db.Add(new Persistence.Echanges.NotificationFiche(admin.Id, fiche, $"Notification de test {i}", portail.Horloge.GetUtcNow()));
            }

            return await db.SaveChangesAsync();
        });
        var page = await portail.PageConnecteeAsync(Comptes.Admin);
        var reponse = await page.GotoAsync(portail.Adresse + "/catalogue");
        Assert.Equal(200, reponse!.Status);
        Assert.Equal("Catalogue de services", (await page.Locator("h1").InnerTextAsync()).Trim());

        // Every group sits on one line at 1 280 px: the bar does not wrap.
        var hauteurBarre = await page.Locator("nav.navbar").EvaluateAsync<double>("n => n.getBoundingClientRect().height");
        Assert.True(hauteurBarre < 80, $"La barre de navigation passe à la ligne ({hauteurBarre} px).");
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).IsVisibleAsync());

        var facturation = page.Locator("summary", new() { HasText = "Facturation" });
        await facturation.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var catalogue = page.Locator("#menu .sous-menu a[href='/catalogue']");
        Assert.True(await catalogue.IsVisibleAsync());
        Assert.Equal("page", await catalogue.GetAttributeAsync("aria-current"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Catalogue", await ElementActifAsync(page));
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Capture("navigation-bureau") });

        // Opening another menu closes the first one; Escape closes it and gives the focus back to its title.
        var administration = page.Locator("summary", new() { HasText = "Administration" });
        await administration.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.False(await catalogue.IsVisibleAsync());
        Assert.True(await page.Locator("#menu .sous-menu a[href='/administration/utilisateurs']").IsVisibleAsync());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await page.Locator("#menu .sous-menu a[href='/administration/utilisateurs']").IsVisibleAsync());
        Assert.Equal("Administration", await ElementActifAsync(page));
    }

    [Fact]
    public async Task Sur_un_ecran_etroit_le_bouton_menu_ouvre_la_navigation_et_chaque_entree_est_atteignable()
    {
        var page = await portail.PageConnecteeAsync(Comptes.Admin, largeur: 375, hauteur: 800);
        var reponse = await page.GotoAsync(portail.Adresse + "/");
        Assert.Equal(200, reponse!.Status);
        Assert.Equal("Tableau de bord de la DSI", (await page.Locator("h1").InnerTextAsync()).Trim());

        var bouton = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        Assert.True(await bouton.IsVisibleAsync());
        Assert.Equal("false", await bouton.GetAttributeAsync("aria-expanded"));
        Assert.False(await page.Locator("summary", new() { HasText = "Administration" }).IsVisibleAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Capture("navigation-etroite-fermee") });

        await bouton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#menu.show").WaitForAsync();
        Assert.Equal("true", await bouton.GetAttributeAsync("aria-expanded"));
        var groupes = page.Locator("#menu .groupe-menu summary");
        Assert.Equal(["Membres", "Projets", "Facturation", "Administration"], (await groupes.AllInnerTextsAsync()).Select(t => t.Trim()));

        // Each menu opens in turn and shows its entries; opening one closes the one before.
        string? precedent = null;
        foreach (var groupe in await groupes.AllAsync())
        {
            await groupe.ClickAsync();
            var details = groupe.Locator("xpath=..");
            await details.Locator(".sous-menu a").First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            if (precedent is not null)
            {
                Assert.False(await page.Locator($"#menu .sous-menu a[href='{precedent}']").IsVisibleAsync(), $"{precedent} reste ouvert");
            }

            precedent = await details.Locator(".sous-menu a").First.GetAttributeAsync("href");
        }

        Assert.True(await page.Locator("#menu a[href='/administration/utilisateurs']").IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).IsVisibleAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Capture("navigation-etroite-ouverte"), FullPage = true });

        await MenuPrincipal.SuivreAsync(page, "Membres", "/membres/import");
        await Attendre.AdresseAsync(page, portail.Adresse + "/membres/import");
        Assert.Equal("Import des communes (Etalab)", (await page.Locator("h1").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task Sans_script_le_menu_d_un_ecran_etroit_reste_utilisable()
    {
        var contexte = await portail.Navigateur.NewContextAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = 375, Height = 800 }, JavaScriptEnabled = false });
        var page = await contexte.NewPageAsync();
        await page.GotoAsync(portail.Adresse + "/compte/connexion");
        await page.GetByLabel("Adresse électronique *").FillAsync(Comptes.Finances);
        await page.GetByLabel("Mot de passe *").FillAsync(Demarrage.PreparationBase.MotDePasseDemo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Attendre.AdresseAsync(page, portail.Adresse + "/");

        Assert.Equal("Tableau de bord des finances", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).IsVisibleAsync());
        await MenuPrincipal.SuivreAsync(page, "Facturation", "/contributions");
        await Attendre.AdresseAsync(page, portail.Adresse + "/contributions");
        Assert.Equal("Projection des contributions", (await page.Locator("h1").InnerTextAsync()).Trim());
    }
}
