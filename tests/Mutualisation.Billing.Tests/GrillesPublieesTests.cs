namespace Mutualisation.Billing.Tests;

/// <summary>
/// The kinds of grids other French bodies publish, each built as a catalogue (data only, no code)
/// and priced by the engine to the cent, with the bases a debtor reads. The bodies are real kinds;
/// the figures are illustrative unless a test says otherwise.
/// </summary>
public class GrillesPublieesTests
{
    private const int Exercice = 2026;

    private static FaitsMembre Faits(string service, int population = 0, bool premiereAnnee = false, params (string Nom, decimal Valeur)[] quantites) =>
        new(population, 2023)
        {
            Abonnements = [new Abonnement(service, premiereAnnee ? new DateOnly(Exercice, 1, 1) : new DateOnly(Exercice - 3, 1, 1))],
            Quantites = quantites.ToDictionary(q => q.Nom, q => q.Valeur),
        };

    private static LignePrix Ligne(CatalogueTarifaire catalogue, FaitsMembre faits)
    {
        var resultat = Tarification.Evaluer(catalogue, faits);
        Assert.Null(resultat.Refus);
        return Assert.Single(resultat.Contribution!.Lignes);
    }

    /// <summary>fr-FR writes thousands with a narrow no-break space: compare with plain spaces.</summary>
    private static string? Espaces(string? texte) => texte?.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    /// <summary>
    /// A syndicat mixte informatique billing workstation maintenance to its members: a base price
    /// per workstation times a coefficient that falls with the count, the whole count at its
    /// bracket's coefficient (not a graduated scale). Illustrative figures: 150 € × 1 from 1 to 4
    /// postes, × 0,9 from 5 to 15, × 0,8 from 16.
    /// </summary>
    [Theory]
    [InlineData(1, 150.00, "poste")]
    [InlineData(4, 600.00, "postes")]
    [InlineData(5, 675.00, "postes")]
    [InlineData(6, 810.00, "postes")]
    [InlineData(16, 1920.00, "postes")]
    [InlineData(20, 2400.00, "postes")]
    public void Par_poste_avec_un_coefficient_degressif_selon_le_nombre_de_postes(int postes, decimal attendu, string unite)
    {
        const decimal Base = 150m;
        var catalogue = new CatalogueTarifaire(Exercice, ReferencePopulation.Totale,
        [
            new ServiceTarife("POSTES", "Maintenance des postes de travail", "Infrastructure",
            [
                new Composante("par poste, coefficient selon le nombre de postes", NatureComposante.ParTranche)
                {
                    Quantite = "postes",
                    Unite = "poste",
                    Tranches =
                    [
                        new("de 1 à 4 postes (coefficient 1)", 1, 5, Taux: Base * 1m),
                        new("de 5 à 15 postes (coefficient 0,9)", 5, 16, Taux: Base * 0.9m),
                        new("16 postes et plus (coefficient 0,8)", 16, null, Taux: Base * 0.8m),
                    ],
                },
            ]),
        ]);

        var ligne = Ligne(catalogue, Faits("POSTES", quantites: ("postes", postes)));

        Assert.Equal(attendu, ligne.Montant);
        Assert.Equal(postes, ligne.Bases.Quantite);
        Assert.Equal(unite, ligne.Bases.Unite);
        Assert.Null(ligne.Bases.Population);
        Assert.Equal(RefusTarification.CodeHorsGrille, Tarification.Evaluer(catalogue, Faits("POSTES", quantites: ("postes", 0))).Refus!.Code);
    }

