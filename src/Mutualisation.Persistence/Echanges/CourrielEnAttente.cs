namespace Mutualisation.Persistence.Echanges;

/// <summary>Where an e-mail of the outbox stands. Stored as text.</summary>
public enum EtatCourriel
{
    EnAttente,
    Envoye,
    Abandonne,
}

/// <summary>
/// An e-mail of the outbox (ADR 0023): written in the same transaction as the action it tells about, sent later by the
/// background sender, retried with a growing delay after a failure, abandoned after the last attempt. Its state is
/// shown to the DSI administrators.
/// </summary>
public sealed class CourrielEnAttente
{
    public const int LongueurMaxAdresse = 254;
    public const int LongueurMaxSujet = 300;
    public const int LongueurMaxCorps = 8000;
    public const int LongueurMaxErreur = 1000;

    private CourrielEnAttente()
    {
    }

    public CourrielEnAttente(string destinataire, string sujet, string corps, int? ficheId, DateTimeOffset creeLe)
    {
        Destinataire = destinataire;
        Sujet = Couper(sujet, LongueurMaxSujet);
        Corps = Couper(corps, LongueurMaxCorps);
        FicheId = ficheId;
        CreeLe = creeLe.ToUniversalTime();
        ProchaineTentative = CreeLe;
        Etat = EtatCourriel.EnAttente;
    }

    public long Id { get; private set; }

    public string Destinataire { get; private set; } = string.Empty;

    public string Sujet { get; private set; } = string.Empty;

    public string Corps { get; private set; } = string.Empty;

    public int? FicheId { get; private set; }

    public EtatCourriel Etat { get; private set; }

    public int Tentatives { get; private set; }

    public DateTimeOffset CreeLe { get; private set; }

    /// <summary>Not sent before this instant (the first attempt: at once; after a failure: later and later).</summary>
    public DateTimeOffset ProchaineTentative { get; private set; }

    public DateTimeOffset? EnvoyeLe { get; private set; }

    public string? DerniereErreur { get; private set; }

    public void Envoye(DateTimeOffset quand)
    {
        Tentatives++;
        Etat = EtatCourriel.Envoye;
        EnvoyeLe = quand.ToUniversalTime();
        DerniereErreur = null;
    }

    /// <summary>A failed attempt: tried again after <paramref name="attente"/>, or abandoned when it was the last one.</summary>
    public void Echec(string erreur, DateTimeOffset quand, TimeSpan attente, int tentativesMax)
    {
        Tentatives++;
        DerniereErreur = Couper(erreur, LongueurMaxErreur);
        if (Tentatives >= tentativesMax)
        {
            Etat = EtatCourriel.Abandonne;
            return;
        }

        ProchaineTentative = quand.ToUniversalTime() + attente;
    }

    private static string Couper(string texte, int longueur) => texte.Length > longueur ? string.Concat(texte.AsSpan(0, longueur - 1), "…") : texte;
}
