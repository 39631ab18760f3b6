using Microsoft.Playwright;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class TitresHorsCampagneNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Les_finances_enregistrent_un_remboursement_de_mandataire_avec_sa_facture_et_voient_le_brouillon_sur_des_pages_accessibles()
    {
        var commune = await portail.AjouterCommuneAsync("Commune du mandat " + Guid.NewGuid().ToString("N")[..6]);
        var numero = "NAV-" + Guid.NewGuid().ToString("N")[..6];
        var page = await portail.PageConnecteeAsync(Comptes.Finances);
        await page.GotoAsync($"{portail.Adresse}/titres");
        await page.GetByRole(AriaRole.Link, new() { Name = "Remboursement de frais (mandataire)" }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/titres-particuliers/mandataire");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByLabel("Membre débiteur *").SelectOptionAsync(commune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Objet de l'achat *").FillAsync("Licences de bureautique (12 postes)");
        await page.GetByLabel("Fournisseur *").FillAsync("Papeterie Armoricaine");
        await page.GetByLabel("Numéro de la facture *").FillAsync(numero);
        await page.GetByLabel("Facture du *").FillAsync("01/10/2026");
        await page.GetByLabel("Payée le *").FillAsync("05/10/2026");
        await page.GetByLabel("Montant TTC (€) *").FillAsync("1 250,40");
        await page.GetByLabel("Facture acquittée du fournisseur (PDF, 10 Mo au plus) *").SetInputFilesAsync(new FilePayload { Name = "facture.pdf", MimeType = "application/pdf", Buffer = Catalogues.Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le brouillon du titre" }).ClickAsync();
        await Attendre.AdresseAsync(page, new System.Text.RegularExpressions.Regex(@"/titres/\d+$"));

        Assert.Contains("Brouillon de titre", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains($"Facture n° {numero} de Papeterie Armoricaine", await page.Locator("#pieces").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1 250,40", (await page.Locator("tfoot").InnerTextAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"titre-mandataire-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }

    [Fact]
    public async Task Les_finances_voient_la_repartition_d_une_indemnite_au_centime_sur_des_pages_accessibles()
    {
        var communes = new[] { await portail.AjouterCommuneAsync(), await portail.AjouterCommuneAsync(), await portail.AjouterCommuneAsync() };
        var page = await portail.PageConnecteeAsync(Comptes.Finances);
        await page.GotoAsync($"{portail.Adresse}/titres-particuliers/indemnites");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        await page.GetByLabel("Groupement ou marché *").FillAsync("Groupement copieurs (navigateur)");
        await page.GetByLabel("Nature de l'indemnité *").FillAsync("Pénalités de retard");
        await page.GetByLabel("Montant total (€) *").FillAsync("1 000,00");
        foreach (var c in communes)
        {
            await page.Locator($"#Poids_{c.Id}").FillAsync("1");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Voir la répartition" }).ClickAsync();
        await page.Locator("#table-apercu").WaitForAsync();

        var parts = new List<string>();
        foreach (var c in communes)
        {
            parts.Add((await page.Locator($"#table-apercu tr[data-membre='{c.Id}'] .part").InnerTextAsync()).Replace('\u202F', ' ').Replace('\u00A0', ' '));
        }

        // The extra cent goes to the first member in the table's order (largest remainder, ties by order).
        Assert.Equal(["333,33 €", "333,33 €", "333,34 €"], parts.Order(StringComparer.Ordinal));
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
    }
}
