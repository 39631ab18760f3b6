using System.Diagnostics.CodeAnalysis;
using Mutualisation.Domain.Catalogue;

namespace Mutualisation.Billing;

/// <summary>
/// One component of a service for one member: its amount by nature (flat, bracket, graduated scale,
/// per unit, beyond an allowance), bounded by its floor and cap, prorated if it is, with the bases a
/// debtor needs to check it. A quantity the member lacks or a grid that does not cover it is a
/// refusal, returned.
/// </summary>
internal static class CalculComposante
{
    /// <summary>The priced line, or null and the refusal.</summary>
    public static LignePrix? Ligne(ServiceTarife service, Composante composante, FaitsMembre faits, bool premiereAnnee, int? moisProrata, out RefusTarification? refus)
    {
        if (!Calculer(service, composante, faits, premiereAnnee, out var calcul, out refus))
        {
            return null;
        }

        var annuel = PlancherPlafond.Borner(composante, calcul.Montant, out var ajustement);
        var montant = moisProrata is { } m ? Douziemes.Appliquer(annuel, m) : annuel;
        var bases = new BasesDeLiquidation
        {
            Population = calcul.SurPopulation ? faits.Population : null,
            Millesime = calcul.SurPopulation ? faits.Millesime : null,
            Tranche = calcul.Tranche,
            Taux = calcul.Taux,
            Quantite = calcul.Quantite,
            Unite = calcul.Unite,
            MoisProrata = moisProrata,
            Ajustement = ajustement,
            PremiereAnnee = calcul.PremiereAnnee,
            Parts = calcul.Parts,
            Calcul = calcul.Texte,
        };
        return new LignePrix(string.Concat(service.Libelle, " — ", composante.Libelle), bases, Arrondi.AuCentime(montant));
    }

    /// <summary>The component's annual amount for these facts, bounded and rounded, before any prorata (what a prior service "was worth").</summary>
    public static bool MontantAnnuel(ServiceTarife service, Composante composante, FaitsMembre faits, bool premiereAnnee, out decimal montant, out RefusTarification? refus)
    {
        montant = 0m;
        if (!Calculer(service, composante, faits, premiereAnnee, out var calcul, out refus))
        {
            return false;
        }

        montant = Arrondi.AuCentime(PlancherPlafond.Borner(composante, calcul.Montant, out _));
        return true;
    }

    /// <summary>What one component computes before floor, cap and prorata, with what its bases show.</summary>
    private readonly record struct Calcul(decimal Montant, bool SurPopulation, string? Tranche = null, decimal? Taux = null, decimal? Quantite = null, string? Unite = null)
    {
        public string? PremiereAnnee { get; init; }

        public IReadOnlyList<PartDeBareme>? Parts { get; init; }

        public string? Texte { get; init; }
    }

    private static bool Calculer(ServiceTarife service, Composante c, FaitsMembre faits, bool premiereAnnee, out Calcul calcul, out RefusTarification? refus)
    {
        calcul = default;
        refus = null;
        var surPopulation = c.Nature != NatureComposante.Forfait && (c.Quantite == Quantites.Population || c.QuantiteDeTranche == Quantites.Population);
        switch (c.Nature)
        {
            case NatureComposante.Forfait:
                calcul = premiereAnnee && c.MontantPremiereAnnee is { } premier
                    ? new(premier, false) { PremiereAnnee = MentionPremiereAnnee(premier, c.Montant) }
                    : new(c.Montant, false);
                return true;

            case NatureComposante.ParTranche:
            {
                if (!Lire(service, c, c.QuantiteDeTranche, faits, out var mesure, out refus) || !Situer(service, c, c.QuantiteDeTranche, mesure, out var tranche, out refus))
                {
                    return false;
                }

                var fixe = tranche.MontantFixe(premiereAnnee);
                var mention = premiereAnnee && tranche.MontantPremiereAnnee is { } premiere ? MentionPremiereAnnee(premiere, tranche.Montant) : null;
                if (tranche.Taux == 0)
                {
                    calcul = new(fixe, surPopulation, tranche.Libelle) { PremiereAnnee = mention };
                    return true;
                }

                if (!Lire(service, c, c.Quantite, faits, out var quantite, out refus))
                {
                    return false;
                }

                var unite = c.UnitePour(quantite);
                calcul = new(fixe + (tranche.Taux * quantite), surPopulation, tranche.Libelle, tranche.Taux, quantite, unite)
                {
                    PremiereAnnee = mention,
                    Texte = fixe == 0 ? null : $"{Fr.Euros(fixe)} + {Fr.Nombre(quantite)} {unite} × {Fr.Taux(tranche.Taux)}",
                };
                return true;
            }

            case NatureComposante.Progressif:
            {
                if (!Lire(service, c, c.Quantite, faits, out var quantite, out refus) || !Situer(service, c, c.Quantite, quantite, out var derniere, out refus))
                {
                    return false;
                }

                var parts = GrilleTranches.Decouper(c.Tranches, quantite, premiereAnnee, c.Unite, c.UnitePluriel);
                var total = 0m;
                for (var i = 0; i < parts.Count; i++)
                {
                    total += parts[i].Montant;
                }

                calcul = new(total, surPopulation, $"barème progressif, dernière tranche atteinte : {derniere.Libelle}", null, quantite, c.UnitePour(quantite))
                {
                    Parts = parts,
                    Texte = TexteDesParts(parts),
                    PremiereAnnee = premiereAnnee ? MentionsPremiereAnnee(c.Tranches, quantite) : null,
                };
                return true;
            }

            case NatureComposante.ParUnite:
            {
                if (!Lire(service, c, c.Quantite, faits, out var quantite, out refus))
                {
                    return false;
                }

                calcul = new(c.Taux * quantite, surPopulation, null, c.Taux, quantite, c.UnitePour(quantite));
                return true;
            }

            case NatureComposante.AuDelaDeFranchise:
            {
                if (!Lire(service, c, c.QuantiteDeTranche, faits, out var mesure, out refus) || !Situer(service, c, c.QuantiteDeTranche, mesure, out var tranche, out refus))
                {
                    return false;
                }

                var consomme = faits.Quantites.Count == 0 ? 0m : faits.Quantites.GetValueOrDefault(c.Quantite);
                var factures = Math.Max(0, consomme - tranche.Montant);
                calcul = factures == 0
                    ? new(0m, surPopulation, tranche.Libelle)
                    : new(factures * c.Taux, surPopulation, tranche.Libelle, c.Taux, factures, $"{c.UnitePour(factures)} (consommé {Fr.Nombre(consomme)}, inclus {Fr.Nombre(tranche.Montant)})");
                return true;
            }

            default:
                throw new TarificationImpossibleException($"« {c.Libelle} » : nature de composante inconnue ({c.Nature}).", "composante-inconnue");
        }
    }

