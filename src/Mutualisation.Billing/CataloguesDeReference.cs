using Mutualisation.Domain.Catalogue;

namespace Mutualisation.Billing;

/// <summary>
/// The two conventions' catalogues, as data for the engine: REDON Agglomération's tariffs exactly as
/// voted (convention cadre, art. 7), and an example catalogue in the Cœur Côte Fleurie model whose
/// prices are examples (the CCCF convention fixes the rules, not the prices).
/// </summary>
public static class CataloguesDeReference
{
    public const string Socle = "SOCLE";
    public const string Audit = "AUDIT";
    public const string Groupements = "GROUPEMENTS";

    private static readonly Tranche[] TroisTranches =
    [
        new("moins de 1 500 habitants", 0, 1500),
        new("de 1 500 à moins de 3 000 habitants", 1500, 3000),
        new("de 3 000 à 8 000 habitants", 3000, 8001),
    ];

    private static Tranche[] Montants(params decimal[] montants) =>
        TroisTranches.Concat(montants.Length > 3 ? [new Tranche("plus de 8 000 habitants", 8001, null)] : [])
            .Zip(montants, (t, m) => t with { Montant = m })
            .ToArray();

    public static CatalogueTarifaire Redon(int exercice) => new(exercice, ReferencePopulation.Totale,
    [
        new ServiceTarife(Socle, "Socle complet", "Socle complet (niveaux 1 à 4)",
        [
            new Composante("part fixe", NatureComposante.ParTranche) { Tranches = Montants(1500m, 2000m, 2500m) },
            new Composante("part par habitant", NatureComposante.ParUnite) { Taux = 1.50m },
            new Composante("prestations ponctuelles N1 au-delà de l'allocation", NatureComposante.AuDelaDeFranchise)
            {
                Quantite = Quantites.DemiJourneesN1,
                QuantiteTranche = Quantites.Population,
                Unite = "demi-journée",
                Taux = 200m,
                Tranches = Montants(5m, 9m, 13m),
            },
        ])
        {
            ExamenApprofondi = new ExamenApprofondi(8000, SiServiceInformatiquePropre: true),
            Deduction = new DeductionPrealable(Audit, 6, "art. 7.2.1"),
        },
        new ServiceTarife(Audit, "Audit", "Socle annexe (niveau 1)",
        [
            new Composante("forfait par tranche de population", NatureComposante.ParTranche) { Frequence = Frequence.Ponctuelle, Tranches = Montants(990m, 3500m, 7000m) },
        ])
        {
            ExamenApprofondi = new ExamenApprofondi(8000, SiServiceInformatiquePropre: false),
        },
        new ServiceTarife(Groupements, "Groupements d'achats", "Socle annexe (niveau 2)",
        [
            new Composante("part fixe", NatureComposante.ParTranche) { Tranches = Montants(750m, 1250m, 2000m, 3500m) },
            new Composante("part par habitant", NatureComposante.ParUnite) { Taux = 0.25m },
        ])
        {
            ExonereSiAbonneA = [Socle],
            MotifExoneration = "membre du socle complet (art. 7.2.2)",
        },
    ])
    {
        Formules =
        [
            new FormuleTarifaire("socle-complet", "Socle complet", [Socle]),
            new FormuleTarifaire("audit", "Audit (socle annexe)", [Audit]),
            new FormuleTarifaire("groupement-achats", "Groupements d'achats (socle annexe)", [Groupements]),
            new FormuleTarifaire("socle-annexe-complet", "Socle annexe complet (audit et groupements)", [Audit, Groupements]),
        ],
    };

    public static CatalogueTarifaire CoeurCoteFleurieExemple(int exercice) => new(exercice, ReferencePopulation.Totale,
    [
        new ServiceTarife("MESSAGERIE", "Messagerie collaborative (prix d'exemple)", "Services applicatifs",
        [
            new Composante("forfait annuel", NatureComposante.Forfait) { Montant = 1200m, Prorata = Prorata.Douziemes },
        ]),
        new ServiceTarife("SITE", "Hébergement du site internet (prix d'exemple)", "Services applicatifs",
        [
            new Composante("par habitant, plancher et plafond", NatureComposante.ParUnite) { Taux = 0.20m, Plancher = 300m, Plafond = 1500m, Prorata = Prorata.Douziemes },
        ]),
        new ServiceTarife("SIG", "Système d'information géographique (prix d'exemple)", "Services applicatifs",
        [
            new Composante("forfait annuel, majoré la première année", NatureComposante.Forfait) { Montant = 600m, MontantPremiereAnnee = 900m, Prorata = Prorata.Douziemes },
        ]),
        new ServiceTarife("POSTES", "Maintenance des postes de travail (prix d'exemple)", "Infrastructure",
        [
            new Composante("par poste, dégressif", NatureComposante.ParTranche)
            {
                Quantite = "postes",
                Unite = "poste",
                Prorata = Prorata.Douziemes,
                Tranches = [new("1 à 10 postes", 0, 11, Taux: 180m), new("11 à 30 postes", 11, 31, Taux: 150m), new("plus de 30 postes", 31, null, Taux: 120m)],
            },
        ]),
        new ServiceTarife("STOCKAGE", "Stockage au datacenter (prix d'exemple)", "Infrastructure",
        [
            new Composante("espace disque alloué", NatureComposante.AllocationMensuelle) { Quantite = Quantites.Stockage, Unite = "Go", Taux = 2.40m },
        ]),
        new ServiceTarife("RACCORDEMENT", "Raccordement au réseau intercommunal (prix d'exemple)", "Infrastructure",
        [
            new Composante("mise en service", NatureComposante.Forfait) { Montant = 850m, Frequence = Frequence.Ponctuelle },
        ]),
        new ServiceTarife("INTERVENTION", "Intervention sur site (prix d'exemple)", "Prestations unitaires",
        [
            new Composante("à l'unité, jamais proratisée", NatureComposante.ParUnite) { Quantite = "interventions", Unite = "intervention", Taux = 95m },
        ]),
    ])
    {
        Formules =
        [
            new FormuleTarifaire("services-essentiels", "Messagerie et site internet", ["MESSAGERIE", "SITE"]),
            new FormuleTarifaire("messagerie", "Messagerie collaborative", ["MESSAGERIE"]),
        ],
    };
}
