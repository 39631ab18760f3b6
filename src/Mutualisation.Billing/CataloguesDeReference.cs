using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Billing;

/// <summary>
/// The two conventions' catalogues, built through the catalogue version's own methods (the same
/// rules as the pages): REDON Agglomération's tariffs exactly as voted (convention cadre, art. 7),
/// and an example catalogue in the Cœur Côte Fleurie model whose prices are examples (the CCCF
/// convention fixes the rules, not the prices). The engine's view is <see cref="ConversionCatalogue.VersTarification"/>.
/// </summary>
public static class CataloguesDeReference
{
    public const string Socle = "SOCLE";
    public const string Audit = "AUDIT";
    public const string Groupements = "GROUPEMENTS";

    private static readonly (string Libelle, decimal Minimum, decimal? Maximum)[] Tranches =
    [
        ("moins de 1 500 habitants", 0, 1500),
        ("de 1 500 à moins de 3 000 habitants", 1500, 3000),
        ("de 3 000 à 8 000 habitants", 3000, 8001),
        ("plus de 8 000 habitants", 8001, null),
    ];

    /// <summary>The population brackets of Redon with their amounts (three, or four with « plus de 8 000 »).</summary>
    private static IEnumerable<TrancheTarif> Montants(params decimal[] montants) =>
        Tranches.Zip(montants, (t, m) => new TrancheTarif(t.Libelle, t.Minimum, t.Maximum, new Montant(m)));

    /// <summary>Redon's tariffs for an exercice, as the engine prices them.</summary>
    public static CatalogueTarifaire Redon(int exercice) => ConversionCatalogue.VersTarification(VersionRedon(exercice));

    /// <summary>The CCCF example catalogue for an exercice, as the engine prices them.</summary>
    public static CatalogueTarifaire CoeurCoteFleurieExemple(int exercice) => ConversionCatalogue.VersTarification(VersionCoeurCoteFleurie(exercice));

    /// <summary>Redon's tariffs as a draft catalogue version (to vote, store or edit).</summary>
    public static VersionCatalogue VersionRedon(int exercice, string? intitule = null)
    {
        var version = new VersionCatalogue(exercice);
        version.Parametrer(intitule, ReferencePopulation.Totale);
        version.DeclarerQuantite(new DonneesQuantite(Quantites.DemiJourneesN1, "Assistance N1 consommée", "demi-journée", "demi-journées", TypeQuantite.Entiere));

        var socle = version.AjouterService(new DonneesService(Socle, "Socle complet", "Socle complet (niveaux 1 à 4)")
        {
            ExamenPopulationMaximale = 8000,
            ExamenSiServiceInformatiquePropre = true,
        });
        version.DefinirComposante(socle, null, new ComposanteTarif("part fixe", NatureComposante.ParTranche, Montants(1500m, 2000m, 2500m)));
        version.DefinirComposante(socle, null, new ComposanteTarif("part par habitant", NatureComposante.ParUnite) { Taux = 1.50m });
        version.DefinirComposante(socle, null, new ComposanteTarif("prestations ponctuelles N1 au-delà de l'allocation", NatureComposante.AuDelaDeFranchise, Montants(5m, 9m, 13m))
        {
            Quantite = Quantites.DemiJourneesN1,
            QuantiteTranche = Quantites.Population,
            Taux = 200m,
        });

        var audit = version.AjouterService(new DonneesService(Audit, "Audit", "Socle annexe (niveau 1)") { ExamenPopulationMaximale = 8000 });
        version.DefinirComposante(audit, null, new ComposanteTarif("forfait par tranche de population", NatureComposante.ParTranche, Montants(990m, 3500m, 7000m)) { Frequence = Frequence.Ponctuelle });
        version.ModifierService(socle, socle.Donnees with { DeductionCodeService = Audit, DeductionDelaiMois = 6, DeductionReference = "art. 7.2.1" });

        var groupements = version.AjouterService(new DonneesService(Groupements, "Groupements d'achats", "Socle annexe (niveau 2)")
        {
            ExonereSiAbonneA = [Socle],
            MotifExoneration = "membre du socle complet (art. 7.2.2)",
        });
        version.DefinirComposante(groupements, null, new ComposanteTarif("part fixe", NatureComposante.ParTranche, Montants(750m, 1250m, 2000m, 3500m)));
        version.DefinirComposante(groupements, null, new ComposanteTarif("part par habitant", NatureComposante.ParUnite) { Taux = 0.25m });

        version.AjouterFormule(new FormuleCatalogue("socle-complet", "Socle complet", Socle));
        version.AjouterFormule(new FormuleCatalogue("audit", "Audit (socle annexe)", Audit));
        version.AjouterFormule(new FormuleCatalogue("groupement-achats", "Groupements d'achats (socle annexe)", Groupements));
        version.AjouterFormule(new FormuleCatalogue("socle-annexe-complet", "Socle annexe complet (audit et groupements)", $"{Audit},{Groupements}"));
        return version;
    }

