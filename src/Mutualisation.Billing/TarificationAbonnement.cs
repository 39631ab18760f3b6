using Mutualisation.Domain.Catalogue;

namespace Mutualisation.Billing;

/// <summary>
/// One subscription for the exercice: which months it covers, whether its one-off components are
/// due, whether the rules ask for a deeper examination, then its components' lines and its
/// exemption or deduction.
/// </summary>
internal static class TarificationAbonnement
{
    /// <summary>Adds the subscription's lines to <paramref name="lignes"/>, or returns the rules' refusal (nothing added then matters: the caller stops).</summary>
    public static RefusTarification? Tarifer(CatalogueTarifaire catalogue, ServiceTarife service, Abonnement abonnement, FaitsMembre faits, List<LignePrix> lignes)
    {
        var exercice = catalogue.Exercice;
        var (premier, dernier) = Douziemes.Plage(exercice, abonnement.Debut, abonnement.Fin);
        var mois = Math.Max(0, dernier - premier + 1);
        var premiereAnnee = abonnement.Debut.Year == exercice;
        var ponctuelDu = DerniereLivraison(service, faits) is { } le
            ? le.Year == exercice
            : premiereAnnee && !(faits.LivraisonsEnregistrees && catalogue.EstFactureALaLivraison(service.Code));
        if (mois == 0 && !ponctuelDu)
        {
            return null;
        }

        if (service.ExamenApprofondi is { } examen && ExigeExamen(examen, faits))
        {
            return RefusExamen(service, examen);
        }

        var debut = lignes.Count;
        for (var c = 0; c < service.Composantes.Count; c++)
        {
            var composante = service.Composantes[c];
            if (composante.Frequence == Frequence.Ponctuelle)
            {
                if (ponctuelDu)
                {
                    var ligne = CalculComposante.Ligne(service, composante, faits, premiereAnnee, moisProrata: null, out var refus);
                    if (ligne is null)
                    {
                        return refus;
                    }

                    lignes.Add(ligne);
                }
            }
            else if (composante.Nature == NatureComposante.AllocationMensuelle)
            {
                AllocationsMensuelles.Ajouter(service, composante, faits, exercice, premier, dernier, lignes);
            }
            else if (mois > 0)
            {
                var ligne = CalculComposante.Ligne(service, composante, faits, premiereAnnee, composante.Prorata == Prorata.Douziemes ? mois : null, out var refus);
                if (ligne is null)
                {
                    return refus;
                }

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

        return ExonerationsEtDeductions.Appliquer(catalogue, service, abonnement, faits, premiereAnnee, sousTotal, lignes);
    }

    private static DateOnly? DerniereLivraison(ServiceTarife service, FaitsMembre faits)
    {
        DateOnly? livraison = null;
        for (var i = 0; i < faits.Livraisons.Count; i++)
        {
            if (faits.Livraisons[i].CodeService == service.Code && (livraison is null || faits.Livraisons[i].Le > livraison))
            {
                livraison = faits.Livraisons[i].Le;
            }
        }

        return livraison;
    }

    private static bool ExigeExamen(ExamenApprofondi examen, FaitsMembre faits) =>
        (examen.PopulationMaximale is { } max && faits.Population > max) || (examen.SiServiceInformatiquePropre && faits.ServiceInformatiquePropre);

    private static RefusTarification RefusExamen(ServiceTarife service, ExamenApprofondi examen)
    {
        var seuil = examen.PopulationMaximale is { } max ? $"au-delà de {Fr.Quantite(max, "habitant", "habitants")}" : string.Empty;
        var liaison = examen.PopulationMaximale is not null && examen.SiServiceInformatiquePropre ? ", ou " : string.Empty;
        var propre = examen.SiServiceInformatiquePropre ? "avec un service informatique propre" : string.Empty;
        return new RefusTarification(RefusTarification.CodeExamenApprofondi,
            $"« {service.Libelle} » : {seuil}{liaison}{propre}, il n'y a pas de tarif automatique. Un examen approfondi des moyens est nécessaire ; le montant doit être négocié et justifié.");
    }
}
