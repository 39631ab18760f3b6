using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence.Perimetre;

namespace Mutualisation.Persistence.Historique;

/// <summary>
/// Writes an <see cref="EntreeHistorique"/> for every added, changed or deleted domain row
/// (types of the Domain assembly), in the same transaction as the change: keys of new rows are only
/// known after the insert, so a second save fills them in (with the values of new rows, whose foreign
/// keys are temporary negative numbers before the insert), inside a transaction opened here when
/// the caller has none. Values are written culture-neutral (ISO dates, euros with a dot); binary
/// contents are left out. One instance serves every context (contexts are pooled, ADR 0029): who acts is the context's
/// <see cref="MutualisationDbContext.Perimetre"/>, and what a save has noted is kept per context.
/// </summary>
public sealed class HistoriqueInterceptor(TimeProvider horloge) : AbandonSauvegardeInterceptor
{
    private static readonly System.Reflection.Assembly DomainAssembly = typeof(IPerimetreMembre).Assembly;

    private static readonly JsonSerializerOptions Json = new()
    {
        // Accented letters stay readable in the database (only HTML-sensitive characters are escaped).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>What a save in progress of this context has noted: kept on the context, which forgets it when it goes back to the pool.</summary>
    private static SauvegardeHistorique SauvegardeDe(DbContext context) => Mutualisation(context).SauvegardeHistorique;

    /// <summary>Who acts in <paramref name="context"/>: the user its lease was given.</summary>
    private static IPerimetreUtilisateur Auteur(DbContext context) => Mutualisation(context).Perimetre;

    /// <summary>This interceptor is registered for the portal's context only (<see cref="Fournisseur"/>).</summary>
    private static MutualisationDbContext Mutualisation(DbContext context) =>
        context as MutualisationDbContext ?? throw new InvalidOperationException($"L'historique ne s'écrit que pour {nameof(MutualisationDbContext)}, pas pour {context.GetType().Name}.");

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Preparer(eventData.Context))
        {
            SauvegardeDe(eventData.Context!).Transaction = eventData.Context!.Database.BeginTransaction();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Preparer(eventData.Context))
        {
            SauvegardeDe(eventData.Context!).Transaction = await eventData.Context!.Database.BeginTransactionAsync(cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (CompleterCles(eventData.Context))
        {
            eventData.Context!.SaveChanges();
        }

        if (eventData.Context is { } context && SauvegardeDe(context) is { Transaction: { } transaction } sauvegarde)
        {
            sauvegarde.Transaction = null;
            transaction.Commit();
            transaction.Dispose();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (CompleterCles(eventData.Context))
        {
            await eventData.Context!.SaveChangesAsync(cancellationToken);
        }

        if (eventData.Context is { } context && SauvegardeDe(context) is { Transaction: { } transaction } sauvegarde)
        {
            sauvegarde.Transaction = null;
            await transaction.CommitAsync(cancellationToken);
            await transaction.DisposeAsync();
        }

        return result;
    }

    /// <summary>A save that failed or was cancelled: its notes are dropped, the transaction opened for it rolled back.</summary>
    protected override void SauvegardeAbandonnee(DbContext? contexte)
    {
        if (contexte is null)
        {
            return;
        }

        var sauvegarde = SauvegardeDe(contexte);
        sauvegarde.Ajouts.Clear();
        if (sauvegarde.Transaction is { } transaction)
        {
            sauvegarde.Transaction = null;
            transaction.Rollback();
            transaction.Dispose();
        }
    }

    /// <summary>Adds the history rows; returns true when new rows will need a second save and no transaction is open yet.</summary>
    private bool Preparer(DbContext? context)
    {
        if (context is null)
        {
            return false;
        }

        var maintenant = horloge.GetUtcNow();
        var auteur = Auteur(context);
        // Empty here: the first save of a context, or the second one that CompleterCles starts after emptying it.
        var ajouts = SauvegardeDe(context).Ajouts;
        ajouts.Clear();
        foreach (var entree in context.ChangeTracker.Entries().ToList())
        {
            if (entree.Entity.GetType().Assembly != DomainAssembly
                || entree.State is EntityState.Unchanged or EntityState.Detached
                || entree.Metadata.IsOwned())
            {
                continue;
            }

            var historique = new EntreeHistorique
            {
                Horodatage = maintenant,
                UtilisateurId = auteur.UtilisateurId,
                Entite = entree.Metadata.ClrType.Name,
                Action = entree.State switch
                {
                    EntityState.Added => "Création",
                    EntityState.Deleted => "Suppression",
                    _ => "Modification",
                },
                Changements = DecrireChangements(entree, entree.State),
            };
            context.Add(historique);
            ajouts.Add((entree, historique, entree.State == EntityState.Added));
        }

        return ajouts.Count > 0 && context.Database.CurrentTransaction is null;
    }

    /// <summary>Keys of added rows are known only after the insert: fill them in, and say whether a second save is needed.</summary>
    private static bool CompleterCles(DbContext? context)
    {
        if (context is null || SauvegardeDe(context).Ajouts is not { Count: > 0 } ajouts)
        {
            return false;
        }

        foreach (var (entree, historique, ajout) in ajouts)
        {
            if (ajout)
            {
                // Generated keys are known now: describe the new row again with its real foreign keys.
                historique.Changements = DecrireChangements(entree, EntityState.Added);
            }

            historique.EntiteId = string.Join(',', entree.Metadata.FindPrimaryKey()!.Properties.Select(p => entree.Property(p.Name).CurrentValue));
            historique.MembreId = entree.Entity is IPerimetreMembre membre ? membre.MembreId : null;
        }

        ajouts.Clear();
        return true;
    }

    /// <summary>
    /// The « Création » entry of a new row written outside the change tracker (<see cref="InsertionEnMasse"/>), its key
    /// set: the same entry SaveChanges would have written for it.
    /// </summary>
    public EntreeHistorique Creation(DbContext context, IEntityType type, object entite) => Description(context, type, entite, "Création");

    /// <summary>The « Suppression » entry of a row deleted outside the change tracker: its values, as SaveChanges writes them.</summary>
    public EntreeHistorique Suppression(DbContext context, IEntityType type, object entite) => Description(context, type, entite, "Suppression");

    private EntreeHistorique Description(DbContext context, IEntityType type, object entite, string action)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(entite);
        var changements = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var propriete in type.GetProperties())
        {
            if (propriete.IsShadowProperty() || propriete.IsPrimaryKey() || propriete.ClrType == typeof(byte[]))
            {
                continue;
            }

            changements[propriete.Name] = Texte(propriete.GetGetter().GetClrValue(entite));
        }

        return Entree(context, type, entite, action, changements);
    }

