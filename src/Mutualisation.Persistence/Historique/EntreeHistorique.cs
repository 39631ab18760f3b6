namespace Mutualisation.Persistence.Historique;

/// <summary>One change to one domain row: who, when, what (old → new values as JSON).</summary>
public sealed class EntreeHistorique
{
    public long Id { get; set; }

    public DateTimeOffset Horodatage { get; set; }

    public string? UtilisateurId { get; set; }

    public string Entite { get; set; } = string.Empty;

    public string EntiteId { get; set; } = string.Empty;

    /// <summary>Member the row belongs to, when it belongs to one (drives "Historique" pages).</summary>
    public int? MembreId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string Changements { get; set; } = "{}";
}
