using System.Globalization;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Catalogue;

/// <summary>One tariff component of a catalogue line, as data (see the billing engine for what each nature computes).</summary>
public sealed class ComposanteTarif
{
    /// <summary>Decimals a rate keeps (the column's scale): a rate with more is refused, never rounded.</summary>
    public const int DecimalesTaux = 6;

    /// <summary>Decimals of a coefficient: a base in cents × a coefficient of 4 decimals gives a rate of at most 6, computed exactly.</summary>
    public const int DecimalesCoefficient = 4;

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private readonly List<TrancheTarif> _tranches = [];
    private string _unite = "habitant";

    private ComposanteTarif()
    {
    }

    public ComposanteTarif(string libelle, NatureComposante nature, IEnumerable<TrancheTarif>? tranches = null)
    {
        Libelle = (libelle ?? string.Empty).Trim();
        Nature = nature;
        var ordre = 1;
        foreach (var tranche in tranches ?? [])
        {
            tranche.Ordre = ordre++;
            _tranches.Add(tranche);
        }
    }

    public int Id { get; private set; }

    public int ServiceCatalogueId { get; private set; }

    public int Ordre { get; internal set; }

    public string Libelle { get; private set; } = string.Empty;

    public NatureComposante Nature { get; private set; }

    public Frequence Frequence { get; init; }

    public Prorata Prorata { get; init; }

    public string Quantite { get; init; } = QuantiteCatalogue.CodePopulation;

    public string? QuantiteTranche { get; init; }

    /// <summary>The unit (singular) of the billed quantity, taken from its declaration when the version records the component.</summary>
    public string Unite { get => _unite; init => _unite = value; }

    public decimal Taux { get; init; }

    /// <summary>Grids published as a base × a coefficient per bracket: the base per unit, in euros (each bracket's rate is base × its coefficient).</summary>
    public decimal? BaseParUnite { get; init; }

    public Montant Montant { get; init; }

    public Montant? MontantPremiereAnnee { get; init; }

    public Montant? Plancher { get; init; }

    public Montant? Plafond { get; init; }

    public IReadOnlyList<TrancheTarif> Tranches => _tranches.OrderBy(t => t.Ordre).ToList();

    public static bool UtiliseDesTranches(NatureComposante nature) =>
        nature is NatureComposante.ParTranche or NatureComposante.Progressif or NatureComposante.AuDelaDeFranchise;

    /// <summary>Whether a prorata by twelfths is allowed: annual components that are not consumption (units beyond an allowance, allocations, units other than the population).</summary>
    public static bool ProratisableSelon(NatureComposante nature, Frequence frequence, string quantite) =>
        frequence == Frequence.Annuelle
        && nature is not (NatureComposante.AuDelaDeFranchise or NatureComposante.AllocationMensuelle)
        && !(nature == NatureComposante.ParUnite && quantite != QuantiteCatalogue.CodePopulation);

    internal static int Decimales(decimal valeur) => (decimal.GetBits(valeur / 1.000000000000000000000000000000000m)[3] >> 16) & 0xFF;

