using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence.Historique;
using Mutualisation.Persistence.Perimetre;
using Npgsql;

namespace Mutualisation.Persistence;

/// <summary>
/// Inserts many new rows of one entity type outside the change tracker, for the jobs that write tens of thousands of
/// them at once (a campaign's drafts and results): their keys reserved in one query and set on the objects, then
/// written (SQLite: one prepared INSERT run again for each row; PostgreSQL: one binary COPY). Tables, columns and values come from the EF model's own type mappings (a
/// <see cref="Montant"/> in cents, enums as text, dates as SaveChanges writes them), so a row reads back as if
/// SaveChanges had written it. It does what the interceptors do for SaveChanges: it refuses a row of another member
/// to a restricted user (<see cref="GardePerimetreInterceptor"/>) and writes the « Création » history entry of every
/// domain row (<see cref="HistoriqueInterceptor"/>), when the context has them. It runs in the caller's transaction.
/// SQLite and PostgreSQL only (<see cref="Disponible"/>); on another provider the caller keeps the change tracker.
/// </summary>
public static class InsertionEnMasse
{
    /// <summary>Rows of one INSERT at most; fewer when the provider's limit of parameters per command requires it.</summary>
    private const int LignesParCommande = 1000;

    /// <summary>Whether this context's provider has the bulk path (SQLite, PostgreSQL).</summary>
    public static bool Disponible(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsSqlite() || db.Database.IsNpgsql();
    }

    /// <summary>
    /// Inserts <paramref name="entites"/> (new objects, never tracked) and sets their generated key.
    /// <paramref name="ombre"/> gives the value of a shadow property (a foreign key the class does not carry) for the
    /// entity at an index of the list.
    /// </summary>
    public static async Task InsererAsync<T>(this MutualisationDbContext db, IReadOnlyList<T> entites, Func<int, string, object?>? ombre, CancellationToken annulation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entites);
        if (entites.Count == 0)
        {
            return;
        }

