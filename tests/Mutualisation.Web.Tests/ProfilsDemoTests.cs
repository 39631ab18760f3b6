using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;
using Mutualisation.Web.Demarrage;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

public class ProfilsDemoTests
{
    [Fact]
    public async Task Le_profil_Coeur_Cote_Fleurie_seme_ses_12_communes_son_catalogue_d_exemple_et_ses_comptes()
    {
        using var portail = PortailFactory.SurUneNouvelleBase();
        portail.Reglages["Demo:Profil"] = "coeur-cote-fleurie";

        Assert.Equal(12, await portail.ExecuterAsync(db => db.Membres.CountAsync()));
        Assert.True(await portail.ExecuterAsync(db => db.Membres.AnyAsync(m => m.NomRecherche == "TROUVILLE SUR MER")));
        var versions = await portail.ExecuterAsync(db => db.VersionsCatalogue.AvecTarifs().Where(v => v.Statut == StatutVersion.Votee).ToListAsync());
        Assert.Equal([PortailFactory.Exercice - 1, PortailFactory.Exercice], versions.Select(v => v.Exercice).Order());
        Assert.All(versions, v => Assert.Contains(v.Services, s => s.Libelle.Contains("prix d'exemple", StringComparison.Ordinal)));
        Assert.All(versions, v => Assert.Contains(v.Services, s => s.Composantes.Any(c => c.Nature == NatureComposante.AllocationMensuelle)));

        using var trouville = await portail.ConnecterAsync("mairie@trouville-sur-mer.demo");
        var page = await trouville.GetAsync("/membres");
        Assert.Contains("Trouville-sur-Mer", page.TexteVisible, StringComparison.Ordinal);

        using var anonyme = portail.NouvelleSession();
        var simulation = await anonyme.GetAsync("/api/v1/simulation?population=4500&formule=services-essentiels&adhesionLe=" + PortailFactory.Exercice + "-04-01");
        Assert.Equal(HttpStatusCode.OK, simulation.Statut);
        // 1 200 € × 9/12 + 4 500 × 0,20 € × 9/12.
        Assert.Equal(900.00m + 675.00m, JsonDocument.Parse(simulation.Texte).RootElement.GetProperty("total").GetDecimal());
    }

    [Fact]
    public void L_option_demo_choisit_le_profil_et_lui_donne_sa_propre_base_SQLite()
    {
        var builder = WebApplication.CreateBuilder();
        ProfilsDemo.Configurer(builder, ["--demo", "coeur-cote-fleurie"]);
        Assert.Equal(ProfilsDemo.CoeurCoteFleurie, ProfilsDemo.Choisi(builder.Configuration));
        Assert.Equal("Data Source=data/demo-coeur-cote-fleurie.db", builder.Configuration["ConnectionStrings:Mutualisation"]);

        var parDefaut = WebApplication.CreateBuilder();
        ProfilsDemo.Configurer(parDefaut, []);
        Assert.Equal(ProfilsDemo.Redon, ProfilsDemo.Choisi(parDefaut.Configuration));

        var inconnu = WebApplication.CreateBuilder();
        Assert.Contains("coeur-cote-fleurie", Assert.Throws<InvalidOperationException>(() => ProfilsDemo.Configurer(inconnu, ["--demo", "paris"])).Message, StringComparison.Ordinal);
    }
}