    /// <summary>The rules of one component, each naming its field (the version checks the quantities).</summary>
    internal IEnumerable<ErreurCatalogue> Erreurs()
    {
        if (Libelle.Length == 0)
        {
            yield return new("Libelle", "Le libellé de la composante est obligatoire.");
        }

        if (Prorata != Prorata.Aucun && !ProratisableSelon(Nature, Frequence, Quantite))
        {
            yield return new("Prorata", "Un tarif ponctuel, à l'unité consommée ou sur une allocation n'est jamais proratisé (l'allocation mois par mois se proratise d'elle-même).");
        }

        if (Taux < 0)
        {
            yield return new("Taux", "Le taux ne peut pas être négatif.");
        }
        else if (Decimales(Taux) > DecimalesTaux)
        {
            yield return new("Taux", $"Un taux a au plus {DecimalesTaux} décimales : arrondissez-le vous-même.");
        }

        if (Nature is (NatureComposante.ParUnite or NatureComposante.AuDelaDeFranchise or NatureComposante.AllocationMensuelle) && Taux == 0)
        {
            yield return new("Taux", "Ce calcul se fait avec un taux par unité : indiquez-le.");
        }

        foreach (var (champ, montant) in new[] { ("Montant", (Montant?)Montant), ("MontantPremiereAnnee", MontantPremiereAnnee), ("Plancher", Plancher), ("Plafond", Plafond) })
        {
            if (montant is { } m && m.Euros < 0)
            {
                yield return new(champ, "Un montant ne peut pas être négatif.");
            }
        }

        if (Plancher is { } bas && Plafond is { } haut && bas.Euros > haut.Euros)
        {
            yield return new("Plafond", "Le plafond ne peut pas être inférieur au plancher.");
        }

        if (BaseParUnite is { } baseParUnite)
        {
            if (Nature is not (NatureComposante.ParTranche or NatureComposante.Progressif))
            {
                yield return new("BaseParUnite", "Une base × coefficient se donne sur un calcul par tranche ou un barème progressif.");
            }
            else if (baseParUnite < 0 || decimal.Round(baseParUnite, 2) != baseParUnite)
            {
                yield return new("BaseParUnite", "La base est un montant en euros, positif, au centime près.");
            }
        }

        if (!UtiliseDesTranches(Nature))
        {
            yield break;
        }

        var tranches = Tranches;
        if (tranches.Count == 0)
        {
            yield return new("Tranches", "Ce calcul se fait sur une grille : saisissez au moins une tranche.");
            yield break;
        }

        for (var i = 0; i < tranches.Count; i++)
        {
            var t = tranches[i];
            var champ = $"Tranches[{i}].";
            if (t.Libelle.Length == 0)
            {
                yield return new(champ + "Libelle", "Le libellé de la tranche est obligatoire.");
            }

            if (t.MaximumExclu is { } max && max <= t.Minimum)
            {
                yield return new(champ + "MaximumExclu", "Le maximum (exclu) doit dépasser le minimum.");
            }
            else if (t.MaximumExclu is null && i < tranches.Count - 1)
            {
                yield return new(champ + "MaximumExclu", "Seule la dernière tranche peut rester sans maximum.");
            }

            if (i > 0 && tranches[i - 1].MaximumExclu is { } precedent && precedent != t.Minimum)
            {
                yield return new(champ + "Minimum", precedent < t.Minimum
                    ? $"Trou entre les tranches : la précédente s'arrête avant {Texte(precedent)}, celle-ci commence à {Texte(t.Minimum)}. Les tranches se suivent dans l'ordre croissant."
                    : $"Chevauchement : la précédente va jusqu'avant {Texte(precedent)}, celle-ci commence à {Texte(t.Minimum)}. Les tranches se suivent dans l'ordre croissant.");
            }

            if (t.Montant.Euros < 0 || t.MontantPremiereAnnee?.Euros < 0)
            {
                yield return new(champ + "Montant", "Un montant ne peut pas être négatif.");
            }

            if (BaseParUnite is not null)
            {
                if (t.Coefficient is not { } coefficient)
                {
                    yield return new(champ + "Coefficient", "Avec une base, chaque tranche a son coefficient.");
                }
                else if (coefficient < 0 || Decimales(coefficient) > DecimalesCoefficient)
                {
                    yield return new(champ + "Coefficient", $"Un coefficient positif, d'au plus {DecimalesCoefficient} décimales.");
                }
            }
            else if (t.Taux < 0)
            {
                yield return new(champ + "Taux", "Le taux ne peut pas être négatif.");
            }
            else if (Decimales(t.Taux) > DecimalesTaux)
            {
                yield return new(champ + "Taux", $"Un taux a au plus {DecimalesTaux} décimales : arrondissez-le vous-même.");
            }
        }
    }

    /// <summary>What the version fixes when it records the component: the unit from the quantity's declaration, each bracket's rate from base × coefficient.</summary>
    internal void Completer(string unite)
    {
        _unite = unite;
        if (BaseParUnite is { } baseParUnite)
        {
            foreach (var tranche in _tranches)
            {
                tranche.DefinirTaux(baseParUnite * (tranche.Coefficient ?? 0m));
            }
        }
    }

    internal ComposanteTarif Copier() => new(Libelle, Nature, Tranches.Select(t => t.Copier()))
    {
        Ordre = Ordre,
        Frequence = Frequence,
        Prorata = Prorata,
        Quantite = Quantite,
        QuantiteTranche = QuantiteTranche,
        Unite = Unite,
        Taux = Taux,
        BaseParUnite = BaseParUnite,
        Montant = Montant,
        MontantPremiereAnnee = MontantPremiereAnnee,
        Plancher = Plancher,
        Plafond = Plafond,
    };

    private static string Texte(decimal valeur) => valeur.ToString("#,##0.######", Fr);
}

/// <summary>One bracket of a component: [Minimum, MaximumExclu), a fixed amount and/or a rate (or a coefficient of the component's base).</summary>
public sealed class TrancheTarif
{
    private TrancheTarif()
    {
    }

    public TrancheTarif(string libelle, decimal minimum, decimal? maximumExclu, Montant montant, decimal taux = 0m, Montant? montantPremiereAnnee = null, decimal? coefficient = null)
    {
        Libelle = (libelle ?? string.Empty).Trim();
        Minimum = minimum;
        MaximumExclu = maximumExclu;
        Montant = montant;
        Taux = taux;
        MontantPremiereAnnee = montantPremiereAnnee;
        Coefficient = coefficient;
    }

    public int Id { get; private set; }

    public int ComposanteTarifId { get; private set; }

    public int Ordre { get; internal set; }

    public string Libelle { get; private set; } = string.Empty;

    public decimal Minimum { get; private set; }

    public decimal? MaximumExclu { get; private set; }

    public Montant Montant { get; private set; }

    public Montant? MontantPremiereAnnee { get; private set; }

    /// <summary>The rate per unit the engine applies (base × coefficient when the component has a base).</summary>
    public decimal Taux { get; private set; }

    /// <summary>The coefficient of the component's base, as typed (null when the rate is typed directly).</summary>
    public decimal? Coefficient { get; private set; }

    internal void DefinirTaux(decimal taux) => Taux = taux;

    internal TrancheTarif Copier() => new(Libelle, Minimum, MaximumExclu, Montant, Taux, MontantPremiereAnnee, Coefficient);
}
