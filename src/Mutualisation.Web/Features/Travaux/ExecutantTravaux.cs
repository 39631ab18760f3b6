using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Travaux;

/// <summary>
/// Runs the queued jobs of the database, one at a time per instance. A job is claimed by an
/// <c>UPDATE … WHERE Etat = 'EnAttente'</c> that only one instance can win; it then runs in a scope
/// of its own acting as the user who launched it, stores its progress and beats a heartbeat. A job
/// « En cours » whose heartbeat stopped was left by a dead process: at start-up and at every poll it
/// is marked « Interrompu » (or queued again when its handler is resumable). Waiting uses real time;
/// every stored time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class ExecutantTravaux(
    IServiceScopeFactory scopes,
    TimeProvider horloge,
    SignalTravaux signal,
    IConfiguration configuration,
    ILogger<ExecutantTravaux> journal) : BackgroundService
{
    public const string MessageInterrompu = "Le traitement a été interrompu (arrêt de l'application) ; relancez-le.";
    public const string MessageRepris = "Le traitement a été interrompu (arrêt de l'application) ; il reprend où il en était.";

    private readonly string _nom = Nommer();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _attentes = new();

    private TimeSpan Intervalle => TimeSpan.FromSeconds(configuration.GetValue("Travaux:IntervalleSecondes", 5));

    private TimeSpan PeriodePouls => TimeSpan.FromSeconds(configuration.GetValue("Travaux:PoulsSecondes", 10));

    /// <summary>A heartbeat older than this means the process that ran the job is gone.</summary>
    private TimeSpan Abandon => TimeSpan.FromSeconds(configuration.GetValue("Travaux:AbandonSecondes", 60));

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RattraperAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Travaux:Executant", true))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await TraiterSuivantAsync(stoppingToken))
                {
                    continue;
                }

                await RattraperAsync(stoppingToken);
                await signal.AttendreAsync(Intervalle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must survive a database outage: log and try again later.
            catch (Exception erreur)
#pragma warning restore CA1031
            {
                BoucleEnErreur(journal, erreur);
                try
                {
                    await Task.Delay(Intervalle, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Claims the oldest queued job and runs it; false when there was none to claim.</summary>
    public async Task<bool> TraiterSuivantAsync(CancellationToken arret)
    {
        var travail = await ReserverAsync(arret);
        if (travail is null)
        {
            return false;
        }

        await ExecuterAsync(travail, arret);
        return true;
    }

    /// <summary>Marks the jobs whose heartbeat stopped as « Interrompu », or queues them again when resumable; returns how many.</summary>
    public async Task<int> RattraperAsync(CancellationToken annulation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisationDbContext>();
        var limite = horloge.GetUtcNow() - Abandon;
        // Few rows: compared in memory (SQLite cannot order DateTimeOffset values in SQL).
        var enCours = await db.TravauxDeFond.AsNoTracking().Where(t => t.Etat == EtatTravail.EnCours)
            .Select(t => new { t.Id, t.Genre, t.Pouls }).ToListAsync(annulation);
        var rattrapes = 0;
        foreach (var travail in enCours.Where(t => t.Pouls is null || t.Pouls < limite))
        {
            var pouls = travail.Pouls;
            var meme = db.TravauxDeFond.Where(t => t.Id == travail.Id && t.Etat == EtatTravail.EnCours && t.Pouls == pouls);
            var reprenable = scope.ServiceProvider.GetKeyedService<ITravail>(travail.Genre)?.Reprenable ?? false;
            var maintenant = horloge.GetUtcNow();
            rattrapes += reprenable
                ? await meme.ExecuteUpdateAsync(s => s.SetProperty(t => t.Etat, EtatTravail.EnAttente).SetProperty(t => t.Executant, (string?)null).SetProperty(t => t.Message, MessageRepris), annulation)
                : await meme.ExecuteUpdateAsync(s => s.SetProperty(t => t.Etat, EtatTravail.Interrompu).SetProperty(t => t.Message, MessageInterrompu).SetProperty(t => t.TermineLe, maintenant), annulation);
            TravailRattrape(journal, travail.Id, reprenable);
        }

        if (rattrapes > 0)
        {
            signal.Reveiller();
        }

        return rattrapes;
    }

    /// <summary>Waits until the job ends on this instance (for tests and tools); returns its final row.</summary>
    public async Task<TravailDeFond> AttendreFinAsync(int id, CancellationToken annulation)
    {
        var attente = _attentes.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var travail = await LireAsync(id, annulation);
        if (!travail.EstFini)
        {
            await attente.Task.WaitAsync(annulation);
            travail = await LireAsync(id, annulation);
        }

        return travail;
    }

    private async Task<TravailDeFond> LireAsync(int id, CancellationToken annulation)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MutualisationDbContext>().TravauxDeFond.AsNoTracking().SingleAsync(t => t.Id == id, annulation);
    }

    private async Task<TravailDeFond?> ReserverAsync(CancellationToken annulation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisationDbContext>();
        var candidats = await db.TravauxDeFond.AsNoTracking().Where(t => t.Etat == EtatTravail.EnAttente)
            .OrderBy(t => t.Id).Select(t => t.Id).Take(10).ToListAsync(annulation);
        foreach (var id in candidats)
        {
            var maintenant = horloge.GetUtcNow();
            var gagne = await db.TravauxDeFond.Where(t => t.Id == id && t.Etat == EtatTravail.EnAttente)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(t => t.Etat, EtatTravail.EnCours)
                        .SetProperty(t => t.Executant, _nom)
                        .SetProperty(t => t.DemarreLe, maintenant)
                        .SetProperty(t => t.Pouls, maintenant),
                    annulation);
            if (gagne == 1)
            {
                return await db.TravauxDeFond.AsNoTracking().SingleAsync(t => t.Id == id, annulation);
            }
        }

        return null;
    }

    private async Task ExecuterAsync(TravailDeFond travail, CancellationToken arret)
    {
        ITravail? traitement = null;
        EtatTravail fin;
        string message;
        using var finDuPouls = CancellationTokenSource.CreateLinkedTokenSource(arret);
        var battements = BattreAsync(travail.Id, finDuPouls.Token);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var utilisateur = await IdentiteAsync(scope.ServiceProvider, travail.CreeParId);
            scope.ServiceProvider.GetRequiredService<IdentiteAmbiante>().Definir(utilisateur);
            traitement = scope.ServiceProvider.GetKeyedService<ITravail>(travail.Genre)
                ?? throw new TravailRefuseException($"Ce genre de traitement (« {travail.Genre} ») n'existe pas dans cette version de l'application.");
            var contexte = new ContexteTravail(travail.Id, travail.Parametres, travail.Fait, utilisateur, (fait, total, texte, a) => ProgresserAsync(travail.Id, fait, total, texte, a));
            await traitement.ExecuterAsync(contexte, arret);
            (fin, message) = (EtatTravail.Termine, contexte.MessageFinal ?? "Traitement terminé.");
        }
        catch (OperationCanceledException) when (arret.IsCancellationRequested)
        {
            (fin, message) = traitement?.Reprenable == true ? (EtatTravail.EnAttente, MessageRepris) : (EtatTravail.Interrompu, MessageInterrompu);
        }
        catch (TravailRefuseException refus)
        {
            (fin, message) = (EtatTravail.Echoue, refus.Message);
        }
#pragma warning disable CA1031 // Any failure of a handler ends its job as « Échoué », logged; the executant goes on.
        catch (Exception erreur)
#pragma warning restore CA1031
        {
            TravailEnErreur(journal, erreur, travail.Id, travail.Genre);
            (fin, message) = (EtatTravail.Echoue, $"Le traitement a échoué sur une erreur inattendue, consignée au journal (traitement n° {travail.Id}).");
        }
        finally
        {
            await finDuPouls.CancelAsync();
            await battements;
        }

        await TerminerAsync(travail.Id, fin, message);
        if (_attentes.TryRemove(travail.Id, out var attente))
        {
            attente.TrySetResult();
        }
    }

    private static async Task<ClaimsPrincipal> IdentiteAsync(IServiceProvider services, string utilisateurId)
    {
        var utilisateurs = services.GetRequiredService<UserManager<Utilisateur>>();
        var utilisateur = await utilisateurs.FindByIdAsync(utilisateurId);
        if (utilisateur is null || !utilisateur.Actif)
        {
            throw new TravailRefuseException("Le compte qui a lancé ce traitement n'existe plus ou a été désactivé : le traitement n'est pas exécuté.");
        }

        return await services.GetRequiredService<IUserClaimsPrincipalFactory<Utilisateur>>().CreateAsync(utilisateur);
    }

    /// <summary>Writes the progress, only while this instance still owns the job (a job taken back elsewhere stops here).</summary>
    private async Task ProgresserAsync(int id, int fait, int? total, string? message, CancellationToken annulation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var maintenant = horloge.GetUtcNow();
        var texte = Tronquer(message);
        var ecrits = await scope.ServiceProvider.GetRequiredService<MutualisationDbContext>().TravauxDeFond
            .Where(t => t.Id == id && t.Etat == EtatTravail.EnCours && t.Executant == _nom)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Fait, fait).SetProperty(t => t.Total, total).SetProperty(t => t.Message, t => texte ?? t.Message).SetProperty(t => t.Pouls, maintenant),
                annulation);
        if (ecrits == 0)
        {
            throw new TravailRefuseException("Ce traitement a été arrêté ou repris par une autre instance de l'application.");
        }
    }

    private async Task BattreAsync(int id, CancellationToken arret)
    {
        using var minuterie = new PeriodicTimer(PeriodePouls);
        try
        {
            while (await minuterie.WaitForNextTickAsync(arret))
            {
                await using var scope = scopes.CreateAsyncScope();
                var maintenant = horloge.GetUtcNow();
                await scope.ServiceProvider.GetRequiredService<MutualisationDbContext>().TravauxDeFond
                    .Where(t => t.Id == id && t.Etat == EtatTravail.EnCours && t.Executant == _nom)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Pouls, maintenant), arret);
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended.
        }
    }

    private async Task TerminerAsync(int id, EtatTravail etat, string message)
    {
        await using var scope = scopes.CreateAsyncScope();
        var maintenant = horloge.GetUtcNow();
        var texte = Tronquer(message);
        var travaux = scope.ServiceProvider.GetRequiredService<MutualisationDbContext>().TravauxDeFond
            .Where(t => t.Id == id && t.Etat == EtatTravail.EnCours && t.Executant == _nom);
        // Written even while the application stops: the page must say what became of the job.
        _ = etat == EtatTravail.EnAttente
            ? await travaux.ExecuteUpdateAsync(s => s.SetProperty(t => t.Etat, etat).SetProperty(t => t.Executant, (string?)null).SetProperty(t => t.Message, texte), CancellationToken.None)
            : await travaux.ExecuteUpdateAsync(s => s.SetProperty(t => t.Etat, etat).SetProperty(t => t.Message, texte).SetProperty(t => t.TermineLe, maintenant).SetProperty(t => t.Pouls, maintenant), CancellationToken.None);
        if (etat == EtatTravail.EnAttente)
        {
            signal.Reveiller();
        }
    }

    private static string? Tronquer(string? texte) =>
        texte is { Length: > TravailDeFond.LongueurMessage } ? texte[..(TravailDeFond.LongueurMessage - 1)] + "…" : texte;

    private static string Nommer()
    {
        var nom = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return nom.Length > TravailDeFond.LongueurExecutant ? nom[^TravailDeFond.LongueurExecutant..] : nom;
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Error, Message = "Boucle des travaux de fond en erreur ; nouvel essai plus tard.")]
    private static partial void BoucleEnErreur(ILogger journal, Exception erreur);

    [LoggerMessage(EventId = 41, Level = LogLevel.Error, Message = "Le travail de fond {Id} ({Genre}) a échoué.")]
    private static partial void TravailEnErreur(ILogger journal, Exception erreur, int id, string genre);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "Travail de fond {Id} abandonné par un processus arrêté ; repris : {Reprenable}.")]
    private static partial void TravailRattrape(ILogger journal, int id, bool reprenable);
}
