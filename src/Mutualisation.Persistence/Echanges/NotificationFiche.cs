namespace Mutualisation.Persistence.Echanges;

/// <summary>
/// One line of a user's in-app notifications: what changed on a fiche projet that concerns them (one row per recipient,
/// written in the same transaction as the change). Not a domain entity: read marks are bookkeeping, not history.
/// </summary>
public sealed class NotificationFiche
{
    public const int LongueurMaxTexte = 500;

    private NotificationFiche()
    {
    }

    public NotificationFiche(string utilisateurId, int ficheId, string texte, DateTimeOffset creeLe)
    {
        UtilisateurId = utilisateurId;
        FicheId = ficheId;
        Texte = texte.Length > LongueurMaxTexte ? string.Concat(texte.AsSpan(0, LongueurMaxTexte - 1), "…") : texte;
        CreeLe = creeLe.ToUniversalTime();
    }

    public long Id { get; private set; }

    public string UtilisateurId { get; private set; } = string.Empty;

    public int FicheId { get; private set; }

    public string Texte { get; private set; } = string.Empty;

    public DateTimeOffset CreeLe { get; private set; }

    /// <summary>Null while unread.</summary>
    public DateTimeOffset? LueLe { get; private set; }

    public void MarquerLue(DateTimeOffset quand) => LueLe ??= quand.ToUniversalTime();
}
