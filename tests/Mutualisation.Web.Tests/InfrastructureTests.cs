using System.Net;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Infrastructure;
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
    public async Task Un_contexte_rendu_au_pool_oublie_son_utilisateur_et_chaque_portee_donne_le_sien()
    {
        var membres = await portail.ExecuterAsync(db => db.Membres.OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync());
        MutualisationDbContext loue;
        await using (var portee = portail.Services.CreateAsyncScope())
        {
            var mairie = new ClaimsIdentity([new Claim(ClaimTypes.Role, Mutualisation.Domain.Commun.Roles.Mairie), new Claim(PerimetreHttp.RevendicationMembre, membres[0].ToString(System.Globalization.CultureInfo.InvariantCulture))], "essai");
            portee.ServiceProvider.GetRequiredService<IdentiteAmbiante>().Definir(new ClaimsPrincipal(mairie));
            loue = portee.ServiceProvider.GetRequiredService<MutualisationDbContext>();
            Assert.Equal([membres[0]], await loue.Membres.Select(m => m.Id).ToListAsync());
        }

        // Back in the pool, the context no longer knows the secretary; the next scope's user is its own.
        Assert.IsType<PerimetreAucun>(loue.Perimetre);
        await using (var portee = portail.Services.CreateAsyncScope())
        {
            var systeme = portee.ServiceProvider.GetRequiredService<MutualisationDbContext>();
            Assert.False(systeme.Perimetre.EstRestreint);
            Assert.Equal(membres, await systeme.Membres.OrderBy(m => m.Id).Select(m => m.Id).Take(2).ToListAsync());
        }

        // Leased straight from the pool, without a scope to say who acts: nothing is read, nothing is written.
        await using var brut = loue is PostgresMutualisationDbContext
            ? (MutualisationDbContext)portail.Services.GetRequiredService<IDbContextFactory<PostgresMutualisationDbContext>>().CreateDbContext()
            : portail.Services.GetRequiredService<IDbContextFactory<SqliteMutualisationDbContext>>().CreateDbContext();
        Assert.Empty(await brut.Membres.ToListAsync());
        brut.Membres.Add(Jeux.Commune());
        await Assert.ThrowsAsync<AccesHorsPerimetreException>(() => brut.SaveChangesAsync());
    }

    [Fact]
    public async Task Une_sauvegarde_refusee_par_la_base_ne_laisse_ni_transaction_ni_notes_au_contexte_qui_retourne_au_pool()
    {
        await using var portee = portail.Services.CreateAsyncScope();
        var db = portee.ServiceProvider.GetRequiredService<MutualisationDbContext>();
        var existant = await db.Membres.AsNoTracking().OrderBy(m => m.Id).FirstAsync();

        // A second member with the same SIREN: the history interceptor opens its transaction, then the database refuses the row.
        db.Membres.Add(new Mutualisation.Domain.Membres.Membre("Doublon", Mutualisation.Domain.Membres.NatureMembre.Commune,
            Mutualisation.Domain.Commun.InseeCode.Parse(Jeux.InseeUnique()), existant.Siren));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Null(db.Database.CurrentTransaction);

        // The same context saves again, inside a transaction of its caller: its history is written and commits with it.
        db.ChangeTracker.Clear();
        var nouveau = Jeux.Commune();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Membres.Add(nouveau);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.True(await portail.ExecuterAsync(autre => autre.Historique.AnyAsync(h => h.Entite == "Membre" && h.EntiteId == nouveau.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Les_migrations_SQLite_correspondent_au_modele()
    {
        using var db = new SqliteMutualisationDbContext(
            new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite("Data Source=:memory:").Options) { Perimetre = PerimetreSysteme.Instance };
        Assert.False(db.Database.HasPendingModelChanges(), "Le modèle a changé : ajoutez une migration SQLite (docs/architecture.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Les_migrations_PostgreSQL_correspondent_au_modele()
    {
        using var db = new PostgresMutualisationDbContext(
            new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql("Host=127.0.0.1").Options) { Perimetre = PerimetreSysteme.Instance };
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
