namespace Mutualisation.Billing.Tests;

/// <summary>The reference catalogues are built through the catalogue version's methods, and priced through its one mapping to the engine.</summary>
public class ConversionCatalogueTests
{
    [Fact]
    public void Une_copie_de_version_donne_les_memes_montants_que_l_original()
    {
        foreach (var version in new[] { CataloguesDeReference.VersionRedon(2026), CataloguesDeReference.VersionCoeurCoteFleurie(2026) })
        {
            var catalogue = ConversionCatalogue.VersTarification(version);
            var copie = ConversionCatalogue.VersTarification(VersionCatalogue.CopierDe(version, 2026));
            Assert.Equal(catalogue.Services.Select(s => s.Code), copie.Services.Select(s => s.Code));
            Assert.Equal(catalogue.Formules.Select(f => (f.Code, string.Join(',', f.Services))), copie.Formules.Select(f => (f.Code, string.Join(',', f.Services))));
            var hasard = new Random(3);
            for (var i = 0; i < 500; i++)
            {
                var faits = new FaitsMembre(hasard.Next(0, 8001), 2023)
                {
                    Abonnements = catalogue.Services.Where(_ => hasard.Next(2) == 0).Select(s => new Abonnement(s.Code, new DateOnly(2026, hasard.Next(1, 13), 1))).ToList(),
                    Livraisons = [new Livraison(CataloguesDeReference.Audit, new DateOnly(2026, 1, 5))],
                    Quantites = new Dictionary<string, decimal> { ["postes"] = hasard.Next(0, 50), ["interventions"] = 3, [Quantites.DemiJourneesN1] = hasard.Next(0, 30) },
                    Allocations = [new(Quantites.Stockage, new DateOnly(2026, 3, 1), 100)],
                };
                Assert.Equal(Tarification.Tarifer(catalogue, faits), Tarification.Tarifer(copie, faits), new ContributionEgale());
            }
        }
    }

    [Fact]
    public void Une_version_votee_est_en_lecture_seule()
    {
        var version = CataloguesDeReference.VersionRedon(2026);
        version.Voter("CC_2026_12", new DateOnly(2026, 2, 10), null);
        Assert.Equal(new DateOnly(2026, 1, 1), version.EnVigueurLe);
        Assert.Equal("En vigueur", version.StatutA(new DateOnly(2026, 2, 11)));
        Assert.Throws<CatalogueException>(() => version.SupprimerService(version.Services[0]));
        Assert.Throws<CatalogueException>(() => version.AjouterService(new DonneesService("NOUVEAU", "Nouveau", "Test")));

        var copie = VersionCatalogue.CopierDe(version, 2027);
        Assert.Equal(StatutVersion.Brouillon, copie.Statut);
        Assert.Equal(version.Services.Count, copie.Services.Count);
        copie.SupprimerFormule(copie.Formules.Single(f => f.Code == "groupement-achats"));
        copie.SupprimerFormule(copie.Formules.Single(f => f.Code == "socle-annexe-complet"));
        copie.SupprimerService(copie.Services.Single(s => s.Code == CataloguesDeReference.Groupements));
        Assert.Equal(3, version.Services.Count);
    }

    [Theory]
    [InlineData(2024, 12, 15, null, "Le", "antérieure à 2025")]
    [InlineData(2027, 1, 15, null, "Le", "doit dater de l'exercice")]
    [InlineData(2026, 6, 10, null, "EnVigueurLe", "vote en cours d'année")]
    [InlineData(2026, 6, 10, "2026-06-01", "EnVigueurLe", "ne peut pas précéder")]
    [InlineData(2025, 12, 15, "2025-12-20", "EnVigueurLe", "doit tomber dans l'exercice")]
    public void Un_vote_hors_des_regles_est_refuse_avec_la_raison_a_cote_du_champ(int annee, int mois, int jour, string? effet, string champ, string raison)
    {
        var version = CataloguesDeReference.VersionRedon(2026);
        var erreur = Assert.Throws<CatalogueException>(() => version.Voter("CC_2026_40", new DateOnly(annee, mois, jour), effet is null ? null : DateOnly.Parse(effet, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(champ, erreur.Champ);
        Assert.Contains(raison, erreur.Message, StringComparison.Ordinal);
        Assert.False(version.EstVotee);
    }

    [Fact]
    public void Une_deliberation_de_decembre_vote_l_exercice_suivant_au_1er_janvier()
    {
        var version = CataloguesDeReference.VersionRedon(2027);
        version.Voter("CC_2026_120", new DateOnly(2026, 12, 15), null);
        Assert.Equal(new DateOnly(2027, 1, 1), version.EnVigueurLe);
        Assert.False(version.VoteEnCoursDAnnee);
        Assert.Equal("Votée", version.StatutA(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Un_vote_en_cours_d_annee_prend_effet_a_sa_date_et_remplace_la_version_precedente()
    {
        var premiere = CataloguesDeReference.VersionRedon(2026);
        premiere.Voter("CC_2026_12", new DateOnly(2026, 2, 10), null);
        var version = CataloguesDeReference.VersionRedon(2026);
        version.Voter("CC_2026_88", new DateOnly(2026, 6, 10), new DateOnly(2026, 7, 1));
        Assert.True(version.VoteEnCoursDAnnee);
        Assert.Equal("Votée", version.StatutA(new DateOnly(2026, 6, 30)));
        Assert.Equal("En vigueur", version.StatutA(new DateOnly(2026, 7, 1)));

        VersionCatalogue[] exercice = [premiere, version];
        Assert.Equal("En vigueur", premiere.StatutParmi(exercice, new DateOnly(2026, 6, 30)));
        Assert.Equal("Remplacée le 01/07/2026", premiere.StatutParmi(exercice, new DateOnly(2026, 7, 1)));
        Assert.Equal("En vigueur", version.StatutParmi(exercice, new DateOnly(2026, 7, 1)));
    }

    private sealed class ContributionEgale : IEqualityComparer<Contribution>
    {
        public bool Equals(Contribution? x, Contribution? y) => x!.Lignes.SequenceEqual(y!.Lignes);

        public int GetHashCode(Contribution obj) => obj.Lignes.Count;
    }
}
