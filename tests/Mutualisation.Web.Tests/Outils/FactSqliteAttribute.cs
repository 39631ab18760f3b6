namespace Mutualisation.Web.Tests.Outils;

/// <summary>A test of SQLite's own settings: run in the SQLite pass of test.sh, skipped in the PostgreSQL one.</summary>
public sealed class FactSqliteAttribute : FactAttribute
{
    public FactSqliteAttribute()
    {
        if (BaseDeTest.FournisseurDemande != Persistence.FournisseurBaseDeDonnees.Sqlite)
        {
            Skip = "Exécuté dans la passe SQLite de test.sh.";
        }
    }
}
