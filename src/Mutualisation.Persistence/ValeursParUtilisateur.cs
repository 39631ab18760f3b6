using System.Collections.Concurrent;

namespace Mutualisation.Persistence;

/// <summary>
/// One value per user, read from the database and kept by this instance while it is fresh (the session stamps of
/// ADR 0009, the unread notifications of the navigation bar). Whoever changes the value on this instance calls
/// <see cref="Oublier"/>, so the next read goes to the database; other instances see the change when their entry
/// expires. Every <see cref="Oublier"/> bumps a generation: a read that began before it is returned once but not kept,
/// so a slow request cannot put an old value back.
/// </summary>
public sealed class ValeursParUtilisateur<T>(TimeProvider horloge, Func<TimeSpan> fraicheur)
{
    private readonly ConcurrentDictionary<string, (T Valeur, DateTimeOffset LuLe)> _valeurs = new(StringComparer.Ordinal);

    private long _generation;

    /// <summary>The value kept for the user, when it is still fresh.</summary>
    public bool EssayerLire(string utilisateurId, out T valeur)
    {
        if (_valeurs.TryGetValue(utilisateurId, out var gardee) && horloge.GetUtcNow() - gardee.LuLe < fraicheur())
        {
            valeur = gardee.Valeur;
            return true;
        }

        valeur = default!;
        return false;
    }

    /// <summary>Reads the value with <paramref name="lire"/> and keeps it, unless it was forgotten meanwhile.</summary>
    public async Task<T> RelireAsync(string utilisateurId, Func<Task<T>> lire)
    {
        ArgumentNullException.ThrowIfNull(lire);
        var generation = Interlocked.Read(ref _generation);
        var valeur = await lire();
        if (Interlocked.Read(ref _generation) == generation)
        {
            _valeurs[utilisateurId] = (valeur, horloge.GetUtcNow());
        }

        return valeur;
    }

    /// <summary>Forgets what this instance knows of the user: the next read goes to the database.</summary>
    public void Oublier(string utilisateurId)
    {
        Interlocked.Increment(ref _generation);
        _valeurs.TryRemove(utilisateurId, out _);
    }
}
