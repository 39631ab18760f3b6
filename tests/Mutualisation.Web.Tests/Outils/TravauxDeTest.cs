using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Travaux;

namespace Mutualisation.Web.Tests.Outils;

public sealed record ParametresRenommage(IReadOnlyList<int> Membres, string Suffixe);

/// <summary>A key unique to the test: job ids restart at 1 in every test database, so the test kinds' records are keyed by this.</summary>
public sealed record Cle(Guid Valeur)
{
    public static Cle Nouvelle() => new(Guid.NewGuid());
}

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

    public static readonly ConcurrentDictionary<Guid, int> Executions = new();

    public Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        Executions.AddOrUpdate(contexte.Parametres<Cle>().Valeur, 1, (_, n) => n + 1);
        return contexte.ProgresserAsync(1, 1, annulation: annulation);
    }
}

/// <summary>Test kind that can resume: records where it started from.</summary>
public sealed class TravailReprenable : ITravail
{
    public const string Genre = "test.reprenable";

    public static readonly ConcurrentDictionary<Guid, int> ReprisA = new();

    public bool Reprenable => true;

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        ReprisA[contexte.Parametres<Cle>().Valeur] = contexte.DejaFait;
        await contexte.ProgresserAsync(10, 10, annulation: annulation);
    }
}

/// <summary>Test kind that stops half way until the test lets it finish (to watch a page follow it).</summary>
public sealed class TravailSuspendu : ITravail
{
    public const string Genre = "test.suspendu";

    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Liberations = new();
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> MiChemin = new();

    public static void Liberer(Cle cle) => Signal(Liberations, cle.Valeur).TrySetResult();

    /// <summary>Completes once the job has stored its first step.</summary>
    public static Task AMiCheminAsync(Cle cle) => Signal(MiChemin, cle.Valeur).Task;

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        var cle = contexte.Parametres<Cle>().Valeur;
        await contexte.ProgresserAsync(1, 2, "À mi-chemin.", annulation);
        Signal(MiChemin, cle).TrySetResult();
        await Signal(Liberations, cle).Task.WaitAsync(annulation);
        await contexte.ProgresserAsync(2, 2, annulation: annulation);
        contexte.MessageFinal = "Les deux étapes sont faites.";
    }

    private static TaskCompletionSource Signal(ConcurrentDictionary<Guid, TaskCompletionSource> signaux, Guid cle) =>
        signaux.GetOrAdd(cle, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
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
