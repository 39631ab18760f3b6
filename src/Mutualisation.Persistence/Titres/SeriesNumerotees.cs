using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mutualisation.Persistence.Titres;

/// <summary>
/// The numbered series of the titres' world (titres, bordereaux, PES bordereaux), moved only inside a transaction
/// begun by <see cref="CommencerAsync"/> (ADR 0016): SQLite holds the database's write lock from <c>BEGIN
/// IMMEDIATE</c>; PostgreSQL and SQL Server lock the counter row with the UPDATE that moves it. A rollback gives the
/// numbers back: no gap, no duplicate.
/// </summary>
public sealed class SeriesNumerotees(MutualisationDbContext db)
{
    /// <summary>Begins the transaction a number is taken in: on SQLite with the write lock taken at once (BEGIN IMMEDIATE).</summary>
    public async Task<IDbContextTransaction> CommencerAsync(CancellationToken annulation)
    {
        if (db.Database.IsSqlite())
        {
            // BEGIN IMMEDIATE: the write lock is taken now, before the counter is read; a second issuer waits
            // (busy timeout) instead of reading the same number.
            await db.Database.OpenConnectionAsync(annulation);
            var connexion = (SqliteConnection)db.Database.GetDbConnection();
            var sqlite = connexion.BeginTransaction(deferred: false);
            return await db.Database.UseTransactionAsync(sqlite, annulation) ?? throw new InvalidOperationException("Transaction SQLite non prise en compte.");
        }

        return await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, annulation);
    }

    /// <summary>Moves the counter of a series by <paramref name="nombre"/> and returns its new value, inside the current transaction.</summary>
    public async Task<int> ReserverAsync(int exercice, string budget, string serie, int nombre, CancellationToken annulation)
    {
        var (creer, avancer) = db.Database.IsSqlServer()
            ? ("""
               IF NOT EXISTS (SELECT 1 FROM [CompteursTitres] WITH (UPDLOCK, HOLDLOCK) WHERE [Exercice] = @exercice AND [Budget] = @budget AND [Serie] = @serie)
                   INSERT INTO [CompteursTitres] ([Exercice], [Budget], [Serie], [Dernier]) VALUES (@exercice, @budget, @serie, 0);
               """,
               """
               UPDATE [CompteursTitres] WITH (UPDLOCK, HOLDLOCK) SET [Dernier] = [Dernier] + @nombre
               OUTPUT inserted.[Dernier]
               WHERE [Exercice] = @exercice AND [Budget] = @budget AND [Serie] = @serie;
               """)
            : ("""
               INSERT INTO "CompteursTitres" ("Exercice", "Budget", "Serie", "Dernier") VALUES (@exercice, @budget, @serie, 0)
               ON CONFLICT ("Exercice", "Budget", "Serie") DO NOTHING;
               """,
               """
               UPDATE "CompteursTitres" SET "Dernier" = "Dernier" + @nombre
               WHERE "Exercice" = @exercice AND "Budget" = @budget AND "Serie" = @serie
               RETURNING "Dernier";
               """);
        await ExecuterAsync(creer, exercice, budget, serie, nombre, scalaire: false, annulation);
        return await ExecuterAsync(avancer, exercice, budget, serie, nombre, scalaire: true, annulation);
    }

    /// <summary>The last number given in a series (0 when none), read without taking it: a guess that <see cref="ReserverAsync"/> confirms or not.</summary>
    public async Task<int> DernierAsync(int exercice, string budget, string serie, CancellationToken annulation = default) =>
        await db.Set<CompteurTitres>().AsNoTracking().Where(c => c.Exercice == exercice && c.Budget == budget && c.Serie == serie)
            .Select(c => (int?)c.Dernier).FirstOrDefaultAsync(annulation) ?? 0;

    private async Task<int> ExecuterAsync(string sql, int exercice, string budget, string serie, int nombre, bool scalaire, CancellationToken annulation)
    {
        var connexion = db.Database.GetDbConnection();
        await using var commande = connexion.CreateCommand();
        commande.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        commande.CommandText = sql;
        Ajouter(commande, "@exercice", exercice);
        Ajouter(commande, "@budget", budget);
        Ajouter(commande, "@serie", serie);
        Ajouter(commande, "@nombre", nombre);
        if (!scalaire)
        {
            await commande.ExecuteNonQueryAsync(annulation);
            return 0;
        }

        var valeur = await commande.ExecuteScalarAsync(annulation);
        return Convert.ToInt32(valeur, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Ajouter(DbCommand commande, string nom, object valeur)
    {
        var parametre = commande.CreateParameter();
        parametre.ParameterName = nom;
        parametre.Value = valeur;
        commande.Parameters.Add(parametre);
    }
}
