using Microsoft.Playwright;
using Mutualisation.Domain.Audits;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class AuditsNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Un_agent_livre_le_rapport_d_un_audit_et_le_lien_du_rapport_apparait_sur_des_pages_accessibles()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (id, _, _) = await portail.AjouterAuditAsync(commune.Id, StatutAudit.EnCours);
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await page.GotoAsync($"{portail.Adresse}/audits/{id}");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        Assert.Equal(0, await page.Locator("#lien-rapport").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Livrer le rapport" }).ClickAsync();
        await page.GetByLabel("Rapport livré le *").FillAsync("20/05/2026");
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Livrer le rapport" }).ClickAsync();
        await Attendre.AdresseAsync(page, $"{portail.Adresse}/audits/{id}");

        Assert.Contains("Rapport livré", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("20/05/2026", (await page.Locator("#rapport-livre-le").InnerTextAsync()).Trim());
        Assert.Equal($"/audits/{id}/rapport", await page.Locator("#lien-rapport").GetAttributeAsync("href"));
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"audit-livre-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }
}
