using Mutualisation.Domain.Catalogue;

namespace Mutualisation.Billing;

/// <summary>
/// The billing engine: from a catalogue version and one member's facts for its exercice, the priced
/// lines with their bases de liquidation. Every rule is driven by the catalogue's data; each line is
/// rounded once (<see cref="Arrondi"/>) and the total is the sum of the lines, never negative.
/// </summary>
public static class Tarification
{
    /// <summary>Prices the facts; throws <see cref="TarificationImpossibleException"/> for bad facts and for a refusal.</summary>
    public static Contribution Tarifer(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        var resultat = Evaluer(catalogue, faits);
        return resultat.Contribution ?? throw resultat.Refus!;
    }

    /// <summary>
    /// Prices the facts. A refusal of the rules (a deeper examination is needed) is returned, not
    /// thrown, since it is an expected outcome; contradictory or unknown facts still throw.
    /// </summary>
    public static ResultatTarification Evaluer(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        Verifier(catalogue, faits);
        var lignes = new List<LignePrix>(4);
        foreach (var service in catalogue.Services)
        {
            for (var i = 0; i < faits.Abonnements.Count; i++)
            {
                var abonnement = faits.Abonnements[i];
                if (abonnement.CodeService == service.Code)
                {
                    var refus = TarifierAbonnement(catalogue, service, abonnement, faits, lignes);
                    if (refus is not null)
                    {
                        return new ResultatTarification(null, refus);
                    }
                }
            }
        }

        foreach (var achat in faits.AchatsPourCompte)
        {
            lignes.Add(new LignePrix(
                $"Remboursement d'un achat pour compte (mandat, sans frais) : {achat.Objet}",
                new BasesDeLiquidation { Quantite = 1, Unite = $"facture {achat.NumeroFacture} de {achat.Fournisseur} payée le {Fr.Date(achat.PayeeLe)}", Taux = achat.Montant },
                Arrondi.AuCentime(achat.Montant)));
        }

        var contribution = new Contribution(lignes);
        return contribution.Total < 0
            ? throw new TarificationImpossibleException("Le total serait négatif : un titre de recette ne peut pas l'être.", "total-negatif")
            : new ResultatTarification(contribution, null);
    }

    /// <summary>The amount of one service for these facts, before any deduction (what an audit "was worth").</summary>
    private static decimal MontantDuService(CatalogueTarifaire catalogue, ServiceTarife service, FaitsMembre faits, bool premiereAnnee) =>
        service.Composantes.Sum(c => Arrondi.AuCentime(Plafonner(c, Calculer(c, faits, premiereAnnee).Montant, out _)));

    private static void Verifier(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        if (faits.Population < 0)
        {
            throw new TarificationImpossibleException("La population ne peut pas être négative.", "population-negative");
        }

        if (faits.Quantites.Count > 0)
        {
            foreach (var (nom, valeur) in faits.Quantites)
            {
                if (valeur < 0)
                {
                    throw new TarificationImpossibleException($"La quantité « {nom} » ne peut pas être négative.", "quantite-negative");
                }
            }
        }

        if (faits.Quantites.TryGetValue(Quantites.DemiJourneesN1, out var demiJournees) && demiJournees != decimal.Truncate(demiJournees))
        {
            throw new TarificationImpossibleException("Les jours N1 consommés se comptent par demi-journées (multiple de 0,5).", "jours-invalides");
        }

        for (var i = 0; i < faits.Abonnements.Count; i++)
        {
            var abonnement = faits.Abonnements[i];
            catalogue.Service(abonnement.CodeService);
            Douziemes.Plage(catalogue.Exercice, abonnement.Debut, abonnement.Fin);
        }

        for (var i = 0; i < faits.AchatsPourCompte.Count; i++)
        {
            if (faits.AchatsPourCompte[i] is { Montant: <= 0 } achat)
            {
                throw new TarificationImpossibleException($"L'achat pour compte « {achat.Objet} » doit avoir un montant positif.", "achat-invalide");
            }
        }

        catalogue.Verifier();
    }

