using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Travaux;

namespace Mutualisation.Web.Tests.Outils;

public sealed record ParametresRenommage(IReadOnlyList<int> Membres, string Suffixe);

/// <summary>Test kind: renames members one by one (a domain change, so a history row each), reporting progress.</summary>
public sealed class TravailRenommage(MutualisationDbContext db) : ITravail
{
    public const string Genre = "test.renommage";

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        var parametres = contexte.Parametres<ParametresRenommage>();
        await contexte.ProgresserAsync(0, parametres.Membres.Count, "Renommage en cours.", annulation);
        for (var i = 0; i < parametres.Membres.Count; i++)
        {
            var id = parametres.Membres[i];
            var membre = await db.Membres.SingleOrDefaultAsync(m => m.Id == id, annulation)
                ?? throw new TravailRefuseException($"Le membre n° {id} est introuvable pour l'utilisateur qui a lancé le traitement.");
            membre.Renommer(membre.Nom + parametres.Suffixe);
            await db.SaveChangesAsync(annulation);
            await contexte.ProgresserAsync(i + 1, parametres.Membres.Count, annulation: annulation);
        }

        contexte.MessageFinal = $"{parametres.Membres.Count} membre(s) renommé(s).";
    }
}

/// <summary>Test kind: counts how many times each job ran (a job must run once, whatever the number of executants).</summary>
public sealed class TravailCompte : ITravail
{
    public const string Genre = "test.compte";

    public static readonly ConcurrentDictionary<int, int> Executions = new();

    public Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        Executions.AddOrUpdate(contexte.Id, 1, (_, n) => n + 1);
        return contexte.ProgresserAsync(1, 1, annulation: annulation);
    }
}

/// <summary>Test kind that can resume: records where it started from.</summary>
public sealed class TravailReprenable : ITravail
{
    public const string Genre = "test.reprenable";

    public static readonly ConcurrentDictionary<int, int> ReprisA = new();

    public bool Reprenable => true;

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        ReprisA[contexte.Id] = contexte.DejaFait;
        await contexte.ProgresserAsync(10, 10, annulation: annulation);
    }
}

/// <summary>Test kind that stops half way until the test lets it finish (to watch a page follow it).</summary>
public sealed class TravailSuspendu : ITravail
{
    public const string Genre = "test.suspendu";

    private static readonly ConcurrentDictionary<int, TaskCompletionSource> Liberations = new();

    public static void Liberer(int id) => Liberations.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        await contexte.ProgresserAsync(1, 2, "À mi-chemin.", annulation);
        await Liberations.GetOrAdd(contexte.Id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(annulation);
        await contexte.ProgresserAsync(2, 2, annulation: annulation);
        contexte.MessageFinal = "Les deux étapes sont faites.";
    }
}

public static class TravauxDeTest
{
    public static void Enregistrer(IServiceCollection services)
    {
        services.AjouterTravail<TravailRenommage>(TravailRenommage.Genre, "Renommage de membres (test)");
        services.AjouterTravail<TravailCompte>(TravailCompte.Genre, "Comptage (test)");
        services.AjouterTravail<TravailReprenable>(TravailReprenable.Genre, "Traitement reprenable (test)");
        services.AjouterTravail<TravailSuspendu>(TravailSuspendu.Genre, "Traitement en deux étapes (test)");
    }

    /// <summary>Queues a job as the user <paramref name="courriel"/> would from a page; returns its id.</summary>
    public static async Task<int> LancerTravailAsync(this PortailFactory portail, string courriel, string genre, object parametres)
    {
        await using var scope = portail.Services.CreateAsyncScope();
        var utilisateur = await scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>().FindByEmailAsync(courriel)
            ?? throw new InvalidOperationException($"Pas de compte {courriel}.");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Utilisateur>>().CreateAsync(utilisateur);
        return await scope.ServiceProvider.GetRequiredService<FileDeTravaux>().DemanderAsync(genre, parametres, principal, CancellationToken.None);
    }

    public static Task<Persistence.Travaux.TravailDeFond> AttendreFinAsync(this PortailFactory portail, int id) =>
        portail.Services.GetRequiredService<ExecutantTravaux>().AttendreFinAsync(id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
}