    /// <summary>
    /// A centre de gestion de la fonction publique territoriale (CDG) charging a flat membership fee
    /// for an optional service: by population band for communes, by band of agents for bodies that
    /// are not communes (CCAS, syndicats, établissements publics), higher the first year of
    /// membership. The commune and the other body each subscribe to their own line of the same
    /// catalogue. Illustrative figures.
    /// </summary>
    [Theory]
    [InlineData("COMMUNES", 800, 0, true, 450.00)]
    [InlineData("COMMUNES", 800, 0, false, 300.00)]
    [InlineData("COMMUNES", 2355, 0, true, 900.00)]
    [InlineData("COMMUNES", 2355, 0, false, 600.00)]
    [InlineData("COMMUNES", 3500, 0, false, 1200.00)]
    [InlineData("COMMUNES", 12000, 0, true, 3600.00)]
    [InlineData("COMMUNES", 12000, 0, false, 2400.00)]
    [InlineData("ETABLISSEMENTS", 0, 9, true, 375.00)]
    [InlineData("ETABLISSEMENTS", 0, 9, false, 250.00)]
    [InlineData("ETABLISSEMENTS", 0, 10, false, 500.00)]
    [InlineData("ETABLISSEMENTS", 0, 75, true, 1500.00)]
    [InlineData("ETABLISSEMENTS", 0, 75, false, 1000.00)]
    public void Forfaits_de_type_CDG_par_tranche_de_population_ou_d_agents_majores_la_premiere_annee(string service, int population, int agents, bool premiereAnnee, decimal attendu)
    {
        var catalogue = new CatalogueTarifaire(Exercice, ReferencePopulation.Totale,
        [
            new ServiceTarife("COMMUNES", "Adhésion au service de paie — communes", "Ressources humaines",
            [
                new Composante("forfait par tranche de population", NatureComposante.ParTranche)
                {
                    Tranches =
                    [
                        new("moins de 1 000 habitants", 0, 1000, Montant: 300m, MontantPremiereAnnee: 450m),
                        new("de 1 000 à moins de 3 500 habitants", 1000, 3500, Montant: 600m, MontantPremiereAnnee: 900m),
                        new("de 3 500 à moins de 10 000 habitants", 3500, 10000, Montant: 1200m, MontantPremiereAnnee: 1800m),
                        new("10 000 habitants et plus", 10000, null, Montant: 2400m, MontantPremiereAnnee: 3600m),
                    ],
                },
            ]),
            new ServiceTarife("ETABLISSEMENTS", "Adhésion au service de paie — établissements publics", "Ressources humaines",
            [
                new Composante("forfait par tranche d'agents", NatureComposante.ParTranche)
                {
                    Quantite = "agents",
                    Unite = "agent",
                    Tranches =
                    [
                        new("moins de 10 agents", 0, 10, Montant: 250m, MontantPremiereAnnee: 375m),
                        new("de 10 à moins de 50 agents", 10, 50, Montant: 500m, MontantPremiereAnnee: 750m),
                        new("50 agents et plus", 50, null, Montant: 1000m, MontantPremiereAnnee: 1500m),
                    ],
                },
            ]),
        ]);
        var faits = service == "COMMUNES" ? Faits(service, population, premiereAnnee) : Faits(service, 0, premiereAnnee, ("agents", agents));

        var ligne = Ligne(catalogue, faits);

        Assert.Equal(attendu, ligne.Montant);
        Assert.NotNull(ligne.Bases.Tranche);
        Assert.Equal(service == "COMMUNES" ? population : null, ligne.Bases.Population);
        if (premiereAnnee)
        {
            Assert.StartsWith("montant de première année : ", ligne.Bases.PremiereAnnee, StringComparison.Ordinal);
            Assert.Contains("les années suivantes", ligne.Bases.PremiereAnnee, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(ligne.Bases.PremiereAnnee);
        }
    }

    /// <summary>
    /// A communauté de communes pricing a pooled service per inhabitant for its communes and per
    /// agent for the other bodies that join it (CIAS, syndicats). Illustrative figures: 0,80 € per
    /// inhabitant, 45 € per agent. A body that did not declare its agents gets a refusal, not 0 €.
    /// </summary>
    [Theory]
    [InlineData("HABITANT", 2355, 0, 1884.00, 2355, "habitants")]
    [InlineData("HABITANT", 1, 0, 0.80, 1, "habitant")]
    [InlineData("AGENT", 0, 7, 315.00, 7, "agents")]
    [InlineData("AGENT", 0, 1, 45.00, 1, "agent")]
    [InlineData("AGENT", 0, 2.5, 112.50, 2.5, "agents")]
    public void Par_habitant_pour_les_communes_et_par_agent_pour_les_autres_organismes(string service, int population, decimal agents, decimal attendu, decimal quantite, string unite)
    {
        var catalogue = ParHabitantOuParAgent();
        var faits = service == "HABITANT" ? Faits(service, population) : Faits(service, 0, quantites: ("agents", agents));

        var ligne = Ligne(catalogue, faits);

        Assert.Equal(attendu, ligne.Montant);
        Assert.Equal(quantite, ligne.Bases.Quantite);
        Assert.Equal(unite, ligne.Bases.Unite);
    }

    [Fact]
    public void Un_organisme_sans_nombre_d_agents_declare_recoit_un_refus_et_pas_zero_euro()
    {
        var resultat = Tarification.Evaluer(ParHabitantOuParAgent(), Faits("AGENT", 0));
        Assert.Null(resultat.Contribution);
        Assert.Equal(RefusTarification.CodeQuantiteManquante, resultat.Refus!.Code);
        Assert.Contains("« agents »", resultat.Refus.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An agence technique départementale asking a contribution per inhabitant capped at an amount,
    /// so that the largest communes do not pay beyond the cost of the service. Illustrative figures:
    /// 0,30 € per inhabitant, at most 3 000 €.
    /// </summary>
    [Theory]
    [InlineData(5000, 1500.00, null)]
    [InlineData(10000, 3000.00, null)]
    [InlineData(12000, 3000.00, "ramené au plafond de 3 000,00 € (montant calculé : 3 600,00 €)")]
    public void Par_habitant_plafonne(int population, decimal attendu, string? ajustement)
    {
        var catalogue = new CatalogueTarifaire(Exercice, ReferencePopulation.Totale,
        [
            new ServiceTarife("ATD", "Assistance technique", "Ingénierie",
                [new Composante("par habitant, plafonnée", NatureComposante.ParUnite) { Taux = 0.30m, Plafond = 3000m }]),
        ]);

        var ligne = Ligne(catalogue, Faits("ATD", population));

        Assert.Equal(attendu, ligne.Montant);
        Assert.Equal(population, ligne.Bases.Quantite);
        Assert.Equal(0.30m, ligne.Bases.Taux);
        Assert.Equal(ajustement, Espaces(ligne.Bases.Ajustement));
    }

    /// <summary>
    /// A syndicat départemental d'informatique whose contribution is a graduated scale with a fixed
    /// first slice: 5 000 € for the first 10 000 inhabitants, then 0,25 € per inhabitant beyond
    /// (illustrative figures). Each slice is shown in the bases.
    /// </summary>
    [Fact]
    public void Bareme_progressif_avec_une_premiere_tranche_forfaitaire()
    {
        var catalogue = new CatalogueTarifaire(Exercice, ReferencePopulation.Totale,
        [
            new ServiceTarife("SDI", "Contribution au syndicat", "Adhésion",
            [
                new Composante("barème progressif", NatureComposante.Progressif)
                {
                    Tranches = [new("10 000 premiers habitants", 0, 10000, Montant: 5000m), new("au-delà de 10 000 habitants", 10000, null, Taux: 0.25m)],
                },
            ]),
        ]);

        var ligne = Ligne(catalogue, Faits("SDI", 37500));

        Assert.Equal(11875.00m, ligne.Montant);
        Assert.Equal("5 000,00 € + 27 500 habitants × 0,25 €", Espaces(ligne.Bases.Calcul));
        Assert.Equal(
            [
                new PartDeBareme("10 000 premiers habitants", 0, 10000, 10000, "habitants", 5000m, 0m, 5000m),
                new PartDeBareme("au-delà de 10 000 habitants", 10000, null, 27500, "habitants", 0m, 0.25m, 6875m),
            ],
            ligne.Bases.Parts!);
        Assert.Equal(37500, ligne.Bases.Population);

        Assert.Equal(5000.00m, Ligne(catalogue, Faits("SDI", 8000)).Montant);
        Assert.Equal("5 000,00 €", Espaces(Ligne(catalogue, Faits("SDI", 10000)).Bases.Calcul));
        Assert.Equal("5 000,00 € + 1 habitant × 0,25 €", Espaces(Ligne(catalogue, Faits("SDI", 10001)).Bases.Calcul));
        Assert.Equal(5000.25m, Ligne(catalogue, Faits("SDI", 10001)).Montant);
    }

    private static CatalogueTarifaire ParHabitantOuParAgent() => new(Exercice, ReferencePopulation.Totale,
    [
        new ServiceTarife("HABITANT", "Service commun d'instruction — communes", "Services communs",
            [new Composante("par habitant", NatureComposante.ParUnite) { Taux = 0.80m }]),
        new ServiceTarife("AGENT", "Service commun d'instruction — autres organismes", "Services communs",
            [new Composante("par agent", NatureComposante.ParUnite) { Quantite = "agents", Unite = "agent", Taux = 45m }]),
    ]);
}
