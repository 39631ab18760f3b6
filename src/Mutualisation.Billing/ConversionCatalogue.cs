using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Billing;

/// <summary>Between a stored catalogue version (the data users edit and vote) and what the engine prices with.</summary>
public static class ConversionCatalogue
{
    public static CatalogueTarifaire VersTarification(VersionCatalogue version) => new(version.Exercice, version.Population,
        version.Services.OrderBy(s => s.Ordre).Select(s => new ServiceTarife(s.Code, s.Libelle, s.Famille, s.Composantes.Select(VersComposante).ToList())
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

    public static VersionCatalogue VersVersion(CatalogueTarifaire catalogue, string? intitule = null)
    {
        var version = new VersionCatalogue(catalogue.Exercice, catalogue.Population);
        version.Parametrer(intitule, catalogue.Population);
        foreach (var code in catalogue.Services.SelectMany(s => s.Composantes).SelectMany(c => new[] { c.Quantite, c.QuantiteDeTranche }).Distinct())
        {
            if (code != Quantites.Population && version.Quantite(code) is null)
            {
                version.DeclarerQuantite(QuantitesConnues.GetValueOrDefault(code) ?? new DonneesQuantite(code, code, code, code, TypeQuantite.Decimale));
            }
        }

        foreach (var s in catalogue.Services)
        {
            var service = version.AjouterService(new DonneesService(s.Code, s.Libelle, s.Famille)
            {
                ExonereSiAbonneA = s.ExonereSiAbonneA,
                MotifExoneration = s.MotifExoneration,
                ExamenPopulationMaximale = s.ExamenApprofondi?.PopulationMaximale,
                ExamenSiServiceInformatiquePropre = s.ExamenApprofondi?.SiServiceInformatiquePropre ?? false,
                DeductionCodeService = s.Deduction?.CodeService,
                DeductionDelaiMois = s.Deduction?.DelaiMois,
                DeductionReference = s.Deduction?.Reference,
            });
            foreach (var c in s.Composantes)
            {
                version.DefinirComposante(service, null, VersComposante(c));
            }
        }

        foreach (var f in catalogue.Formules)
        {
            version.AjouterFormule(new FormuleCatalogue(f.Code, f.Libelle, string.Join(',', f.Services)));
        }

        return version;
    }

    /// <summary>Labels of the quantities the reference catalogues use (a catalogue entered on the pages declares its own).</summary>
    private static readonly Dictionary<string, DonneesQuantite> QuantitesConnues = new(StringComparer.Ordinal)
    {
        [Quantites.DemiJourneesN1] = new(Quantites.DemiJourneesN1, "Assistance N1 consommée", "demi-journée", "demi-journées", TypeQuantite.Entiere),
        [Quantites.Stockage] = new(Quantites.Stockage, "Espace disque alloué", "Go", "Go", TypeQuantite.Decimale),
        ["postes"] = new("postes", "Postes de travail", "poste", "postes", TypeQuantite.Entiere),
        ["agents"] = new("agents", "Agents", "agent", "agents", TypeQuantite.Entiere),
    };

    private static Composante VersComposante(ComposanteTarif c) => new(c.Libelle, c.Nature)
    {
        Frequence = c.Frequence,
        Prorata = c.Prorata,
        Quantite = c.Quantite,
        QuantiteTranche = c.QuantiteTranche,
        Unite = c.Unite,
        Taux = c.Taux,
        Montant = c.Montant.Euros,
        MontantPremiereAnnee = c.MontantPremiereAnnee?.Euros,
        Plancher = c.Plancher?.Euros,
        Plafond = c.Plafond?.Euros,
        Tranches = c.Tranches.Select(t => new Tranche(t.Libelle, t.Minimum, t.MaximumExclu, t.Montant.Euros, t.Taux, t.MontantPremiereAnnee?.Euros)).ToList(),
    };

    private static ComposanteTarif VersComposante(Composante c) =>
        new(c.Libelle, c.Nature, c.Tranches.Select(t => new TrancheTarif(t.Libelle, t.Minimum, t.MaximumExclu, new Montant(t.Montant), t.Taux, Optionnel(t.MontantPremiereAnnee))))
        {
            Frequence = c.Frequence,
            Prorata = c.Prorata,
            Quantite = c.Quantite,
            QuantiteTranche = c.QuantiteTranche,
            Unite = c.Unite,
            Taux = c.Taux,
            Montant = new Montant(c.Montant),
            MontantPremiereAnnee = Optionnel(c.MontantPremiereAnnee),
            Plancher = Optionnel(c.Plancher),
            Plafond = Optionnel(c.Plafond),
        };

    private static Montant? Optionnel(decimal? euros) => euros is { } e ? new Montant(e) : null;
}
