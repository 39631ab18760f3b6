namespace Mutualisation.Web.Tests.Outils;

/// <summary>A test that needs the PostgreSQL server test.sh starts; it runs in the PostgreSQL pass and is skipped in the SQLite pass.</summary>
public sealed class FactPostgresAttribute : FactAttribute
{
    public FactPostgresAttribute()
    {
        if (BaseDeTest.FournisseurDemande != Persistence.FournisseurBaseDeDonnees.Postgres)
        {
            Skip = "Exécuté dans la passe PostgreSQL de test.sh.";
        }
    }
}
