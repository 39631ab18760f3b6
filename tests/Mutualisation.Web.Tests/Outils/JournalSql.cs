using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>
/// Records the SQL commands EF Core sends to one test database (its file or its name tells them
/// apart from other tests' commands), with their parameters, while it is not disposed.
/// </summary>
public sealed class JournalSql : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _marqueur;
    private readonly IDisposable _abonnement;
    private readonly ConcurrentQueue<CommandeSql> _commandes = new();
    private readonly ConcurrentBag<IDisposable> _ecoutes = [];

    /// <summary>The journal of the current async flow, when it records only the commands that flow sends.</summary>
    private static readonly AsyncLocal<JournalSql?> FluxCourant = new();

    private readonly bool _seulementCeFlux;

    /// <param name="seulementCeFlux">Records only the commands sent from the calling async flow (not those of other tests or background services on the same database).</param>
    public JournalSql(BaseDeTest base_, bool seulementCeFlux = false)
    {
        _seulementCeFlux = seulementCeFlux;
        if (seulementCeFlux)
        {
            FluxCourant.Value = this;
        }

        _marqueur = base_.Fournisseur == FournisseurBaseDeDonnees.Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(base_.ChaineConnexion).DataSource
            : new Npgsql.NpgsqlConnectionStringBuilder(base_.ChaineConnexion).Database!;
        _abonnement = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public IReadOnlyList<CommandeSql> Commandes => [.. _commandes];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _ecoutes.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData donnees
            && (!_seulementCeFlux || ReferenceEquals(FluxCourant.Value, this))
            && donnees.Command.Connection?.ConnectionString.Contains(_marqueur, StringComparison.Ordinal) == true)
        {
            _commandes.Enqueue(new CommandeSql(donnees.Command.CommandText, donnees.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _abonnement.Dispose();
        foreach (var ecoute in _ecoutes)
        {
            ecoute.Dispose();
        }
    }
}

public sealed record CommandeSql(string Texte, IReadOnlyList<(string Nom, object? Valeur)> Parametres);