    /// <summary>The CCCF example catalogue as a draft catalogue version.</summary>
    public static VersionCatalogue VersionCoeurCoteFleurie(int exercice, string? intitule = null)
    {
        var version = new VersionCatalogue(exercice);
        version.Parametrer(intitule, ReferencePopulation.Totale);
        version.DeclarerQuantite(new DonneesQuantite("postes", "Postes de travail", "poste", "postes", TypeQuantite.Entiere));
        version.DeclarerQuantite(new DonneesQuantite(Quantites.Stockage, "Espace disque alloué", "Go", "Go", TypeQuantite.Decimale));
        version.DeclarerQuantite(new DonneesQuantite("interventions", "Interventions sur site", "intervention", "interventions", TypeQuantite.Entiere));

        void Service(string code, string libelle, string famille, ComposanteTarif composante) =>
            version.DefinirComposante(version.AjouterService(new DonneesService(code, libelle, famille)), null, composante);

        Service("MESSAGERIE", "Messagerie collaborative (prix d'exemple)", "Services applicatifs",
            new ComposanteTarif("forfait annuel", NatureComposante.Forfait) { Montant = new Montant(1200m), Prorata = Prorata.Douziemes });
        Service("SITE", "Hébergement du site internet (prix d'exemple)", "Services applicatifs",
            new ComposanteTarif("par habitant, plancher et plafond", NatureComposante.ParUnite) { Taux = 0.20m, Plancher = new Montant(300m), Plafond = new Montant(1500m), Prorata = Prorata.Douziemes });
        Service("SIG", "Système d'information géographique (prix d'exemple)", "Services applicatifs",
            new ComposanteTarif("forfait annuel, majoré la première année", NatureComposante.Forfait) { Montant = new Montant(600m), MontantPremiereAnnee = new Montant(900m), Prorata = Prorata.Douziemes });
        Service("POSTES", "Maintenance des postes de travail (prix d'exemple)", "Infrastructure",
            new ComposanteTarif("par poste, dégressif", NatureComposante.ParTranche,
            [
                new TrancheTarif("1 à 10 postes", 0, 11, default, 180m),
                new TrancheTarif("11 à 30 postes", 11, 31, default, 150m),
                new TrancheTarif("plus de 30 postes", 31, null, default, 120m),
            ])
            { Quantite = "postes", Prorata = Prorata.Douziemes });
        Service("STOCKAGE", "Stockage au datacenter (prix d'exemple)", "Infrastructure",
            new ComposanteTarif("espace disque alloué", NatureComposante.AllocationMensuelle) { Quantite = Quantites.Stockage, Taux = 2.40m });
        Service("RACCORDEMENT", "Raccordement au réseau intercommunal (prix d'exemple)", "Infrastructure",
            new ComposanteTarif("mise en service", NatureComposante.Forfait) { Montant = new Montant(850m), Frequence = Frequence.Ponctuelle });
        Service("INTERVENTION", "Intervention sur site (prix d'exemple)", "Prestations unitaires",
            new ComposanteTarif("à l'unité, jamais proratisée", NatureComposante.ParUnite) { Quantite = "interventions", Taux = 95m });

        version.AjouterFormule(new FormuleCatalogue("services-essentiels", "Messagerie et site internet", "MESSAGERIE,SITE"));
        version.AjouterFormule(new FormuleCatalogue("messagerie", "Messagerie collaborative", "MESSAGERIE"));
        return version;
    }
}
