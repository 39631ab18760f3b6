using Mutualisation.Domain.Catalogue;

namespace Mutualisation.Billing;

/// <summary>From a catalogue version (the data users edit and vote) to what the engine prices with: the one mapping direction.</summary>
public static class ConversionCatalogue
{
    public static CatalogueTarifaire VersTarification(VersionCatalogue version) => new(version.Exercice, version.Population,
        version.Services.OrderBy(s => s.Ordre).Select(s => new ServiceTarife(s.Code, s.Libelle, s.Famille, s.Composantes.Select(c => VersComposante(c, version.Quantite(c.Quantite))).ToList())
        {
            ExonereSiAbonneA = s.CodesExoneration,
            MotifExoneration = s.MotifExoneration,
            ExamenApprofondi = s.ExamenPopulationMaximale is not null || s.ExamenSiServiceInformatiquePropre
                ? new ExamenApprofondi(s.ExamenPopulationMaximale, s.ExamenSiServiceInformatiquePropre)
                : null,
            Deduction = s.DeductionCodeService is { } code
                ? new DeductionPrealable(code, s.DeductionDelaiMois ?? 0, s.DeductionReference ?? string.Empty)
                : null,
        }).ToList())
    {
        Formules = version.Formules.Select(f => new FormuleTarifaire(f.Code, f.Libelle, f.Services)).ToList(),
    };

    /// <summary>A component; its unit is the declaration's when its quantity is declared (singular and plural as typed there).</summary>
    private static Composante VersComposante(ComposanteTarif c, QuantiteCatalogue? declaree) => new(c.Libelle, c.Nature)
    {
        Frequence = c.Frequence,
        Prorata = c.Prorata,
        Quantite = c.Quantite,
        QuantiteTranche = c.QuantiteTranche,
        Unite = declaree?.UniteSingulier ?? c.Unite,
        UnitePluriel = declaree?.UnitePluriel ?? string.Empty,
        Taux = c.Taux,
        Montant = c.Montant.Euros,
        MontantPremiereAnnee = c.MontantPremiereAnnee?.Euros,
        Plancher = c.Plancher?.Euros,
        Plafond = c.Plafond?.Euros,
        Tranches = c.Tranches.Select(t => new Tranche(t.Libelle, t.Minimum, t.MaximumExclu, t.Montant.Euros, t.Taux, t.MontantPremiereAnnee?.Euros)).ToList(),
    };
}
