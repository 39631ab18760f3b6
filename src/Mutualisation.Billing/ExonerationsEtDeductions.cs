namespace Mutualisation.Billing;

/// <summary>
/// After a subscription's lines: the exemption of a service for subscribers of another (Redon:
/// groupements for socle complet members), or else the deduction of a prior one-off service from
/// the first year (Redon: the audit, if the adhesion follows its delivery within the delay).
/// </summary>
internal static class ExonerationsEtDeductions
{
    /// <summary>Adds the exemption or deduction line, if any; returns the refusal if the deducted service cannot be priced.</summary>
    public static RefusTarification? Appliquer(CatalogueTarifaire catalogue, ServiceTarife service, Abonnement abonnement, FaitsMembre faits, bool premiereAnnee, decimal sousTotal, List<LignePrix> lignes)
    {
        if (sousTotal <= 0)
        {
            return null;
        }

        var exoneration = Exoneration(service, faits, catalogue.Exercice);
        if (exoneration is not null)
        {
            var motif = service.MotifExoneration ?? $"membre abonné à « {catalogue.Service(exoneration).Libelle} »";
            lignes.Add(new LignePrix($"Exonération : {motif}",
                new BasesDeLiquidation { Deduction = sousTotal, MotifDeduction = motif },
                -sousTotal));
            return null;
        }

        return service.Deduction is { } deduction && premiereAnnee
            ? Deduire(catalogue, deduction, abonnement, faits, sousTotal, lignes)
            : null;
    }

    /// <summary>The first exempting service the member is subscribed to during the exercice, if any.</summary>
    private static string? Exoneration(ServiceTarife service, FaitsMembre faits, int exercice)
    {
        for (var e = 0; e < service.ExonereSiAbonneA.Count; e++)
        {
            var code = service.ExonereSiAbonneA[e];
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

    private static RefusTarification? Deduire(CatalogueTarifaire catalogue, DeductionPrealable deduction, Abonnement abonnement, FaitsMembre faits, decimal sousTotal, List<LignePrix> lignes)
    {
        var source = catalogue.Service(deduction.CodeService);
        Livraison? livraison = null;
        for (var i = 0; i < faits.Livraisons.Count; i++)
        {
            var l = faits.Livraisons[i];
            if (l.CodeService == source.Code && abonnement.Debut >= l.Le && abonnement.Debut <= l.Le.AddMonths(deduction.DelaiMois) && (livraison is null || l.Le > livraison.Le))
            {
                livraison = l;
            }
        }

        if (livraison is null)
        {
            return null;
        }

        // What the prior service was worth: its components the first year, before any deduction.
        var valeur = 0m;
        foreach (var composante in source.Composantes)
        {
            if (!CalculComposante.MontantAnnuel(source, composante, faits, premiereAnnee: true, out var montant, out var refus))
            {
                return refus;
            }

            valeur += montant;
        }

        var deduit = Math.Min(valeur, sousTotal);
        var motif = $"{source.Libelle} livré le {Fr.Date(livraison.Le)}, adhésion le {Fr.Date(abonnement.Debut)}, dans les {deduction.DelaiMois} mois";
        lignes.Add(new LignePrix($"Déduction : {source.Libelle} préalable ({deduction.Reference})",
            new BasesDeLiquidation { Population = faits.Population, Millesime = faits.Millesime, Deduction = deduit, MotifDeduction = motif },
            -Arrondi.AuCentime(deduit)));
        return null;
    }
}
