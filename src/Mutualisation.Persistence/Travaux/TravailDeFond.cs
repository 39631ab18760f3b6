namespace Mutualisation.Persistence.Travaux;

/// <summary>Where a background job stands. Stored as text (the names below).</summary>
public enum EtatTravail
{
    EnAttente,
    EnCours,
    Termine,
    Echoue,
    Interrompu,
}

/// <summary>
/// A background job (campaign dry run, PDF batch, export…) as the database remembers it: what to do
/// (<see cref="Genre"/> and its JSON <see cref="Parametres"/>), who asked for it (it runs under that
/// user's identity), where it stands and its progress, so a page reload or a restart of the app
/// finds it again. Times are UTC, read from the injected clock. Not a domain entity: its progress
/// updates are bookkeeping and do not go into the history.
/// </summary>
public sealed class TravailDeFond
{
    public const int LongueurGenre = 100;
    public const int LongueurLibelle = 200;
    public const int LongueurParametres = 20_000;
    public const int LongueurMessage = 1_000;
    public const int LongueurExecutant = 100;

    private TravailDeFond()
    {
    }

    public TravailDeFond(string genre, string libelle, string parametres, string creeParId, string creeParNom, DateTimeOffset creeLe)
    {
        Genre = genre;
        Libelle = libelle;
        Parametres = parametres;
        CreeParId = creeParId;
        CreeParNom = creeParNom;
        CreeLe = creeLe;
        Etat = EtatTravail.EnAttente;
    }

    public int Id { get; private set; }

    /// <summary>Key of the handler that runs it (an <c>ITravail</c> registered under this key).</summary>
    public string Genre { get; private set; } = string.Empty;

    /// <summary>What the user sees: « Recalcul de… ».</summary>
    public string Libelle { get; private set; } = string.Empty;

    public string Parametres { get; private set; } = "{}";

    public EtatTravail Etat { get; private set; }

    public int Fait { get; private set; }

    /// <summary>Null while the handler does not know yet how much there is to do.</summary>
    public int? Total { get; private set; }

    public string? Message { get; private set; }

    public string CreeParId { get; private set; } = string.Empty;

    public string CreeParNom { get; private set; } = string.Empty;

    public DateTimeOffset CreeLe { get; private set; }

    public DateTimeOffset? DemarreLe { get; private set; }

    public DateTimeOffset? TermineLe { get; private set; }

    /// <summary>Last sign of life of the process running it; a job « En cours » whose heartbeat stopped was left by a dead process.</summary>
    public DateTimeOffset? Pouls { get; private set; }

    /// <summary>The instance (process) that claimed it.</summary>
    public string? Executant { get; private set; }

    public bool EstFini => Etat is EtatTravail.Termine or EtatTravail.Echoue or EtatTravail.Interrompu;
}
