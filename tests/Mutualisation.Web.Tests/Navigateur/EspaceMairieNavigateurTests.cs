using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Missions;
using Mutualisation.Web.Tests.Outils;
using UglyToad.PdfPig;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class EspaceMairieNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Une_secretaire_voit_ses_jours_restants_et_telecharge_son_rapport_d_audit_sans_rien_voir_d_une_autre_commune()
    {
        var commune = await portail.AjouterCommuneAsync("Commune de la secrétaire " + Guid.NewGuid().ToString("N")[..6]);
        var voisine = await portail.AjouterCommuneAsync("Commune voisine " + Guid.NewGuid().ToString("N")[..6]);
        await portail.AjouterConventionAsync(commune.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        var (audit, _, _) = await portail.AjouterAuditAsync(commune.Id, StatutAudit.RapportLivre, "Pare-feu sans mise à jour depuis 2021");
        var (auditVoisin, _, _) = await portail.AjouterAuditAsync(voisine.Id, StatutAudit.RapportLivre);
        // Under 1 500 inhabitants: 2,5 days included; 1,5 day recorded in 2026 leaves 1 day.
        await portail.AjouterMissionAsync(commune.Id, StatutMission.EnCours, new DateOnly(2026, 1, 5), (new DateOnly(2026, 2, 2), 1m), (new DateOnly(2026, 2, 3), 0.5m));
        var courriel = await portail.CreerAsync(Roles.Mairie, commune.Id);

        var page = await portail.PageConnecteeAsync(courriel, motDePasse: Comptes.MotDePasse);
        await page.GotoAsync(portail.Adresse + "/");

        Assert.Equal("Espace mairie — " + commune.Nom, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("1,5 jour", (await page.Locator("#consomme-n1").InnerTextAsync()).Trim());
        Assert.Equal("1 jour", (await page.Locator("#restant-n1").InnerTextAsync()).Trim());
        Assert.Equal(0, await page.Locator($"a[href='/audits/{auditVoisin}/rapport']").CountAsync());
        Assert.DoesNotContain(voisine.Nom, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
        Directory.CreateDirectory(dossier);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dossier, $"espace-mairie-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });

        var telechargement = await page.RunAndWaitForDownloadAsync(() => page.Locator($"a[href='/audits/{audit}/rapport']").ClickAsync());
        var chemin = Path.Combine(Path.GetTempPath(), $"rapport-{Guid.NewGuid():N}.pdf");
        await telechargement.SaveAsAsync(chemin);
        try
        {
            using var pdf = PdfDocument.Open(chemin);
            var texte = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains("Pare-feu sans mise à jour", texte, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(chemin);
        }

        // Another commune's report, asked for by its address, is a French 404 page.
        var reponse = await page.GotoAsync($"{portail.Adresse}/audits/{auditVoisin}/rapport");
        Assert.Equal(404, reponse!.Status);
    }
}
