using System.Security.Claims;
using System.Text.Json;

namespace Mutualisation.Web.Features.Travaux;

/// <summary>
/// A kind of background job. Registered with <see cref="EnregistrementTravaux.AjouterTravail{T}"/> under
/// its kind (the <c>Genre</c> stored with the job), resolved in a fresh scope that acts as the user who
/// launched it: its DbContext, perimeter and history name that user.
/// </summary>
public interface ITravail
{
    /// <summary>
    /// True when the handler can pick up where a dead process left it (from <see cref="ContexteTravail.DejaFait"/>):
    /// the job is then queued again at the next start instead of being marked « Interrompu ».
    /// </summary>
    bool Reprenable => false;

    Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation);
}

/// <summary>A refusal the user should read (French), as opposed to a bug logged and reported generically.</summary>
public sealed class TravailRefuseException(string message) : Exception(message);

/// <summary>What a handler receives: its parameters, the user it acts for, and a way to report progress.</summary>
public sealed class ContexteTravail
{
    private readonly Func<int, int?, string?, CancellationToken, Task> _progresser;

    internal ContexteTravail(int id, string parametres, int dejaFait, ClaimsPrincipal utilisateur, Func<int, int?, string?, CancellationToken, Task> progresser)
    {
        Id = id;
        ParametresJson = parametres;
        DejaFait = dejaFait;
        Utilisateur = utilisateur;
        _progresser = progresser;
    }

    public int Id { get; }

    public string ParametresJson { get; }

    /// <summary>Progress stored before an interruption (0 on a first run): where a resumable handler starts again.</summary>
    public int DejaFait { get; }

    public ClaimsPrincipal Utilisateur { get; }

    /// <summary>Message shown when the job ends well (« 12 titres calculés »); the default says it is done.</summary>
    public string? MessageFinal { get; set; }

    public T Parametres<T>() =>
        JsonSerializer.Deserialize<T>(ParametresJson, FileDeTravaux.Json)
        ?? throw new TravailRefuseException("Les paramètres de ce traitement sont illisibles.");

    /// <summary>Stores the progress (and beats the heart): <paramref name="fait"/> out of <paramref name="total"/>.</summary>
    public Task ProgresserAsync(int fait, int? total, string? message = null, CancellationToken annulation = default) =>
        _progresser(fait, total, message, annulation);
}
