using Npgsql;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>
/// A fresh, empty database for one factory: a SQLite file, or a new PostgreSQL database on the
/// server test.sh started. The provider comes from MUTUALISATION_TESTS_BASE (Sqlite by default);
/// asking for Postgres without MUTUALISATION_TESTS_POSTGRES fails, it never silently falls back.
/// </summary>
public sealed class BaseDeTest : IDisposable
{
    public FournisseurBaseDeDonnees Fournisseur { get; }

    public string ChaineConnexion { get; }

    private readonly string? _nomPostgres;
    private readonly string? _fichierSqlite;

    private BaseDeTest(FournisseurBaseDeDonnees fournisseur, string chaine, string? nomPostgres, string? fichierSqlite)
    {
        Fournisseur = fournisseur;
        ChaineConnexion = chaine;
        _nomPostgres = nomPostgres;
        _fichierSqlite = fichierSqlite;
    }

    public static FournisseurBaseDeDonnees FournisseurDemande =>
        string.Equals(Environment.GetEnvironmentVariable("MUTUALISATION_TESTS_BASE"), "Postgres", StringComparison.OrdinalIgnoreCase)
            ? FournisseurBaseDeDonnees.Postgres
            : FournisseurBaseDeDonnees.Sqlite;

    public static BaseDeTest Creer()
    {
        var suffixe = Guid.NewGuid().ToString("N")[..12];
        if (FournisseurDemande == FournisseurBaseDeDonnees.Postgres)
        {
            var serveur = Environment.GetEnvironmentVariable("MUTUALISATION_TESTS_POSTGRES")
                ?? throw new InvalidOperationException("MUTUALISATION_TESTS_BASE=Postgres demande MUTUALISATION_TESTS_POSTGRES (lancez ./test.sh).");
            var nom = "mutualisation_test_" + suffixe;
            var chaine = new NpgsqlConnectionStringBuilder(serveur) { Database = nom }.ToString();
            return new BaseDeTest(FournisseurBaseDeDonnees.Postgres, chaine, nom, null);
        }

        var dossier = Path.Combine(Path.GetTempPath(), "mutualisation-tests");
        Directory.CreateDirectory(dossier);
        var fichier = Path.Combine(dossier, suffixe + ".db");
        return new BaseDeTest(FournisseurBaseDeDonnees.Sqlite, $"Data Source={fichier}", null, fichier);
    }

    public void Dispose()
    {
        if (_nomPostgres is not null)
        {
            var serveur = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("MUTUALISATION_TESTS_POSTGRES")) { Database = "postgres" };
            using var connexion = new NpgsqlConnection(serveur.ToString());
            connexion.Open();
            using var commande = connexion.CreateCommand();
            commande.CommandText = $"DROP DATABASE IF EXISTS \"{_nomPostgres}\" WITH (FORCE)";
            commande.ExecuteNonQuery();
        }

        if (_fichierSqlite is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var fichier in new[] { _fichierSqlite, _fichierSqlite + "-wal", _fichierSqlite + "-shm" })
            {
                File.Delete(fichier);
            }
        }
    }
}
