using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Conventions;
using Mutualisation.Web.Features.Campagnes;

namespace Mutualisation.Web.Tests.Outils;

public static class CampagnesDeTest
{
    public static readonly Auteur Finances = new(null, "Finances (test)");

    /// <summary>Opens a campaign; a budget of its own keeps it apart from the demo's and other tests' campaigns.</summary>
    public static Task<int> OuvrirCampagneAsync(this PortailFactory portail, int exerciceFacture, string budget) => portail.ExecuterAsync(async db =>
    {
        if (Campagne.Ouvrir(exerciceFacture, budget, Finances, portail.Horloge.GetUtcNow(), out var campagne) is { } refus)
        {
            throw new InvalidOperationException(refus.Message);
        }

        db.Add(campagne!);
        await db.SaveChangesAsync();
        return campagne!.Id;
    });

    /// <summary>Runs the campaign's dry run in the foreground (the same service the background job calls).</summary>
    public static async Task<Campagne> CalculerCampagneAsync(this PortailFactory portail, int campagneId)
    {
        await using (var scope = portail.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CalculCampagne>().CalculerAsync(campagneId, Finances, (_, _) => Task.CompletedTask, CancellationToken.None);
        }

        return await LireCampagneAsync(portail, campagneId);
    }

    public static Task<Campagne> LireCampagneAsync(this PortailFactory portail, int campagneId) =>
        portail.ExecuterAsync(db => db.Set<Campagne>().AsNoTracking().SingleAsync(c => c.Id == campagneId));
}
