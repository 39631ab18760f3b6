using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Persistence.Perimetre;

/// <summary>
/// Query filters guard reads; this guards writes: a restricted user cannot add, change or
/// delete a row that belongs to another member, whatever the controller did. One instance serves every context (contexts
/// are pooled, ADR 0029): the user is the context's <see cref="MutualisationDbContext.Perimetre"/>.
/// </summary>
public sealed class GardePerimetreInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Verifier(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Verifier(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Verifier(DbContext? context)
    {
        if (context is not MutualisationDbContext { Perimetre: { EstRestreint: true } perimetre })
        {
            return;
        }

        foreach (var entree in context.ChangeTracker.Entries<IPerimetreMembre>())
        {
            if (entree.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (perimetre.MembreId is null || entree.Entity.MembreId != perimetre.MembreId)
            {
                throw new AccesHorsPerimetreException(
                    $"Écriture refusée : {entree.Metadata.ClrType.Name} hors du périmètre de l'utilisateur.");
            }
        }
    }
}
