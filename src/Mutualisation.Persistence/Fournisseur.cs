using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Persistence.Historique;
using Mutualisation.Persistence.Perimetre;

namespace Mutualisation.Persistence;

public enum FournisseurBaseDeDonnees
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>Chooses the database from configuration: <c>Database:Provider</c> and <c>ConnectionStrings:Mutualisation</c>.</summary>
public static class Fournisseur
{
    public const string ChaineParDefaut = "Data Source=data/mutualisation.db";

    public static FournisseurBaseDeDonnees Lire(IConfiguration configuration)
    {
        var texte = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(texte))
        {
            return FournisseurBaseDeDonnees.Sqlite;
        }

        return Enum.TryParse<FournisseurBaseDeDonnees>(texte, ignoreCase: true, out var fournisseur)
            ? fournisseur
            : throw new InvalidOperationException($"Database:Provider « {texte} » inconnu : Sqlite, Postgres ou SqlServer attendu.");
    }

    public static IServiceCollection AjouterPersistance(this IServiceCollection services, IConfiguration configuration)
    {
        var fournisseur = Lire(configuration);
        var chaine = configuration.GetConnectionString("Mutualisation");
        // Singletons: the pool builds its options once (ADR 0029); each interceptor reads the user from the context.
        services.AddSingleton<HistoriqueInterceptor>();
        services.AddSingleton<GardePerimetreInterceptor>();
        services.AddSingleton<Echanges.NonLuesParUtilisateur>();
        services.AddSingleton<Echanges.NotificationsInterceptor>();

        // A pooled context keeps its loggers: after a command they skip checking for a diagnostics listener for a second
        // (EF Core's logging cache). Tests that listen to the commands a request sends turn that cache off.
        var diagnosticsSansCache = bool.TryParse(configuration["Database:DiagnosticsSansCache"], out var sansCache) && sansCache;
        void Communs(IServiceProvider sp, DbContextOptionsBuilder options)
        {
            options.AddInterceptors(Intercepteurs(sp));
            if (diagnosticsSansCache)
            {
                options.ConfigureLoggingCacheTime(TimeSpan.Zero);
            }
        }

        switch (fournisseur)
        {
            case FournisseurBaseDeDonnees.Sqlite:
                var sqlite = PreparerSqlite(chaine ?? ChaineParDefaut);
                AjouterContexte<SqliteMutualisationDbContext>(services, (sp, options) =>
                    Communs(sp, options.UseSqlite(sqlite).AddInterceptors(SqlitePragmas.Instance)));
                break;
            case FournisseurBaseDeDonnees.Postgres:
                var postgres = ChaineRequise(chaine, fournisseur);
                AjouterContexte<PostgresMutualisationDbContext>(services, (sp, options) => Communs(sp, options.UseNpgsql(postgres)));
                break;
            case FournisseurBaseDeDonnees.SqlServer:
                // Not run against a live server on the build machines (no engine there): see docs/adr/0007-sql-server.md.
                var sqlServer = ChaineRequise(chaine, fournisseur);
                AjouterContexte<SqlServerMutualisationDbContext>(services, (sp, options) =>
                    Communs(sp, options.UseSqlServer(sqlServer, o => o.EnableRetryOnFailure())));
                break;
        }

        return services;
    }

    /// <summary>
    /// The context of a request or a job: leased from a pool (building one, its options and its internal services, cost
    /// about a tenth of a signed-in list page), given the scope's user (<see cref="IPerimetreUtilisateur"/>) before anyone
    /// reads through it, and returned to the pool when the scope ends (ADR 0029).
    /// </summary>
    private static void AjouterContexte<TContexte>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> options)
        where TContexte : MutualisationDbContext
    {
        services.AddPooledDbContextFactory<TContexte>(options);
        services.AddScoped<MutualisationDbContext>(sp =>
        {
            var contexte = sp.GetRequiredService<IDbContextFactory<TContexte>>().CreateDbContext();
            contexte.Perimetre = sp.GetRequiredService<IPerimetreUtilisateur>();
            return contexte;
        });
    }

    private static IEnumerable<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor> Intercepteurs(IServiceProvider sp) =>
    [
        sp.GetRequiredService<GardePerimetreInterceptor>(),
        sp.GetRequiredService<HistoriqueInterceptor>(),
        sp.GetRequiredService<Echanges.NotificationsInterceptor>(),
    ];

    private static string ChaineRequise(string? chaine, FournisseurBaseDeDonnees fournisseur) =>
        string.IsNullOrWhiteSpace(chaine)
            ? throw new InvalidOperationException($"ConnectionStrings:Mutualisation est requise avec Database:Provider={fournisseur}.")
            : chaine;

    /// <summary>Makes the SQLite file's folder exist and sets a busy timeout (the default waits 0 s).</summary>
    private static string PreparerSqlite(string chaine)
    {
        var builder = new SqliteConnectionStringBuilder(chaine);
        if (builder.DataSource is { Length: > 0 } fichier && fichier != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(fichier)) is { } dossier)
        {
            Directory.CreateDirectory(dossier);
        }

        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        builder.ForeignKeys = true;
        return builder.ToString();
    }
}
