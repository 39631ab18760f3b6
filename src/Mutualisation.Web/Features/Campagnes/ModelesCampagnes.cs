using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Web.Features.Travaux;

namespace Mutualisation.Web.Features.Campagnes;

public sealed record LigneCampagne(int Id, int ExerciceFacture, int Exercice, string Budget, DateTimeOffset OuverteLe, string OuverteParNom, DateTimeOffset? CalculeLe,
    int Prets, int Factures, int Membres);

public sealed record ListeCampagnes(IReadOnlyList<LigneCampagne> Campagnes, OuvertureFormulaire Formulaire);

public sealed record BordereauCampagne(int Numero, DateOnly EmisLe, int Titres, Montant Total);

/// <summary>Which members the review table shows.</summary>
public enum FiltreCampagne
{
    Tous,
    Avertissements,
    Prets,
    EnAttente,
    Exclus,
}

public static class FiltresCampagne
{
    public static readonly IReadOnlyList<(FiltreCampagne Filtre, string Code, string Libelle)> Tous =
    [
        (FiltreCampagne.Tous, "tous", "Tous les membres"),
        (FiltreCampagne.Avertissements, "avertissements", "Avec un avertissement"),
        (FiltreCampagne.Prets, "prets", "Titres prêts"),
        (FiltreCampagne.EnAttente, "attente", "En attente d'un montant négocié"),
        (FiltreCampagne.Exclus, "exclus", "Exclus, sous le seuil ou déjà facturés"),
    ];

    public static FiltreCampagne Lire(string? code) => Tous.FirstOrDefault(f => f.Code == code).Filtre;

    public static string Code(this FiltreCampagne filtre) => Tous.First(f => f.Filtre == filtre).Code;

    public static bool Garde(this FiltreCampagne filtre, ResultatCampagne r) => filtre switch
    {
        FiltreCampagne.Avertissements => r.Avertissements is not null,
        FiltreCampagne.Prets => r.Statut == StatutResultat.Pret,
        FiltreCampagne.EnAttente => r.Statut == StatutResultat.EnAttenteNegociation,
        FiltreCampagne.Exclus => r.Statut is StatutResultat.Exclu or StatutResultat.SousLeSeuil or StatutResultat.DejaFacture,
        _ => true,
    };

    public static string Libelle(this StatutResultat statut) => statut switch
    {
        StatutResultat.Pret => "Prêt",
        StatutResultat.SousLeSeuil => "Sous le seuil",
        StatutResultat.EnAttenteNegociation => "En attente d'un montant négocié",
        StatutResultat.Exclu => "Exclu",
        _ => "Déjà facturé",
    };
}

/// <summary>What the review table shows: a filter, a search on the member's name, a page.</summary>
public sealed record RevueCampagne(FiltreCampagne Filtre, string? Recherche, int Page)
{
    /// <summary>The query string of this review at another page (filter and search kept).</summary>
    public string Requete(int page) =>
        $"?filtre={Filtre.Code()}{(Recherche is null ? string.Empty : "&q=" + Uri.EscapeDataString(Recherche))}&page={page.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A campaign's page: its state, its last job, one page of its results (filtered, searched, sorted by name) with the
/// titres they point at, how many results the filter keeps, the bordereaux issued, the settings its drafts still lack.
/// </summary>
public sealed record PageCampagne(Campagne Campagne, EtatTravailVue? Travail, IReadOnlyDictionary<int, TitreDeRecette> Titres, IReadOnlyList<BordereauCampagne> Bordereaux,
    RevueCampagne Revue, IReadOnlyList<ResultatCampagne> Lignes, int Retenus, int Pages, int ParPage, MontantNegocieFormulaire? Saisie, IReadOnlyList<string> Manquants)
{
    public FiltreCampagne Filtre => Revue.Filtre;

    public int Prets => Campagne.Resultats.Count(r => r.Statut == StatutResultat.Pret);

    public Montant TotalPrets => Campagne.Resultats.Where(r => r.Statut == StatutResultat.Pret).Aggregate(Montant.Zero, (s, r) => s + r.Total);

    public bool TravailEnCours => Travail is { Fini: false };

    public TitreDeRecette? Titre(ResultatCampagne r) => r.TitreId is { } id ? Titres.GetValueOrDefault(id) : null;
}
