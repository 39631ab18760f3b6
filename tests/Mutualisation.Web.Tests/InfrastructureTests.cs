using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class InfrastructureTests(PortailFactory portail)
{
    [Fact]
    public async Task Health_verifie_la_base_et_repond_sans_session()
    {
        using var session = portail.NouvelleSession();
        var page = await session.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Healthy", page.Texte);
    }

    [Fact]
    public void Les_migrations_SQLite_correspondent_au_modele()
    {
        using var db = new SqliteMutualisationDbContext(
            new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite("Data Source=:memory:").Options, PerimetreSysteme.Instance);
        Assert.False(db.Database.HasPendingModelChanges(), "Le modèle a changé : ajoutez une migration SQLite (docs/architecture.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Les_migrations_PostgreSQL_correspondent_au_modele()
    {
        using var db = new PostgresMutualisationDbContext(
            new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql("Host=127.0.0.1").Options, PerimetreSysteme.Instance);
        Assert.False(db.Database.HasPendingModelChanges(), "Le modèle a changé : ajoutez une migration PostgreSQL (docs/architecture.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task La_base_de_test_a_toutes_ses_migrations_appliquees()
    {
        var enAttente = await portail.ExecuterAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(enAttente);
        Assert.Equal(BaseDeTest.FournisseurDemande, portail.Base.Fournisseur);
        var nomFournisseur = portail.Executer(db => db.Database.ProviderName);
        Assert.Contains(BaseDeTest.FournisseurDemande == FournisseurBaseDeDonnees.Postgres ? "Npgsql" : "Sqlite", nomFournisseur, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_session_survit_au_redemarrage_grace_aux_cles_en_base()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        Assert.True(await portail.ExecuterAsync(db => db.DataProtectionKeys.AnyAsync()));

        using var redemarre = PortailFactory.SurLaMemeBase(portail);
        using var memeCookie = redemarre.NouvelleSession();
        memeCookie.Client.DefaultRequestHeaders.Add("Cookie", session.EnTeteCookie);
        var page = await memeCookie.GetAsync("/membres");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
    }

    [Fact]
    public async Task Le_semis_de_demonstration_ne_seme_rien_deux_fois()
    {
        using var premier = PortailFactory.SurUneNouvelleBase();
        var avant = await premier.ExecuterAsync(async db => (await db.Membres.CountAsync(), await db.Users.CountAsync()));
        Assert.Equal((31, 5), avant);

        using var second = PortailFactory.SurLaMemeBase(premier);
        var apres = await second.ExecuterAsync(async db => (await db.Membres.CountAsync(), await db.Users.CountAsync()));
        Assert.Equal(avant, apres);
    }

    [Fact]
    public void Le_semis_de_demonstration_est_refuse_en_production()
    {
        using var production = PortailFactory.SurUneNouvelleBase("Production");
        var erreur = Assert.Throws<InvalidOperationException>(() => production.CreateClient());
        Assert.Contains("refusé dans l'environnement « Production »", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_populations_de_l_extrait_sont_semees_avec_leur_millesime()
    {
        var redon = await portail.ExecuterAsync(db => db.Membres.Include(m => m.Populations).SingleAsync(m => m.Siren == Domain.Commun.Siren.Parse("213502362")));

        Assert.Equal("Redon", redon.Nom);
        Assert.Equal("35236", redon.CodeInsee.Valeur);
        Assert.Equal(2023, redon.PopulationMillesime);
        Assert.Equal(10086, redon.PopulationTotale);
        Assert.Single(redon.Populations);
    }

    [FactSqlite]
    public async Task Chaque_connexion_SQLite_reutilisee_par_le_pool_garde_ses_reglages()
    {
        // Several logical opens in a row: the pool hands back the same native connection, set up once.
        for (var i = 0; i < 3; i++)
        {
            var reglages = await portail.ExecuterAsync(async db =>
            {
                var connexion = db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync();
                try
                {
                    var valeurs = new List<string>();
                    foreach (var pragma in new[] { "journal_mode", "foreign_keys", "synchronous", "busy_timeout" })
                    {
                        await using var commande = connexion.CreateCommand();
                        commande.CommandText = "PRAGMA " + pragma;
                        valeurs.Add(Convert.ToString(await commande.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!);
                    }

                    return string.Join(",", valeurs);
                }
                finally
                {
                    await db.Database.CloseConnectionAsync();
                }
            });
            Assert.Equal("wal,1,1,30000", reglages);
        }
    }
}