    private static TarificationImpossibleException? TarifierAbonnement(CatalogueTarifaire catalogue, ServiceTarife service, Abonnement abonnement, FaitsMembre faits, List<LignePrix> toutes)
    {
        var exercice = catalogue.Exercice;
        var (premier, dernier) = Douziemes.Plage(exercice, abonnement.Debut, abonnement.Fin);
        var mois = Math.Max(0, dernier - premier + 1);
        var premiereAnnee = abonnement.Debut.Year == exercice;
        DateOnly? livraison = null;
        for (var i = 0; i < faits.Livraisons.Count; i++)
        {
            if (faits.Livraisons[i].CodeService == service.Code && (livraison is null || faits.Livraisons[i].Le > livraison))
            {
                livraison = faits.Livraisons[i].Le;
            }
        }

        var ponctuelDu = livraison is { } le ? le.Year == exercice : premiereAnnee;
        if (mois == 0 && !ponctuelDu)
        {
            return null;
        }

        if (service.ExamenApprofondi is { } examen
            && ((examen.PopulationMaximale is { } max && faits.Population > max) || (examen.SiServiceInformatiquePropre && faits.ServiceInformatiquePropre)))
        {
            return new TarificationImpossibleException(
                $"« {service.Libelle} » : {(examen.PopulationMaximale is { } seuil ? $"au-delà de {Fr.Nombre(seuil)} habitants" : string.Empty)}{(examen.PopulationMaximale is not null && examen.SiServiceInformatiquePropre ? ", ou " : string.Empty)}{(examen.SiServiceInformatiquePropre ? "avec un service informatique propre" : string.Empty)}, il n'y a pas de tarif automatique. Un examen approfondi des moyens est nécessaire ; le montant doit être négocié et justifié.",
                TarificationImpossibleException.CodeExamenApprofondi);
        }

        var debut = toutes.Count;
        var lignes = toutes;
        foreach (var composante in service.Composantes)
        {
            if (composante.Frequence == Frequence.Ponctuelle)
            {
                if (ponctuelDu)
                {
                    lignes.Add(Ligne(service, composante, faits, premiereAnnee, moisProrata: null));
                }
            }
            else if (composante.Nature == NatureComposante.AllocationMensuelle)
            {
                lignes.AddRange(Allocations(service, composante, faits, exercice, premier, dernier));
            }
            else if (mois > 0)
            {
                var ligne = Ligne(service, composante, faits, premiereAnnee, composante.Prorata == Prorata.Douziemes ? mois : null);
                if (composante.Nature != NatureComposante.AuDelaDeFranchise || ligne.Montant != 0)
                {
                    lignes.Add(ligne);
                }
            }
        }

        var sousTotal = 0m;
        for (var i = debut; i < lignes.Count; i++)
        {
            sousTotal += lignes[i].Montant;
        }

        var exoneration = Exoneration(service, faits, exercice);
        if (exoneration is not null && sousTotal > 0)
        {
            var motif = service.MotifExoneration ?? $"membre abonné à « {catalogue.Service(exoneration).Libelle} »";
            lignes.Add(new LignePrix($"Exonération : {motif}",
                new BasesDeLiquidation { Deduction = sousTotal, MotifDeduction = motif },
                -sousTotal));
        }
        else if (service.Deduction is { } deduction && premiereAnnee && sousTotal > 0)
        {
            var ligne = Deduction(catalogue, deduction, abonnement, faits, sousTotal);
            if (ligne is not null)
            {
                lignes.Add(ligne);
            }
        }

        return null;
    }

