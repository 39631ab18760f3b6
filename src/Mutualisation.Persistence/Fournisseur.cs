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
        services.AddScoped<HistoriqueInterceptor>();
        services.AddScoped<GardePerimetreInterceptor>();
        services.AddSingleton<Echanges.NonLuesParUtilisateur>();
        services.AddSingleton<Echanges.NotificationsInterceptor>();

        switch (fournisseur)
        {
            case FournisseurBaseDeDonnees.Sqlite:
                var sqlite = PreparerSqlite(chaine ?? ChaineParDefaut);
                services.AddDbContext<MutualisationDbContext, SqliteMutualisationDbContext>((sp, options) =>
                    options.UseSqlite(sqlite).AddInterceptors(
                        sp.GetRequiredService<GardePerimetreInterceptor>(),
                        sp.GetRequiredService<HistoriqueInterceptor>(),
                        sp.GetRequiredService<Echanges.NotificationsInterceptor>(),
                        SqlitePragmas.Instance));
                break;
            case FournisseurBaseDeDonnees.Postgres:
                var postgres = ChaineRequise(chaine, fournisseur);
                services.AddDbContext<MutualisationDbContext, PostgresMutualisationDbContext>((sp, options) =>
                    options.UseNpgsql(postgres).AddInterceptors(
                        sp.GetRequiredService<GardePerimetreInterceptor>(),
                        sp.GetRequiredService<HistoriqueInterceptor>(),
                        sp.GetRequiredService<Echanges.NotificationsInterceptor>()));
                break;
            case FournisseurBaseDeDonnees.SqlServer:
                // Not run against a live server on the build machines (no engine there): see docs/adr/0007-sql-server.md.
                var sqlServer = ChaineRequise(chaine, fournisseur);
                services.AddDbContext<MutualisationDbContext, SqlServerMutualisationDbContext>((sp, options) =>
                    options.UseSqlServer(sqlServer, o => o.EnableRetryOnFailure()).AddInterceptors(
                        sp.GetRequiredService<GardePerimetreInterceptor>(),
                        sp.GetRequiredService<HistoriqueInterceptor>(),
                        sp.GetRequiredService<Echanges.NotificationsInterceptor>()));
                break;
        }

        return services;
    }

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
