using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutualisation.Persistence.Echanges;

/// <summary>
/// Each user's count of unread notifications, as the navigation bar shows it on every signed-in page. Counting was one
/// more query on every page, about half of what a trivial signed-in page cost (issue 7), so the count is kept per
/// instance and trusted for <see cref="Fraicheur"/>, as the session stamps are (ADR 0009). Every save through this
/// instance's contexts that adds, changes or deletes a user's notification forgets that user's count
/// (<see cref="NotificationsInterceptor"/>), and a bulk update calls <see cref="Oublier"/>: on this instance the badge
/// follows at once; another instance sees the change when its entry expires. A count read while a change was being
/// saved is shown once but not kept.
/// </summary>
public sealed class NonLuesParUtilisateur(TimeProvider horloge)
{
    public static readonly TimeSpan Fraicheur = TimeSpan.FromSeconds(5);

    private readonly ValeursParUtilisateur<int> _comptes = new(horloge, () => Fraicheur);

    public async Task<int> LireAsync(MutualisationDbContext db, string utilisateurId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _comptes.EssayerLire(utilisateurId, out var nonLues)
            ? nonLues
            : await _comptes.RelireAsync(utilisateurId, () => db.NotificationsFiches().CountAsync(n => n.UtilisateurId == utilisateurId && n.LueLe == null, annulation));
    }

    /// <summary>Forgets the user's count on this instance: the next page counts again.</summary>
    public void Oublier(string utilisateurId) => _comptes.Oublier(utilisateurId);
}

/// <summary>
/// Forgets the unread count of every user whose notifications a save adds, changes or deletes: before the save, and again
/// after it (a page that counted in between is not kept, see <see cref="NonLuesParUtilisateur"/>). Registered after the
/// history interceptor, so "after" is after its transaction has committed; inside a caller's own transaction, a count
/// read between the save and that commit may be kept, for <see cref="NonLuesParUtilisateur.Fraicheur"/> at most.
/// </summary>
public sealed class NotificationsInterceptor(NonLuesParUtilisateur nonLues) : AbandonSauvegardeInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> _enCours = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Noter(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Noter(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Oublier(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Oublier(eventData.Context);
        return ValueTask.FromResult(result);
    }

    protected override void SauvegardeAbandonnee(DbContext? contexte) => Oublier(contexte);

    private void Noter(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var utilisateurs = context.ChangeTracker.Entries<NotificationFiche>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.UtilisateurId).Distinct(StringComparer.Ordinal).ToList();
        if (utilisateurs.Count == 0)
        {
            return;
        }

        utilisateurs.ForEach(nonLues.Oublier);
        _enCours.AddOrUpdate(context, utilisateurs);
    }

    // The list stays with the context (weakly): the history's second save, nested in the first, must not use it up
    // before the outer save has committed; a later save of the same context only forgets those counts once more.
    private void Oublier(DbContext? context)
    {
        if (context is not null && _enCours.TryGetValue(context, out var utilisateurs))
        {
            utilisateurs.ForEach(nonLues.Oublier);
        }
    }
}
