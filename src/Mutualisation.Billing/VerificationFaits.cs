namespace Mutualisation.Billing;

/// <summary>Facts and catalogue the engine cannot price at all: they throw, before any line is priced.</summary>
internal static class VerificationFaits
{
    public static void Verifier(CatalogueTarifaire catalogue, FaitsMembre faits)
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

            if (faits.Quantites.TryGetValue(Quantites.DemiJourneesN1, out var demiJournees) && demiJournees != decimal.Truncate(demiJournees))
            {
                throw new TarificationImpossibleException("Les jours N1 consommés se comptent par demi-journées (multiple de 0,5).", "jours-invalides");
            }
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
}