    /// <summary>The first exempting service the member is subscribed to during the exercice, if any.</summary>
    private static string? Exoneration(ServiceTarife service, FaitsMembre faits, int exercice)
    {
        foreach (var code in service.ExonereSiAbonneA)
        {
            for (var i = 0; i < faits.Abonnements.Count; i++)
            {
                var a = faits.Abonnements[i];
                if (a.CodeService == code && Douziemes.Mois(exercice, a.Debut, a.Fin) > 0)
                {
                    return code;
                }
            }
        }

        return null;
    }

    private static LignePrix? Deduction(CatalogueTarifaire catalogue, DeductionPrealable deduction, Abonnement abonnement, FaitsMembre faits, decimal sousTotal)
    {
        var source = catalogue.Service(deduction.CodeService);
        var livraison = faits.Livraisons
            .Where(l => l.CodeService == source.Code && abonnement.Debut >= l.Le && abonnement.Debut <= l.Le.AddMonths(deduction.DelaiMois))
            .OrderByDescending(l => l.Le)
            .FirstOrDefault();
        if (livraison is null)
        {
            return null;
        }

        var montant = Math.Min(MontantDuService(catalogue, source, faits, premiereAnnee: true), sousTotal);
        var motif = $"{source.Libelle} livré le {Fr.Date(livraison.Le)}, adhésion le {Fr.Date(abonnement.Debut)}, dans les {deduction.DelaiMois} mois";
        return new LignePrix($"Déduction : {source.Libelle} préalable ({deduction.Reference})",
            new BasesDeLiquidation { Population = faits.Population, Millesime = faits.Millesime, Deduction = montant, MotifDeduction = motif },
            -Arrondi.AuCentime(montant));
    }

