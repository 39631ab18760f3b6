using Microsoft.Playwright;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>A secretary drafts a fiche projet, submits it incomplete, completes it and submits it, on accessible pages (issue 11).</summary>
[Collection(NavigateurCollection.Nom)]
public class FichesProjetNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Une_secretaire_enregistre_un_brouillon_voit_les_manques_au_depot_puis_depose_sa_fiche_sur_des_pages_accessibles()
    {
        var commune = await portail.AjouterCommuneAsync();
        var page = await portail.PageConnecteeAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), motDePasse: Comptes.MotDePasse);
        await page.GotoAsync($"{portail.Adresse}/fiches-projet/nouvelle");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByLabel("Titre du projet *").FillAsync("Logiciel d'état civil");
        await page.GetByLabel("Description du projet *").FillAsync("Remplacer le logiciel d'état civil.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la fiche" }).ClickAsync();

        // Incomplete: the draft is kept, each missing field named beside it.
        Assert.Contains("enregistrée comme brouillon", await page.Locator(".alert-danger").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("à renseigner avant le dépôt", await page.Locator("#Enjeux-erreur").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Remplacer le logiciel d'état civil.", await page.GetByLabel("Description du projet *").InputValueAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await RemplirLeResteAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la fiche" }).ClickAsync();
        await page.Locator("#etat-fiche").WaitForAsync();

        Assert.Equal("Déposée", (await page.Locator("#etat-fiche").InnerTextAsync()).Trim());
        Assert.StartsWith("FP-2026-", (await page.Locator("#numero-fiche").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"fiche-projet-deposee-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }

    /// <summary>Fills every required field of the form but the title and the description (shared by the journey test).</summary>
    internal static async Task RemplirLeResteAsync(IPage page)
    {
        await page.GetByLabel("Direction pilote *").FillAsync("Secrétariat général");
        await page.GetByLabel("Type de projet *").SelectOptionAsync("Sectoriel");
        await page.GetByLabel("Visa du rédacteur *").FillAsync("Sophie Secrétaire");
        await page.GetByLabel("Origine de la demande et état de l'existant *").FillAsync("Logiciel non maintenu.");
        await page.GetByLabel("Le demandeur *").FillAsync("Le maire");
        await page.GetByLabel("Les enjeux *").FillAsync("Sécuriser l'état civil.");
        await page.GetByLabel("Nature du projet *").SelectOptionAsync("Isole");
        await page.GetByLabel("Période de mise en application souhaitée *").FillAsync("2027");
        await page.GetByLabel("Coût du projet informatique *").FillAsync("4 800,50");
        await page.GetByLabel("Objectifs attendus pour l'usager *").FillAsync("Actes délivrés plus vite.");
        await page.GetByLabel("Objectifs attendus par la direction *").FillAsync("Traçabilité.");
        await page.GetByLabel("Objectifs attendus par les utilisateurs *").FillAsync("Saisie guidée.");
        await page.GetByLabel("Conditions de réussite *").FillAsync("Disponibilité de l'agent.");
        await page.GetByLabel("Indicateurs de suivi du projet *").FillAsync("Délai de délivrance.");
    }
}
