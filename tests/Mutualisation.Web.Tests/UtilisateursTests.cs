using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class UtilisateursTests(PortailFactory portail)
{
    [Fact]
    public async Task Un_compte_Mairie_sans_commune_est_refuse_avec_le_message_a_cote_du_champ_et_la_saisie_gardee()
    {
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var courriel = $"secretaire-{Guid.NewGuid():N}@exemple.demo";

        var page = await admin.SoumettreAsync("/administration/utilisateurs/nouveau", new()
        {
            ["Courriel"] = courriel, ["NomComplet"] = "Secrétaire", ["Role"] = Roles.Mairie, ["MotDePasse"] = "court",
        });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Un compte Mairie est rattaché à une commune : choisissez-la.", page.ErreurDuChamp("MembreId"));
        Assert.Equal("Le mot de passe doit contenir au moins 14 caractères.", page.ErreurDuChamp("MotDePasse"));
        Assert.Equal(courriel, page.ValeurDuChamp("Courriel"));
        Assert.Null(page.ValeurDuChamp("MotDePasse"));
        Assert.False(await portail.ExecuterAsync(db => db.Users.AnyAsync(u => u.Email == courriel)));
    }

    [Fact]
    public async Task Un_administrateur_cree_un_compte_Mairie_qui_ne_voit_que_sa_commune_puis_le_change_de_commune()
    {
        var commune = await portail.AjouterCommuneAsync();
        var autre = await portail.AjouterCommuneAsync();
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var courriel = $"secretaire-{Guid.NewGuid():N}@exemple.demo";

        var creation = await admin.SoumettreAsync("/administration/utilisateurs/nouveau", new()
        {
            ["Courriel"] = courriel, ["NomComplet"] = "Secrétaire de mairie", ["Role"] = Roles.Mairie,
            ["MembreId"] = commune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MotDePasse"] = Comptes.MotDePasse,
        });
        Assert.Equal(HttpStatusCode.Redirect, creation.Statut);

        using (var mairie = await portail.ConnecterAsync(courriel, Comptes.MotDePasse))
        {
            Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/membres/{commune.Id}")).Statut);
            Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/membres/{autre.Id}")).Statut);
        }

        var id = portail.Executer(db => db.Users.Single(u => u.Email == courriel).Id);
        var modification = await admin.SoumettreAsync($"/administration/utilisateurs/{id}/modifier", new()
        {
            ["NomComplet"] = "Secrétaire de mairie", ["Role"] = Roles.Mairie,
            ["MembreId"] = autre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, modification.Statut);

        using var apres = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        Assert.Equal(HttpStatusCode.NotFound, (await apres.GetAsync($"/membres/{commune.Id}")).Statut);
        Assert.Equal(HttpStatusCode.OK, (await apres.GetAsync($"/membres/{autre.Id}")).Statut);
        var liste = await admin.GetAsync("/administration/utilisateurs");
        Assert.Contains(courriel, liste.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_identifiant_d_utilisateur_inconnu_donne_404()
    {
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/administration/utilisateurs/inconnu/modifier")).Statut);
    }
}