    /// <summary>The member's value of a named quantity; a quantity it lacks is a refusal (never a zero).</summary>
    private static bool Lire(ServiceTarife service, Composante c, string quantite, FaitsMembre faits, out decimal valeur, [NotNullWhen(false)] out RefusTarification? refus)
    {
        refus = null;
        if (quantite == Quantites.Population)
        {
            valeur = faits.Population;
            return true;
        }

        if (faits.Quantites.TryGetValue(quantite, out valeur))
        {
            return true;
        }

        refus = new RefusTarification(RefusTarification.CodeQuantiteManquante,
            $"« {service.Libelle} — {c.Libelle} » : la quantité « {quantite} » n'est pas renseignée pour ce membre, ce service ne peut pas être calculé.");
        return false;
    }

    /// <summary>The bracket of the quantity; a quantity no bracket covers is a refusal (a negotiated amount is needed).</summary>
    private static bool Situer(ServiceTarife service, Composante c, string quantite, decimal valeur, [NotNullWhen(true)] out Tranche? tranche, out RefusTarification? refus)
    {
        refus = null;
        if (GrilleTranches.Chercher(quantite, c.Tranches, valeur, out tranche))
        {
            return true;
        }

        var enMots = quantite == Quantites.Population ? Fr.Quantite(valeur, "habitant", "habitants")
            : quantite == c.Quantite ? Fr.Quantite(valeur, c.Unite, c.UnitePluriel)
            : $"{Fr.Nombre(valeur)} ({quantite})";
        refus = new RefusTarification(RefusTarification.CodeHorsGrille,
            $"« {service.Libelle} — {c.Libelle} » : aucune tranche de la grille ne couvre {enMots}, il n'y a pas de tarif automatique ; le montant doit être négocié et justifié.");
        return false;
    }

    private static string MentionPremiereAnnee(decimal premier, decimal courant) =>
        $"montant de première année : {Fr.Euros(premier)} ({Fr.Euros(courant)} les années suivantes)";

    private static string? MentionsPremiereAnnee(IReadOnlyList<Tranche> tranches, decimal quantite)
    {
        var mentions = tranches.Where(t => quantite >= t.Minimum && t.MontantPremiereAnnee is not null)
            .OrderBy(t => t.Minimum)
            .Select(t => $"{MentionPremiereAnnee(t.MontantPremiereAnnee!.Value, t.Montant)} pour la tranche {t.Libelle}")
            .ToList();
        return mentions.Count == 0 ? null : string.Join(" ; ", mentions);
    }

    /// <summary>« 5 000,00 € + 27 500 habitants × 0,25 € »: each slice's fixed amount and its quantity at its rate.</summary>
    private static string TexteDesParts(List<PartDeBareme> parts)
    {
        var termes = new List<string>(parts.Count * 2);
        foreach (var p in parts)
        {
            if (p.MontantFixe != 0)
            {
                termes.Add(Fr.Euros(p.MontantFixe));
            }

            if (p.Taux != 0 && p.Quantite > 0)
            {
                termes.Add($"{Fr.Nombre(p.Quantite)} {p.Unite} × {Fr.Taux(p.Taux)}");
            }
        }

        return termes.Count == 0 ? Fr.Euros(0m) : string.Join(" + ", termes);
    }
}