        if (!Disponible(db))
        {
            throw new NotSupportedException($"L'insertion en masse n'est pas prise en charge par le fournisseur {db.Database.ProviderName}.");
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("L'insertion en masse s'écrit dans la transaction de l'appelant.");
        var type = db.Model.GetEntityTypes().Single(e => e.ClrType == typeof(T));
        if (type.GetComplexProperties().Any())
        {
            throw new NotSupportedException($"{type.DisplayName()} a des propriétés complexes : l'insertion en masse ne les écrit pas.");
        }

        VerifierPerimetre(db, type, entites);
        var historique = Historique(db);

        var cle = type.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } generee] && (generee.ClrType == typeof(int) || generee.ClrType == typeof(long))
            ? generee
            : null;
        if (cle is not null)
        {
            var valeurs = await ReserverClesAsync(db, transaction, type, cle, entites.Count, annulation);
            var champ = cle.FieldInfo ?? throw new NotSupportedException($"La clé de {type.DisplayName()} n'a pas de champ.");
            for (var i = 0; i < entites.Count; i++)
            {
                champ.SetValue(entites[i], cle.ClrType == typeof(int) ? checked((int)valeurs[i]) : (object)valeurs[i]);
            }
        }

        await EcrireAsync(db, transaction, type, entites, ombre, avecCle: true, annulation);
        if (db.Database.IsNpgsql())
        {
            // The plans this session cached for the checks of other tables' rows against this one (foreign keys, the
            // titres' triggers) were made when it was small: a sequential scan for each row of the next insert, tens of
            // thousands of times over (minutes for a campaign's lines). They are made again on their next use.
            await using var commande = transaction.Connection!.CreateCommand();
            commande.Transaction = transaction;
            commande.CommandText = "DISCARD PLANS";
            await commande.ExecuteNonQueryAsync(annulation);
        }

        if (historique is not null && typeof(T).Assembly == typeof(IPerimetreMembre).Assembly && !type.IsOwned())
        {
            var entrees = entites.Select(e => historique.Creation(db, type, e)).ToList();
            await EcrireAsync(db, transaction, db.Model.FindEntityType(typeof(EntreeHistorique))!, entrees, null, avecCle: false, annulation);
        }
    }

    /// <summary>The history interceptor of this context, when it keeps a history (the entries written outside SaveChanges come from it).</summary>
    public static HistoriqueInterceptor? Historique(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors ?? []).OfType<HistoriqueInterceptor>().FirstOrDefault();
    }

    /// <summary>
    /// The values of the properties of existing rows (objects read without tracking) before the domain changes them: what
    /// <see cref="ModifierAsync{T}"/> compares with to write what changed and its history. Without <paramref name="proprietes"/>,
    /// every property the class carries (key and shadow properties aside), so that a property a domain method starts to
    /// change is written without anyone having to list it.
    /// </summary>
    public static ReleveEnMasse<T> Relever<T>(this MutualisationDbContext db, IReadOnlyList<T> entites, params string[] proprietes)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entites);
        ArgumentNullException.ThrowIfNull(proprietes);
        var type = db.Model.GetEntityTypes().Single(e => e.ClrType == typeof(T));
        if (type.GetComplexProperties().Any())
        {
            throw new NotSupportedException($"{type.DisplayName()} a des propriétés complexes : la modification en masse ne les écrit pas.");
        }

        var lues = proprietes.Length == 0
            ? type.GetProperties().Where(p => !p.IsShadowProperty() && !p.IsPrimaryKey()).ToArray()
            : proprietes.Select(p => type.FindProperty(p) is { } propriete && !propriete.IsShadowProperty() && !propriete.IsPrimaryKey()
                ? propriete
                : throw new ArgumentException($"{type.DisplayName()} n'a pas de propriété {p} modifiable en masse.", nameof(proprietes))).ToArray();
        var valeurs = entites.Select(e => lues.Select(p => p.GetGetter().GetClrValue(e)).ToArray()).ToArray();
        return new ReleveEnMasse<T>(type, entites, lues, valeurs);
    }

    /// <summary>
    /// Writes the rows of <paramref name="avant"/> whose listed properties the domain has changed since it was taken, in
    /// UPDATEs of many rows each matched by key (<c>WITH v AS (VALUES …) UPDATE … FROM v</c>), and their « Modification »
    /// history entries as SaveChanges would (same JSON of changed fields, old and new values). The row's triggers run as
    /// for any UPDATE. Returns the rows written; throws when a row is missing. Runs in the caller's transaction.
    /// </summary>
    public static async Task<int> ModifierAsync<T>(this MutualisationDbContext db, ReleveEnMasse<T> avant, CancellationToken annulation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(avant);
        if (!Disponible(db))
        {
            throw new NotSupportedException($"La modification en masse n'est pas prise en charge par le fournisseur {db.Database.ProviderName}.");
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("La modification en masse s'écrit dans la transaction de l'appelant.");
        // The rows some property of which changed, and the columns that changed in at least one of them (written for all).
        var type = avant.Type;
        var changees = new List<(T Entite, object?[] Avant)>();
        var modifiees = new bool[avant.Proprietes.Length];
        for (var i = 0; i < avant.Entites.Count; i++)
        {
            var entite = avant.Entites[i];
            var changee = false;
            for (var j = 0; j < avant.Proprietes.Length; j++)
            {
                if (!Equals(avant.Valeurs[i][j], avant.Proprietes[j].GetGetter().GetClrValue(entite)))
                {
                    (changee, modifiees[j]) = (true, true);
                }
            }

            if (changee)
            {
                changees.Add((entite, avant.Valeurs[i]));
            }
        }

        if (changees.Count == 0)
        {
            return 0;
        }

        var proprietes = avant.Proprietes.Where((_, j) => modifiees[j]).ToArray();
        VerifierPerimetre(db, type, changees.Select(c => c.Entite).ToList());
        var cle = type.FindPrimaryKey()?.Properties is [var unique] ? unique : throw new NotSupportedException($"{type.DisplayName()} n'a pas de clé simple.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var nomTable = sql.DelimitIdentifier(table.Name, table.Schema);
        var toutes = proprietes.Select(p => (Propriete: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.GetGetter())).ToList();
        // A column whose new value is the same in every changed row (an issue's bordereau, date and signatory) is sent once
        // per command, as one parameter, instead of once per row: 2 parameters a titre instead of 9 for an issue.
        var constantes = toutes.Where(c => c.Getter.GetClrValue(changees[0].Entite) is var premiere && changees.Skip(1).All(r => Equals(c.Getter.GetClrValue(r.Entite), premiere))).ToList();
        var colonnes = new[] { (Propriete: cle, Mapping: cle.GetRelationalTypeMapping(), Getter: cle.GetGetter()) }.Concat(toutes.Except(constantes)).ToList();
        var alias = Enumerable.Range(0, colonnes.Count).Select(j => sql.DelimitIdentifier("c" + j.ToString(CultureInfo.InvariantCulture))).ToList();
        var nomsConstantes = Enumerable.Range(0, constantes.Count).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var affectations = string.Join(", ", colonnes.Skip(1).Select((c, j) => $"{sql.DelimitIdentifier(c.Propriete.GetColumnName(table)!)} = \"v\".{alias[j + 1]}")
            .Concat(constantes.Select((c, i) => $"{sql.DelimitIdentifier(c.Propriete.GetColumnName(table)!)} = {sql.GenerateParameterNamePlaceholder(nomsConstantes[i])}")));
        var limiteParametres = db.Database.IsSqlite() ? 200 : 30_000;
        var parCommande = Math.Max(1, Math.Min(LignesParCommande, (limiteParametres - constantes.Count) / colonnes.Count));
        var noms = Enumerable.Range(0, parCommande * colonnes.Count).Select(i => "p" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var ecrites = 0;
        DbCommand? commande = null;
        try
        {
            // The command of a full slice is compiled once and run again with new values (SQLite prepares it once).
            foreach (var tranche in changees.Chunk(parCommande))
            {
                if (commande is null || tranche.Length != parCommande)
                {
                    if (commande is not null)
                    {
                        await commande.DisposeAsync();
                    }

                    commande = transaction.Connection!.CreateCommand();
                    commande.Transaction = transaction;
                    var valeurs = Enumerable.Range(0, tranche.Length)
                        .Select(r => "(" + string.Join(", ", Enumerable.Range(0, colonnes.Count).Select(j => sql.GenerateParameterNamePlaceholder(noms[(r * colonnes.Count) + j]))) + ")");
                    commande.CommandText = $"WITH \"v\" ({string.Join(", ", alias)}) AS (VALUES {string.Join(", ", valeurs)}) "
                        + $"UPDATE {nomTable} SET {affectations} FROM \"v\" WHERE {nomTable}.{sql.DelimitIdentifier(cle.GetColumnName(table)!)} = \"v\".{alias[0]}";
                }

                commande.Parameters.Clear();
                for (var i = 0; i < constantes.Count; i++)
                {
                    var (propriete, mapping, getter) = constantes[i];
                    commande.Parameters.Add(mapping.CreateParameter(commande, sql.GenerateParameterName(nomsConstantes[i]), getter.GetClrValue(tranche[0].Entite), propriete.IsNullable));
                }

                var n = 0;
                foreach (var (entite, _) in tranche)
                {
                    foreach (var (propriete, mapping, getter) in colonnes)
                    {
                        commande.Parameters.Add(mapping.CreateParameter(commande, sql.GenerateParameterName(noms[n++]), getter.GetClrValue(entite), propriete.IsNullable));
                    }
                }

                var lues = await commande.ExecuteNonQueryAsync(annulation);
                if (lues != tranche.Length)
                {
                    throw new DbUpdateConcurrencyException($"{type.DisplayName()} : {tranche.Length - lues} ligne(s) à modifier introuvable(s).");
                }

                ecrites += lues;
            }
        }
        finally
        {
            if (commande is not null)
            {
                await commande.DisposeAsync();
            }
        }

        if (Historique(db) is { } historique && !type.IsOwned())
        {
            var entrees = changees.Select(c => historique.Modification(db, type, c.Entite,
                avant.Proprietes.Select((p, j) => (p.Name, c.Avant[j], p.GetGetter().GetClrValue(c.Entite))).ToList())).ToList();
            await EcrireAsync(db, transaction, db.Model.FindEntityType(typeof(EntreeHistorique))!, entrees, null, avecCle: false, annulation);
        }

        return ecrites;
    }

    /// <summary>
    /// Writes the history entry of a change made by ExecuteUpdate (one property of <paramref name="entite"/>, whose object
    /// holds the new value), as SaveChanges would have, when the context keeps a history.
    /// </summary>
    public static async Task HistoriserModificationAsync<T>(this MutualisationDbContext db, T entite, string propriete, object? avant, CancellationToken annulation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entite);
        if (Historique(db) is not { } historique)
        {
            return;
        }

        var type = db.Model.GetEntityTypes().Single(e => e.ClrType == typeof(T));
        var apres = type.FindProperty(propriete)!.GetGetter().GetClrValue(entite);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("L'historique s'écrit dans la transaction de l'appelant.");
        await EcrireAsync(db, transaction, db.Model.FindEntityType(typeof(EntreeHistorique))!, [historique.Modification(db, type, entite, [(propriete, avant, apres)])], null, avecCle: false, annulation);
    }

    /// <summary>Deletes the rows of an entity type (owned ones included) whose property <paramref name="propriete"/> equals <paramref name="valeur"/>, in one statement.</summary>
    public static async Task<int> SupprimerAsync<T>(this MutualisationDbContext db, string propriete, object valeur, CancellationToken annulation)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = db.Model.GetEntityTypes().Single(e => e.ClrType == typeof(T));
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var colonne = type.FindProperty(propriete) ?? throw new ArgumentException($"{type.DisplayName()} n'a pas de propriété {propriete}.", nameof(propriete));
        var sql = db.GetService<ISqlGenerationHelper>();
        await using var commande = db.Database.GetDbConnection().CreateCommand();
        commande.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        commande.CommandText = $"DELETE FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {sql.DelimitIdentifier(colonne.GetColumnName(table)!)} = {sql.GenerateParameterNamePlaceholder("p0")}";
        commande.Parameters.Add(colonne.GetRelationalTypeMapping().CreateParameter(commande, sql.GenerateParameterName("p0"), valeur, colonne.IsNullable));
        await db.Database.OpenConnectionAsync(annulation);
        return await commande.ExecuteNonQueryAsync(annulation);
    }

    private static void VerifierPerimetre<T>(MutualisationDbContext db, IEntityType type, IReadOnlyList<T> entites)
    {
        if (!db.Perimetre.EstRestreint || !typeof(IPerimetreMembre).IsAssignableFrom(typeof(T)))
        {
            return;
        }

        if (entites.Any(e => db.Perimetre.MembreId is null || ((IPerimetreMembre)e!).MembreId != db.Perimetre.MembreId))
        {
            throw new AccesHorsPerimetreException($"Écriture refusée : {type.ClrType.Name} hors du périmètre de l'utilisateur.");
        }
    }

    /// <summary>
    /// <paramref name="nombre"/> new keys: on SQLite, after the largest ever given (the table's AUTOINCREMENT counter),
    /// the caller's write transaction keeping any other writer out; on PostgreSQL, from the identity column's sequence.
    /// </summary>
    private static async Task<List<long>> ReserverClesAsync(MutualisationDbContext db, DbTransaction transaction, IEntityType type, IProperty cle, int nombre,
        CancellationToken annulation)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var nomTable = sql.DelimitIdentifier(table.Name, table.Schema);
        var colonne = cle.GetColumnName(table)!;
        await using var commande = transaction.Connection!.CreateCommand();
        commande.Transaction = transaction;
        var cles = new List<long>(nombre);
        if (db.Database.IsSqlite())
        {
            commande.CommandText = "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = $table), 0), "
                + $"COALESCE((SELECT MAX({sql.DelimitIdentifier(colonne)}) FROM {nomTable}), 0))";
            var parametre = commande.CreateParameter();
            parametre.ParameterName = "$table";
            parametre.Value = table.Name;
            commande.Parameters.Add(parametre);
            var dernier = Convert.ToInt64(await commande.ExecuteScalarAsync(annulation), CultureInfo.InvariantCulture);
            for (var i = 1; i <= nombre; i++)
            {
                cles.Add(dernier + i);
            }

            return cles;
        }

        // The sequence is looked up once: called in the select list, pg_get_serial_sequence ran for every key (0.19 s for
        // a campaign's 70 000 lines, against 0.03 s for nextval alone).
        commande.CommandText = "SELECT pg_get_serial_sequence(@table, @colonne)";
        foreach (var (nom, valeur) in new[] { ("table", nomTable), ("colonne", colonne) })
        {
            var parametre = commande.CreateParameter();
            parametre.ParameterName = nom;
            parametre.Value = valeur;
            commande.Parameters.Add(parametre);
        }

        var sequence = await commande.ExecuteScalarAsync(annulation) as string
            ?? throw new InvalidOperationException($"{nomTable}.{colonne} n'a pas de séquence.");
        commande.Parameters.Clear();
        commande.CommandText = $"SELECT nextval(@sequence::regclass) FROM generate_series(1, {nombre.ToString(CultureInfo.InvariantCulture)})";
        var parametreSequence = commande.CreateParameter();
        parametreSequence.ParameterName = "sequence";
        parametreSequence.Value = sequence;
        commande.Parameters.Add(parametreSequence);

        await using var lecteur = await commande.ExecuteReaderAsync(annulation);
        while (await lecteur.ReadAsync(annulation))
        {
            cles.Add(lecteur.GetInt64(0));
        }

        return cles;
    }

    /// <param name="avecCle">Whether the key is written (reserved by <see cref="ReserverClesAsync"/>) or left to the database.</param>
    private static async Task EcrireAsync<T>(MutualisationDbContext db, DbTransaction transaction, IEntityType type, IReadOnlyList<T> entites, Func<int, string, object?>? ombre,
        bool avecCle, CancellationToken annulation)
        where T : class
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var colonnes = type.GetProperties()
            .Where(p => avecCle || !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey()))
            .Select(p => (Propriete: p, Mapping: p.GetRelationalTypeMapping(), Getter: p.IsShadowProperty() ? null : p.GetGetter()))
            .ToList();
        if (ombre is null && colonnes.Any(c => c.Getter is null))
        {
            throw new ArgumentNullException(nameof(ombre), $"{type.DisplayName()} a des propriétés fantômes : leurs valeurs sont à donner.");
        }

        if (transaction.Connection is NpgsqlConnection npgsql)
        {
            await CopierAsync(npgsql, sql, table, colonnes, entites, ombre, annulation);
            return;
        }

        // SQLite looks a parameter up by name through the whole statement: the cost of binding grows with the square of
        // the parameters of one command, so SQLite (in process: no round trip to save) gets one row per command, compiled
        // once and run again with new values (three times faster than 200 parameters a command for the campaign's drafts
        // of 27 columns); another provider gets long ones (one round trip for up to a thousand rows).
        var parCommande = db.Database.IsSqlite() ? 1 : Math.Max(1, Math.Min(LignesParCommande, 60_000 / colonnes.Count));
        var entete = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", colonnes.Select(c => sql.DelimitIdentifier(c.Propriete.GetColumnName(table)!)))}) VALUES ";
        var noms = Enumerable.Range(0, parCommande * colonnes.Count).Select(i => sql.GenerateParameterName("p" + i.ToString(CultureInfo.InvariantCulture))).ToArray();
        DbCommand? commande = null;
        try
        {
            for (var debut = 0; debut < entites.Count; debut += parCommande)
            {
                var fin = Math.Min(entites.Count, debut + parCommande);
                if (commande is null || fin - debut != parCommande)
                {
                    if (commande is not null)
                    {
                        await commande.DisposeAsync();
                    }

                    commande = transaction.Connection!.CreateCommand();
                    commande.Transaction = transaction;
                    commande.CommandText = entete + string.Join(", ", Enumerable.Range(0, fin - debut)
                        .Select(r => "(" + string.Join(", ", Enumerable.Range(0, colonnes.Count).Select(j => sql.GenerateParameterNamePlaceholder("p" + ((r * colonnes.Count) + j).ToString(CultureInfo.InvariantCulture)))) + ")"));
                }

                commande.Parameters.Clear();
                var n = 0;
                for (var i = debut; i < fin; i++)
                {
                    foreach (var (propriete, mapping, getter) in colonnes)
                    {
                        var valeur = getter is null ? ombre!(i, propriete.Name) : getter.GetClrValue(entites[i]);
                        commande.Parameters.Add(mapping.CreateParameter(commande, noms[n++], valeur, propriete.IsNullable));
                    }
                }

                await commande.ExecuteNonQueryAsync(annulation);
            }
        }
        finally
        {
            if (commande is not null)
            {
                await commande.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// PostgreSQL: the rows in one binary COPY, each value as the EF model maps it (converted to its store value, written as
    /// its column's store type); the same triggers and foreign keys are checked as for an INSERT.
    /// </summary>
    private static async Task CopierAsync<T>(NpgsqlConnection connexion, ISqlGenerationHelper sql, StoreObjectIdentifier table,
        List<(IProperty Propriete, RelationalTypeMapping Mapping, IClrPropertyGetter? Getter)> colonnes, IReadOnlyList<T> entites, Func<int, string, object?>? ombre,
        CancellationToken annulation)
        where T : class
    {
        var types = colonnes.Select(c => c.Mapping.StoreTypeNameBase).ToArray();
        var copie = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", colonnes.Select(c => sql.DelimitIdentifier(c.Propriete.GetColumnName(table)!)))}) FROM STDIN (FORMAT BINARY)";
        await using var import = await connexion.BeginBinaryImportAsync(copie, annulation);
        for (var i = 0; i < entites.Count; i++)
        {
            await import.StartRowAsync(annulation);
            for (var j = 0; j < colonnes.Count; j++)
            {
                var (propriete, mapping, getter) = colonnes[j];
                var valeur = getter is null ? ombre!(i, propriete.Name) : getter.GetClrValue(entites[i]);
                valeur = mapping.Converter is { } convertisseur ? convertisseur.ConvertToProvider(valeur)
                    : valeur is Enum enumeration ? Convert.ChangeType(enumeration, Enum.GetUnderlyingType(enumeration.GetType()), CultureInfo.InvariantCulture)
                    : valeur;
                if (valeur is null)
                {
                    await import.WriteNullAsync(annulation);
                }
                else
                {
                    await import.WriteAsync(valeur, types[j], annulation);
                }
            }
        }

        await import.CompleteAsync(annulation);
    }
}

/// <summary>The values of some properties of rows read without tracking, taken before the domain changes them (<see cref="InsertionEnMasse.Relever{T}"/>).</summary>
public sealed class ReleveEnMasse<T>
    where T : class
{
    internal ReleveEnMasse(IEntityType type, IReadOnlyList<T> entites, IProperty[] proprietes, object?[][] valeurs) =>
        (Type, Entites, Proprietes, Valeurs) = (type, entites, proprietes, valeurs);

    internal IEntityType Type { get; }

    internal IReadOnlyList<T> Entites { get; }

    internal IProperty[] Proprietes { get; }

    internal object?[][] Valeurs { get; }
}
