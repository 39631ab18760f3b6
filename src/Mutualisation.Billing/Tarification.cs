namespace Mutualisation.Billing;

/// <summary>
/// The billing engine: from a catalogue version and one member's facts for its exercice, the priced
/// lines with their bases de liquidation. Every rule is driven by the catalogue's data; each line is
/// rounded once (<see cref="Arrondi"/>) and the total is the sum of the lines, never negative.
/// </summary>
/// <remarks>
/// The facts are checked first (<see cref="VerificationFaits"/>), then each subscription is priced
/// (<see cref="TarificationAbonnement"/>: its components through <see cref="CalculComposante"/> and
/// <see cref="PlancherPlafond"/>, its storage through <see cref="AllocationsMensuelles"/>, its
/// exemption or deduction through <see cref="ExonerationsEtDeductions"/>), then the purchases made
/// on the member's behalf are added.
/// </remarks>
public static class Tarification
{
    /// <summary>Prices the facts; throws <see cref="TarificationImpossibleException"/> for bad facts and for a refusal.</summary>
    public static Contribution Tarifer(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        var resultat = Evaluer(catalogue, faits);
        return resultat.Contribution ?? throw resultat.Refus!.EnException();
    }

    /// <summary>
    /// Prices the facts. Every refusal of the rules (deeper examination, quantity outside the grid,
    /// quantity not declared) is returned, not thrown, since it is an expected outcome; unknown,
    /// contradictory or broken facts and catalogues still throw.
    /// </summary>
    public static ResultatTarification Evaluer(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        VerificationFaits.Verifier(catalogue, faits);
        var lignes = new List<LignePrix>(4);
        for (var s = 0; s < catalogue.Services.Count; s++)
        {
            var service = catalogue.Services[s];
            if (faits.ServicesNegocies.Contains(service.Code))
            {
                continue;
            }

            for (var i = 0; i < faits.Abonnements.Count; i++)
            {
                var abonnement = faits.Abonnements[i];
                if (abonnement.CodeService == service.Code)
                {
                    var avant = lignes.Count;
                    var refus = TarificationAbonnement.Tarifer(catalogue, service, abonnement, faits, lignes);
                    if (refus is not null)
                    {
                        return ResultatTarification.Refuse(refus with { CodeService = service.Code });
                    }

                    for (var l = avant; l < lignes.Count; l++)
                    {
                        lignes[l] = lignes[l] with { CodeService = service.Code };
                    }
                }
            }
        }

        for (var i = 0; i < faits.AchatsPourCompte.Count; i++)
        {
            var achat = faits.AchatsPourCompte[i];
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
}