    /// <summary>The « Modification » entry of a row changed outside the change tracker: each changed property, its value before and after.</summary>
    public EntreeHistorique Modification(DbContext context, IEntityType type, object entite, IReadOnlyList<(string Propriete, object? Avant, object? Apres)> proprietes)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(entite);
        ArgumentNullException.ThrowIfNull(proprietes);
        var changements = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (propriete, avant, apres) in proprietes.Where(p => !Equals(p.Avant, p.Apres)))
        {
            changements[propriete] = new[] { Texte(avant), Texte(apres) };
        }

        return Entree(context, type, entite, "Modification", changements);
    }

    private EntreeHistorique Entree(DbContext context, IEntityType type, object entite, string action, SortedDictionary<string, object?> changements) => new()
    {
        Horodatage = horloge.GetUtcNow(),
        UtilisateurId = Auteur(context).UtilisateurId,
        Entite = type.ClrType.Name,
        EntiteId = string.Join(',', type.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(entite))),
        MembreId = entite is IPerimetreMembre membre ? membre.MembreId : null,
        Action = action,
        Changements = JsonSerializer.Serialize(changements, Json),
    };

    private static string DecrireChangements(EntityEntry entree, EntityState etat)
    {
        var changements = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var propriete in entree.Properties)
        {
            if (propriete.Metadata.IsShadowProperty() || propriete.Metadata.IsPrimaryKey() || propriete.Metadata.ClrType == typeof(byte[]))
            {
                continue;
            }

            Noter(etat, propriete.Metadata.Name, propriete, changements);
        }

        foreach (var complexe in entree.ComplexProperties)
        {
            foreach (var propriete in complexe.Properties)
            {
                Noter(etat, complexe.Metadata.Name + "." + propriete.Metadata.Name, propriete, changements);
            }
        }

        return JsonSerializer.Serialize(changements, Json);
    }

    private static void Noter(EntityState etat, string nom, PropertyEntry propriete, SortedDictionary<string, object?> changements)
    {
            switch (etat)
            {
                case EntityState.Added:
                    changements[nom] = Texte(propriete.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changements[nom] = Texte(propriete.OriginalValue);
                    break;
                default:
                    if (propriete.IsModified && !Equals(propriete.OriginalValue, propriete.CurrentValue))
                    {
                        changements[nom] = new[] { Texte(propriete.OriginalValue), Texte(propriete.CurrentValue) };
                    }

                    break;
            }
    }

    private static string? Texte(object? valeur) => valeur switch
    {
        null => null,
        byte[] => null,
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        Montant m => m.Euros.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => valeur.ToString(),
    };
}

/// <summary>What one context's save in progress has noted for the history (<see cref="HistoriqueInterceptor"/>).</summary>
internal sealed class SauvegardeHistorique
{
    public List<(EntityEntry Entree, EntreeHistorique Historique, bool Ajout)> Ajouts { get; } = [];

    /// <summary>Opened when new rows need a second save for their keys, so change and history commit together.</summary>
    public IDbContextTransaction? Transaction { get; set; }
}
