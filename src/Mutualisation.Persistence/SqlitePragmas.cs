using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutualisation.Persistence;

/// <summary>Sets WAL and a busy timeout on every SQLite connection the context opens.</summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var commande = connection.CreateCommand();
        commande.CommandText = Pragmas;
        commande.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var commande = connection.CreateCommand();
        commande.CommandText = Pragmas;
        await commande.ExecuteNonQueryAsync(cancellationToken);
    }
}
