using Microsoft.Playwright;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>The secretary writes to the DSI on her fiche, the DSI answers with a file, the secretary finds it in her notifications (issue 11), on accessible pages.</summary>
[Collection(NavigateurCollection.Nom)]
public class EchangesFichesNavigateurTests(PortailReel portail)
{
    [Fact]
    public async Task Le_fil_de_messages_et_la_page_des_notifications_sont_accessibles()
    {
        var commune = await portail.AjouterCommuneAsync();
        var titre = "Réservation des salles " + Guid.NewGuid().ToString("N")[..6];
        var id = await portail.ExecuterAsync(async db =>
        {
            Assert.Null(FicheProjet.Creer(commune.Id, titre, new ContenuFiche { Description = "Un outil de réservation des salles." },
                new Domain.Conventions.Auteur(null, "Sophie Secrétaire"), portail.Horloge.GetUtcNow(), out var fiche));
            db.FichesProjet.Add(fiche!);
            await db.SaveChangesAsync();
            return fiche!.Id;
        });
        var secretaire = await portail.PageConnecteeAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), motDePasse: Comptes.MotDePasse);
        await secretaire.GotoAsync($"{portail.Adresse}/fiches-projet/{id}");
        await secretaire.GetByLabel("Écrire à la DSI").FillAsync("Pouvez-vous nous aider à chiffrer le projet ?");
        await secretaire.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await secretaire.Locator("li.message-fiche").WaitForAsync();
        Assert.Contains("Pouvez-vous nous aider", await secretaire.Locator("#fil-messages").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));

        var agent = await portail.PageConnecteeAsync(Comptes.Agent);
        await agent.GotoAsync($"{portail.Adresse}/fiches-projet/{id}");
        await agent.GetByLabel("Écrire à la commune").FillAsync("Oui : voici notre grille de chiffrage.");
        await agent.GetByLabel("Pièce jointe au message (facultative)").SetInputFilesAsync(new FilePayload { Name = "grille.pdf", MimeType = "application/pdf", Buffer = Catalogues.Pdf });
        await agent.GetByRole(AriaRole.Button, new() { Name = "Envoyer le message" }).ClickAsync();
        await agent.Locator("li.message-fiche >> nth=1").WaitForAsync();
        Assert.Contains("grille.pdf", await agent.Locator("#fil-messages").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(agent));

        await secretaire.GotoAsync($"{portail.Adresse}/notifications");
        Assert.Equal("1 non lue", (await secretaire.Locator("#notifications-non-lues").TextContentAsync())?.Trim());
        Assert.Contains("message de la DSI — Oui : voici notre grille de chiffrage.", await secretaire.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));
        await secretaire.GetByRole(AriaRole.Button, new() { Name = "Tout marquer lu" }).ClickAsync();
        await secretaire.Locator("#resume-notifications", new() { HasTextString = "Aucune notification non lue." }).WaitForAsync();
        Assert.Equal(0, await secretaire.Locator("#notifications-non-lues").CountAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(secretaire));
    }
}
