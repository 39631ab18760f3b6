using Microsoft.Playwright;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Infrastructure;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>
/// The whole journey of a fiche projet (issue 11), in Chromium with axe-core on every page: the secretary drafts,
/// attaches a file and submits; the DSI asks for more; the secretary answers and submits again; the DSI instructs,
/// confirms a similar fiche of another commune, puts the fiche on a COPIL agenda and accepts it with a motivation;
/// the secretary sees the decision and its notification.
/// </summary>
[Collection(NavigateurCollection.Nom)]
public class ParcoursFicheProjetNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Du_brouillon_de_la_commune_a_la_decision_du_copil_sur_des_pages_accessibles()
    {
        var marque = Guid.NewGuid().ToString("N")[..6];
        var commune = await portail.AjouterCommuneAsync("Commune du parcours " + marque);
        var voisine = await portail.AjouterCommuneAsync("Commune voisine " + marque);
        var semblable = await portail.AjouterFicheAsync(voisine.Id, $"Remplacement du logiciel d'état civil {marque}", EtatFiche.Deposee,
            FichesProjetDeTest.Complet with { Description = "Remplacer le logiciel d'état civil vieillissant et dématérialiser les actes d'état civil." });

        // The secretary drafts, attaches a file, then submits.
        var secretaire = await portail.PageConnecteeAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), motDePasse: Comptes.MotDePasse);
        await secretaire.GotoAsync($"{portail.Adresse}/fiches-projet/nouvelle");
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));
        await secretaire.GetByLabel("Titre du projet *").FillAsync($"Nouveau logiciel d'état civil {marque}");
        await secretaire.GetByLabel("Description du projet *").FillAsync("Changer de logiciel d'état civil et dématérialiser les actes de l'état civil.");
        await FichesProjetNavigateurTests.RemplirLeResteAsync(secretaire);
        await secretaire.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le brouillon" }).ClickAsync();
        await secretaire.Locator("#etat-fiche").WaitForAsync();
        Assert.Equal("Brouillon", (await secretaire.Locator("#etat-fiche").InnerTextAsync()).Trim());
        var url = secretaire.Url;
        var id = int.Parse(url.Split('/')[^1].Split('?')[0].Split('#')[0], System.Globalization.CultureInfo.InvariantCulture);

        await secretaire.GetByLabel("Joindre un fichier (PDF, ODT, DOCX, XLSX, PNG ou JPEG ; 10 Mo au plus)")
            .SetInputFilesAsync(new FilePayload { Name = "devis-editeur.pdf", MimeType = "application/pdf", Buffer = Catalogues.Pdf });
        await secretaire.GetByRole(AriaRole.Button, new() { Name = "Joindre", Exact = true }).ClickAsync();
        await secretaire.GetByText("devis-editeur.pdf").First.WaitForAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));
        await Deposer(secretaire, "Première version.");
        Assert.Equal("Déposée", (await secretaire.Locator("#etat-fiche").InnerTextAsync()).Trim());

        // The DSI takes it into instruction and asks for more.
        var agent = await portail.PageConnecteeAsync(Comptes.Agent);
        await agent.GotoAsync($"{portail.Adresse}/fiches-projet/{id}");
        Assert.Empty(await Axe.ViolationsGravesAsync(agent));
        await agent.GetByRole(AriaRole.Button, new() { Name = "Prendre en instruction" }).ClickAsync();
        await agent.GetByLabel("Demander des compléments à la commune").FillAsync("Combien d'actes par an ? Joignez le devis de maintenance actuel.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Renvoyer la fiche en construction" }).ClickAsync();
        await agent.Locator("#etat-fiche", new() { HasTextString = "En construction" }).WaitForAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(agent));

        // The secretary answers in the thread and submits again.
        await secretaire.GotoAsync($"{portail.Adresse}/fiches-projet/{id}");
        Assert.Contains("Combien d'actes par an", await secretaire.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await secretaire.GetByLabel("Écrire à la DSI").FillAsync("Environ 300 actes par an ; le devis de maintenance est joint à la fiche.");
        await secretaire.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await secretaire.Locator("li.message-fiche").First.WaitForAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));
        await Deposer(secretaire, "Compléments : volume d'actes.");

        // The DSI instructs, confirms the similar fiche of the other commune, and the fiche becomes mutualisable.
        await agent.GotoAsync($"{portail.Adresse}/fiches-projet/{id}");
        if (await agent.GetByRole(AriaRole.Button, new() { Name = "Prendre en instruction" }).CountAsync() > 0)
        {
            await agent.GetByRole(AriaRole.Button, new() { Name = "Prendre en instruction" }).ClickAsync();
            await agent.Locator("#etat-fiche", new() { HasTextString = "En instruction" }).WaitForAsync();
        }

        Assert.Contains("Environ 300 actes par an", await agent.Locator("#fil-messages").InnerTextAsync(), StringComparison.Ordinal);
        await agent.GetByLabel("Le portefeuille existant couvre-t-il le besoin ?").SelectOptionAsync("non");
        await agent.GetByLabel("Durée estimée (mois)").FillAsync("6");
        await agent.GetByLabel("Avis de la DSI").FillAsync("Besoin réel, à mutualiser avec la commune voisine.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'instruction" }).ClickAsync();
        var ligne = agent.Locator("tr.fiche-semblable", new() { HasTextString = $"Remplacement du logiciel d'état civil {marque}" });
        await ligne.WaitForAsync();
        await ligne.GetByRole(AriaRole.Button, new() { Name = "Confirmer le besoin partagé" }).ClickAsync();
        await agent.Locator("tr.fiche-semblable", new() { HasTextString = "Confirm" }).WaitForAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(agent));
        Assert.True(await portail.ExecuterAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.FichesProjet, f => f.Id == id && f.Mutualisable)));
        Assert.True(await portail.ExecuterAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.FichesProjet, f => f.Id == semblable && f.Mutualisable)));

        // The DSI plans a COPIL session, puts the fiche on its agenda and accepts it with a motivation.
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portail.Horloge.GetUtcNow(), HorlogeParis.Paris).DateTime);
        await agent.GotoAsync($"{portail.Adresse}/copil");
        Assert.Empty(await Axe.ViolationsGravesAsync(agent));
        await agent.GetByLabel("Date de la séance (jj/mm/aaaa) *").FillAsync(aujourdHui.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await agent.GetByLabel("Lieu ou intitulé *").FillAsync($"COPIL du numérique {marque}");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Créer la séance" }).ClickAsync();
        await Attendre.AdresseAsync(agent, new System.Text.RegularExpressions.Regex("/copil/[0-9]+$"));
        var numero = await portail.ExecuterAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.FichesProjet.Where(f => f.Id == id).Select(f => f.Numero!)));
        await agent.GetByRole(AriaRole.Button, new() { Name = $"Inscrire la fiche {numero}" }).ClickAsync();
        await agent.Locator($"#Decision-{id}").WaitForAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(agent));
        await agent.Locator($"#Decision-{id}").SelectOptionAsync("Acceptee");
        await agent.Locator($"#AnneeSchemaDirecteur-{id}").FillAsync((aujourdHui.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await agent.Locator($"#Motivation-{id}").FillAsync("Logiciel non maintenu ; projet mené avec la commune voisine.");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await agent.Locator(".decision-point").WaitForAsync();
        Assert.Empty(await Axe.ViolationsGravesAsync(agent));

        // The secretary sees the decision on her fiche and in her notifications.
        await secretaire.GotoAsync($"{portail.Adresse}/fiches-projet/{id}");
        Assert.Contains("Acceptée", (await secretaire.Locator("#etat-fiche").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Contains("Logiciel non maintenu ; projet mené avec la commune voisine.", await secretaire.Locator("li.seance-fiche").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));
        await secretaire.GotoAsync($"{portail.Adresse}/notifications");
        Assert.Contains(numero, await secretaire.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Accept", await secretaire.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));
    }

    private static async Task Deposer(IPage page, string commentaire)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Compléter et déposer" }).ClickAsync();
        await page.GetByLabel("Commentaire de version (au dépôt)").FillAsync(commentaire);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la fiche" }).ClickAsync();
        await page.Locator("#numero-fiche").WaitForAsync();
    }
}
