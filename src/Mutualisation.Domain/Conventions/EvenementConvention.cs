namespace Mutualisation.Domain.Conventions;

/// <summary>
/// One line of a convention's history: a status transition or a recorded fact (contrôle de légalité, PV,
/// avenant, document), dated (the act's date), timestamped, attributed; never changed afterwards.
/// </summary>
public sealed class EvenementConvention
{
    public const int LongueurMaxLibelle = 200;
    public const int LongueurMaxDetail = 500;

    public int Id { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    /// <summary>The date of the act (signature, notice received…), which may precede the day it is recorded.</summary>
    public DateOnly Date { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    public StatutConvention? StatutAvant { get; private set; }

    public StatutConvention StatutApres { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public string? Detail { get; private set; }

    private EvenementConvention()
    {
    }

    internal EvenementConvention(DateTimeOffset horodatage, DateOnly date, string libelle, StatutConvention? avant, StatutConvention apres, Auteur auteur, string? detail)
    {
        Horodatage = horodatage;
        Date = date;
        Libelle = libelle;
        StatutAvant = avant;
        StatutApres = apres;
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
        Detail = detail is { Length: > LongueurMaxDetail } ? detail[..LongueurMaxDetail] : detail;
    }

    public bool EstUnChangementDeStatut => StatutAvant != StatutApres;
}

/// <summary>An amendment (avenant) of a signed convention: its number, date and object.</summary>
public sealed class Avenant
{
    public const int LongueurMaxObjet = 500;

    public int Id { get; private set; }

    public int Numero { get; private set; }

    public DateOnly Date { get; private set; }

    public string Objet { get; private set; } = string.Empty;

    private Avenant()
    {
    }

    internal Avenant(int numero, DateOnly date, string objet)
    {
        Numero = numero;
        Date = date;
        Objet = objet;
    }
}
