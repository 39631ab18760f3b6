using System.Security.Claims;
using System.Text.Json;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Travaux;

/// <summary>Queues a job for the signed-in user; the executant picks it up (at once on this instance).</summary>
public sealed class FileDeTravaux(MutualisationDbContext db, TimeProvider horloge, SignalTravaux signal, GenresDeTravaux genres)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> DemanderAsync(string genre, object parametres, ClaimsPrincipal utilisateur, CancellationToken annulation)
    {
        var libelle = genres.Libelle(genre) ?? throw new InvalidOperationException($"Aucun traitement de genre « {genre} » n'est enregistré.");
        var id = utilisateur.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("Un traitement de fond est lancé par un utilisateur connecté.");
        var nom = utilisateur.FindFirstValue(FabriqueRevendications.RevendicationNom) ?? utilisateur.Identity?.Name ?? id;
        var json = JsonSerializer.Serialize(parametres, Json);
        if (json.Length > TravailDeFond.LongueurParametres)
        {
            throw new InvalidOperationException($"Les paramètres d'un traitement tiennent en {TravailDeFond.LongueurParametres} caractères.");
        }

        var travail = new TravailDeFond(genre, libelle, json, id, nom.Length > 256 ? nom[..256] : nom, horloge.GetUtcNow());
        db.TravauxDeFond.Add(travail);
        await db.SaveChangesAsync(annulation);
        signal.Reveiller();
        return travail.Id;
    }
}

/// <summary>Wakes the executant of this instance when a job is queued (other instances find it at their next poll).</summary>
public sealed class SignalTravaux : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Reveiller()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task<bool> AttendreAsync(TimeSpan delai, CancellationToken annulation) => _signal.WaitAsync(delai, annulation);

    public void Dispose() => _signal.Dispose();
}

/// <summary>The kinds of job this application knows, with their French label.</summary>
public sealed class GenresDeTravaux
{
    private readonly Dictionary<string, string> _libelles = new(StringComparer.Ordinal);

    internal void Ajouter(string genre, string libelle) => _libelles[genre] = libelle;

    public string? Libelle(string genre) => _libelles.GetValueOrDefault(genre);
}
