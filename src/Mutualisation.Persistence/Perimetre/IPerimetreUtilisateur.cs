namespace Mutualisation.Persistence.Perimetre;

/// <summary>
/// Who is acting, and on which members' data. The web layer answers it from the signed-in
/// user; anything outside a request (start-up, command line) acts as the system.
/// </summary>
public interface IPerimetreUtilisateur
{
    /// <summary>True when only one member's data may be read or written.</summary>
    bool EstRestreint { get; }

    /// <summary>The member a restricted user may see; null when restricted means nothing at all.</summary>
    int? MembreId { get; }

    /// <summary>Identity user id, for the audit trail; null for the system.</summary>
    string? UtilisateurId { get; }
}

public sealed class PerimetreSysteme : IPerimetreUtilisateur
{
    public static readonly PerimetreSysteme Instance = new();

    public bool EstRestreint => false;

    public int? MembreId => null;

    public string? UtilisateurId => null;
}

/// <summary>Restricted to no member, with no user: what a pooled context reads and writes before its perimeter is set (nothing).</summary>
public sealed class PerimetreAucun : IPerimetreUtilisateur
{
    public static readonly PerimetreAucun Instance = new();

    public bool EstRestreint => true;

    public int? MembreId => null;

    public string? UtilisateurId => null;
}
