using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutualisation.Persistence;

/// <summary>
/// Sets WAL, a busy timeout, foreign keys and the synchronous level on each SQLite connection, once
/// per physical connection: these settings live as long as the native handle, which the pool keeps
/// between requests, so re-running them on every logical open only cost four statements per request.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";

    /// <summary>Native handles already set up (weak keys: a handle closed by the pool leaves the table with it).</summary>
    private readonly ConditionalWeakTable<object, object> _reglees = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (AReglerMaintenant(connection))
        {
            using var commande = connection.CreateCommand();
            commande.CommandText = Pragmas;
            commande.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (AReglerMaintenant(connection))
        {
            await using var commande = connection.CreateCommand();
            commande.CommandText = Pragmas;
            await commande.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this physical connection is seen (always true for a connection without a native handle).</summary>
    private bool AReglerMaintenant(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _reglees.TryAdd(handle, handle);
}
