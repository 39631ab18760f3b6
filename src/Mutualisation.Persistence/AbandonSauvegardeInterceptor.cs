using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mutualisation.Persistence;

/// <summary>
/// A save interceptor that keeps something between the start and the end of a save: EF Core ends a save that does not
/// succeed by one of four events (failed or cancelled, sync or async), and each of them leads here to
/// <see cref="SauvegardeAbandonnee"/>, so that none is forgotten.
/// </summary>
public abstract class AbandonSauvegardeInterceptor : SaveChangesInterceptor
{
    /// <summary>A save of <paramref name="contexte"/> failed or was cancelled.</summary>
    protected abstract void SauvegardeAbandonnee(DbContext? contexte);

    public sealed override void SaveChangesFailed(DbContextErrorEventData eventData) => SauvegardeAbandonnee(eventData?.Context);

    public sealed override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SauvegardeAbandonnee(eventData?.Context);
        return Task.CompletedTask;
    }

    public sealed override void SaveChangesCanceled(DbContextEventData eventData) => SauvegardeAbandonnee(eventData?.Context);

    public sealed override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SauvegardeAbandonnee(eventData?.Context);
        return Task.CompletedTask;
    }
}
