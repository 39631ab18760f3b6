using Mutualisation.Domain.Catalogue;

namespace Mutualisation.Billing;

/// <summary>
/// The billing engine: from a catalogue version and one member's facts for its exercice, the priced
/// lines with their bases de liquidation. Every rule is driven by the catalogue's data; each line is
/// rounded once (<see cref="Arrondi"/>) and the total is the sum of the lines, never negative.
/// </summary>
public static class Tarification
{
    public static Contribution Tarifer(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        Verifier(catalogue, faits);
        var lignes = new List<LignePrix>();
        foreach (var service in catalogue.Services)
        {
            foreach (var abonnement in faits.Abonnements.Where(a => a.CodeService == service.Code).OrderBy(a => a.Debut))
            {
                lignes.AddRange(TarifierAbonnement(catalogue, service, abonnement, faits));
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
            : contribution;
    }

    /// <summary>The amount of one service for these facts, before any deduction (what an audit "was worth").</summary>
    public static decimal MontantDuService(CatalogueTarifaire catalogue, ServiceTarife service, FaitsMembre faits, bool premiereAnnee) =>
        service.Composantes.Sum(c => Arrondi.AuCentime(Plafonner(c, MontantAnnuel(c, faits, premiereAnnee, out _).Montant, out _)));

    private static void Verifier(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        if (faits.Population < 0)
        {
            throw new TarificationImpossibleException("La population ne peut pas être négative.", "population-negative");
        }

        foreach (var (nom, valeur) in faits.Quantites)
        {
            if (valeur < 0)
            {
                throw new TarificationImpossibleException($"La quantité « {nom} » ne peut pas être négative.", "quantite-negative");
            }
        }

        if (faits.Quantites.TryGetValue(Quantites.DemiJourneesN1, out var demiJournees) && demiJournees != decimal.Truncate(demiJournees))
        {
            throw new TarificationImpossibleException("Les jours N1 consommés se comptent par demi-journées (multiple de 0,5).", "jours-invalides");
        }

        foreach (var abonnement in faits.Abonnements)
        {
            catalogue.Service(abonnement.CodeService);
            Douziemes.Plage(catalogue.Exercice, abonnement.Debut, abonnement.Fin);
        }

        foreach (var achat in faits.AchatsPourCompte.Where(a => a.Montant <= 0))
        {
            throw new TarificationImpossibleException($"L'achat pour compte « {achat.Objet} » doit avoir un montant positif.", "achat-invalide");
        }

        foreach (var composante in catalogue.Services.SelectMany(s => s.Composantes))
        {
            if (composante.Prorata == Prorata.Douziemes && (composante.Frequence == Frequence.Ponctuelle || composante.Nature is NatureComposante.AuDelaDeFranchise or NatureComposante.AllocationMensuelle))
            {
                throw new TarificationImpossibleException($"« {composante.Libelle} » : un service à l'unité ou ponctuel n'est jamais proratisé.", "prorata-interdit");
            }
        }
    }

    private static List<LignePrix> TarifierAbonnement(CatalogueTarifaire catalogue, ServiceTarife service, Abonnement abonnement, FaitsMembre faits)
    {
        var exercice = catalogue.Exercice;
        var (premier, dernier) = Douziemes.Plage(exercice, abonnement.Debut, abonnement.Fin);
        var mois = Math.Max(0, dernier - premier + 1);
        var premiereAnnee = abonnement.Debut.Year == exercice;
        var livraison = faits.Livraisons.Where(l => l.CodeService == service.Code).Select(l => (DateOnly?)l.Le).Max();
        var ponctuelDu = livraison is { } le ? le.Year == exercice : premiereAnnee;
        if (mois == 0 && !ponctuelDu)
        {
            return [];
        }

        if (service.ExamenApprofondi is { } examen
            && ((examen.PopulationMaximale is { } max && faits.Population > max) || (examen.SiServiceInformatiquePropre && faits.ServiceInformatiquePropre)))
        {
            throw new TarificationImpossibleException(
                $"« {service.Libelle} » : au-delà de {Fr.Nombre(examen.PopulationMaximale ?? 0)} habitants, ou avec un service informatique propre, il n'y a pas de tarif automatique. Un examen approfondi des moyens est nécessaire ; le montant doit être négocié et justifié.",
                TarificationImpossibleException.CodeExamenApprofondi);
        }

        var lignes = new List<LignePrix>();
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

        var sousTotal = lignes.Sum(l => l.Montant);
        var exoneration = service.ExonereSiAbonneA.FirstOrDefault(code =>
            faits.Abonnements.Any(a => a.CodeService == code && Douziemes.Mois(exercice, a.Debut, a.Fin) > 0));
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

        return lignes;
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
        var (annuel, bases) = MontantAnnuel(composante, faits, premiereAnnee, out var surPopulation);
        annuel = Plafonner(composante, annuel, out var ajustement);
        var montant = moisProrata is { } m ? Douziemes.Appliquer(annuel, m) : annuel;
        if (surPopulation)
        {
            bases = bases with { Population = faits.Population, Millesime = faits.Millesime };
        }

        return new LignePrix($"{service.Libelle} — {composante.Libelle}", bases with { MoisProrata = moisProrata, Ajustement = ajustement }, Arrondi.AuCentime(montant));
    }

    private static (decimal Montant, BasesDeLiquidation Bases) MontantAnnuel(Composante c, FaitsMembre faits, bool premiereAnnee, out bool surPopulation)
    {
        surPopulation = c.Nature != NatureComposante.Forfait && (c.Quantite == Quantites.Population || c.QuantiteDeTranche == Quantites.Population);
        switch (c.Nature)
        {
            case NatureComposante.Forfait:
                return (premiereAnnee && c.MontantPremiereAnnee is { } premier ? premier : c.Montant, new BasesDeLiquidation());
            case NatureComposante.ParTranche:
            {
                var tranche = new GrilleTranches(c.QuantiteDeTranche, c.Tranches).Trouver(Valeur(c.QuantiteDeTranche, faits));
                var fixe = tranche.MontantFixe(premiereAnnee);
                if (tranche.Taux == 0)
                {
                    return (fixe, new BasesDeLiquidation { Tranche = tranche.Libelle });
                }

                var quantite = Valeur(c.Quantite, faits);
                return (fixe + (tranche.Taux * quantite), new BasesDeLiquidation { Tranche = tranche.Libelle, Taux = tranche.Taux, Quantite = quantite, Unite = c.Unite });
            }

            case NatureComposante.Progressif:
            {
                var quantite = Valeur(c.Quantite, faits);
                var grille = new GrilleTranches(c.Quantite, c.Tranches);
                return (grille.Progressif(quantite, premiereAnnee), new BasesDeLiquidation { Tranche = $"barème progressif, jusqu'à « {grille.Trouver(quantite).Libelle} »", Quantite = quantite, Unite = c.Unite });
            }

            case NatureComposante.ParUnite:
            {
                var quantite = Valeur(c.Quantite, faits);
                return (c.Taux * quantite, new BasesDeLiquidation { Taux = c.Taux, Quantite = quantite, Unite = c.Unite });
            }

            case NatureComposante.AuDelaDeFranchise:
            {
                var tranche = new GrilleTranches(c.QuantiteDeTranche, c.Tranches).Trouver(Valeur(c.QuantiteDeTranche, faits));
                var consomme = faits.Quantites.GetValueOrDefault(c.Quantite);
                var factures = Math.Max(0, consomme - tranche.Montant);
                return (factures * c.Taux, new BasesDeLiquidation
                {
                    Tranche = tranche.Libelle,
                    Taux = c.Taux,
                    Quantite = factures,
                    Unite = $"{c.Unite} (consommé {Fr.Nombre(consomme)}, inclus {Fr.Nombre(tranche.Montant)})",
                });
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
