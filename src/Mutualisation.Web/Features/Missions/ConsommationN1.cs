using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Missions;

/// <summary>
/// The N1 half-days each member consumed in an exercice: the sum of the time entries dated within it, on all
/// its lettres de mission (cancelled ones too: the time was spent). One SQL query for any set of members;
/// the query filter keeps a Mairie user to her own commune. This is the quantity <c>demi-journees-n1</c> the
/// billing engine reads.
/// </summary>
public sealed class ConsommationN1(MutualisationDbContext db)
{
    /// <summary>
    /// Consumed half-days by member id for the exercice (members without any entry are absent, i.e. 0);
    /// all members of the caller's perimeter when <paramref name="membres"/> is null.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, decimal>> DemiJourneesAsync(int exercice, IReadOnlyCollection<int>? membres, CancellationToken annulation)
    {
        if (exercice is < 1 or > 9999)
        {
            return new Dictionary<int, decimal>();
        }

        var debut = new DateOnly(exercice, 1, 1);
        var fin = new DateOnly(exercice, 12, 31);
        var missions = db.Missions.AsNoTracking();
        if (membres is not null)
        {
            missions = missions.Where(m => membres.Contains(m.MembreId));
        }

        var totaux = await missions
            .SelectMany(m => m.Saisies.Where(s => s.Date >= debut && s.Date <= fin), (m, s) => new { m.MembreId, s.DemiJournees })
            .GroupBy(x => x.MembreId)
            .Select(g => new { MembreId = g.Key, DemiJournees = g.Sum(x => x.DemiJournees) })
            .ToListAsync(annulation);
        return totaux.ToDictionary(t => t.MembreId, t => (decimal)t.DemiJournees);
    }
}