    private static LignePrix Ligne(ServiceTarife service, Composante composante, FaitsMembre faits, bool premiereAnnee, int? moisProrata)
    {
        var calcul = Calculer(composante, faits, premiereAnnee);
        var annuel = Plafonner(composante, calcul.Montant, out var ajustement);
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
        };
        return new LignePrix(string.Concat(service.Libelle, " — ", composante.Libelle), bases, Arrondi.AuCentime(montant));
    }

    /// <summary>What one component computes before floor, cap and prorata, with what its bases show.</summary>
    private readonly record struct Calcul(decimal Montant, bool SurPopulation, string? Tranche = null, decimal? Taux = null, decimal? Quantite = null, string? Unite = null);

    private static Calcul Calculer(Composante c, FaitsMembre faits, bool premiereAnnee)
    {
        var surPopulation = c.Nature != NatureComposante.Forfait && (c.Quantite == Quantites.Population || c.QuantiteDeTranche == Quantites.Population);
        switch (c.Nature)
        {
            case NatureComposante.Forfait:
                return new(premiereAnnee && c.MontantPremiereAnnee is { } premier ? premier : c.Montant, false);
            case NatureComposante.ParTranche:
            {
                var tranche = GrilleTranches.Trouver(c.QuantiteDeTranche, c.Tranches, Valeur(c.QuantiteDeTranche, faits));
                var fixe = tranche.MontantFixe(premiereAnnee);
                if (tranche.Taux == 0)
                {
                    return new(fixe, surPopulation, tranche.Libelle);
                }

                var quantite = Valeur(c.Quantite, faits);
                return new(fixe + (tranche.Taux * quantite), surPopulation, tranche.Libelle, tranche.Taux, quantite, c.Unite);
            }

            case NatureComposante.Progressif:
            {
                var quantite = Valeur(c.Quantite, faits);
                var grille = new GrilleTranches(c.Quantite, c.Tranches);
                return new(grille.Progressif(quantite, premiereAnnee), surPopulation, $"barème progressif, jusqu'à « {grille.Trouver(quantite).Libelle} »", null, quantite, c.Unite);
            }

            case NatureComposante.ParUnite:
            {
                var quantite = Valeur(c.Quantite, faits);
                return new(c.Taux * quantite, surPopulation, null, c.Taux, quantite, c.Unite);
            }

            case NatureComposante.AuDelaDeFranchise:
            {
                var tranche = GrilleTranches.Trouver(c.QuantiteDeTranche, c.Tranches, Valeur(c.QuantiteDeTranche, faits));
                var consomme = faits.Quantites.Count == 0 ? 0m : faits.Quantites.GetValueOrDefault(c.Quantite);
                var factures = Math.Max(0, consomme - tranche.Montant);
                return factures == 0
                    ? new(0m, surPopulation, tranche.Libelle)
                    : new(factures * c.Taux, surPopulation, tranche.Libelle, c.Taux, factures, $"{c.Unite} (consommé {Fr.Nombre(consomme)}, inclus {Fr.Nombre(tranche.Montant)})");
            }

            default:
                throw new TarificationImpossibleException($"« {c.Libelle} » : nature de composante inconnue ({c.Nature}).", "composante-inconnue");
        }
    }

    private static decimal Plafonner(Composante c, decimal montant, out string? ajustement)
    {
        ajustement = null;
        if (c.Plancher is { } plancher && montant < plancher)
        {
            ajustement = $"porté au plancher de {Fr.Euros(plancher)} (calcul : {Fr.Euros(Arrondi.AuCentime(montant))})";
            return plancher;
        }

        if (c.Plafond is { } plafond && montant > plafond)
        {
            ajustement = $"ramené au plafond de {Fr.Euros(plafond)} (calcul : {Fr.Euros(Arrondi.AuCentime(montant))})";
            return plafond;
        }

        return montant;
    }

    /// <summary>
    /// Storage billed on what is allocated, month by month: an allocation counts from the month it
    /// starts (a month started is a whole month); consecutive months at the same level make one line.
    /// </summary>
    private static IEnumerable<LignePrix> Allocations(ServiceTarife service, Composante c, FaitsMembre faits, int exercice, int premier, int dernier)
    {
        var allocations = faits.Allocations.Where(a => a.Quantite == c.Quantite).OrderBy(a => a.Depuis).ToList();
        if (allocations.Any(a => a.Valeur < 0))
        {
            throw new TarificationImpossibleException($"Une allocation « {c.Quantite} » ne peut pas être négative.", "quantite-negative");
        }

        var niveaux = new decimal[13];
        for (var m = Math.Max(1, premier); m <= Math.Min(12, dernier); m++)
        {
            var finDuMois = new DateOnly(exercice, m, 1).AddMonths(1).AddDays(-1);
            niveaux[m] = allocations.LastOrDefault(a => a.Depuis <= finDuMois)?.Valeur ?? 0m;
        }

        var debut = Math.Max(1, premier);
        for (var m = debut; m <= Math.Min(12, dernier); m++)
        {
            if (m < Math.Min(12, dernier) && niveaux[m + 1] == niveaux[m])
            {
                continue;
            }

            var mois = m - debut + 1;
            if (niveaux[m] > 0)
            {
                var periode = mois == 1 ? Fr.Mois(debut) : $"de {Fr.Mois(debut)} à {Fr.Mois(m)}";
                yield return new LignePrix($"{service.Libelle} — {c.Libelle} : {Fr.Nombre(niveaux[m])} {c.Unite}, {periode}",
                    new BasesDeLiquidation { Quantite = niveaux[m], Unite = c.Unite, Taux = c.Taux, MoisProrata = mois },
                    Arrondi.AuCentime(niveaux[m] * c.Taux * mois / 12m));
            }

            debut = m + 1;
        }
    }

    private static decimal Valeur(string quantite, FaitsMembre faits) =>
        quantite == Quantites.Population
            ? faits.Population
            : faits.Quantites.TryGetValue(quantite, out var valeur)
                ? valeur
                : throw new TarificationImpossibleException($"La quantité « {quantite} » n'est pas renseignée pour ce membre : impossible de calculer ce service.", "quantite-manquante");
}
