using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Tests;

/// <summary>The audit trail in French words and formats, whatever the server's culture.</summary>
public class HistoriqueLisibleTests
{
    private static string Lignes(string entite, string action, string json) =>
        string.Join(" | ", HistoriqueLisible.Lire(entite, action, json).Select(c => $"{c.Libelle} : {c.Ancienne} → {c.Nouvelle}"))
            .Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Fact]
    public void Les_dates_l_argent_et_les_populations_sont_au_format_francais()
    {
        Assert.Equal("Montant : 1 234,56 € → 99,00 €", Lignes("ComposanteTarif", "Modification", """{"Montant":["1234.56","99"]}"""));
        Assert.Equal("En vigueur le :  → 31/12/2026", Lignes("VersionCatalogue", "Modification", """{"EnVigueurLe":[null,"2026-12-31"]}"""));
        Assert.Equal("Population totale : 1 234 → 2 355", Lignes("Membre", "Modification", """{"PopulationTotale":["1234","2355"]}"""));
        Assert.Equal("Nature : Commune → Établissement associé", Lignes("Membre", "Modification", """{"Nature":["Commune","EtablissementAssocie"]}"""));
    }

    [Fact]
    public void Les_cles_techniques_et_les_champs_vides_d_une_creation_ne_sont_pas_montres()
    {
        var lignes = Lignes("PopulationLegale", "Création", """{"MembreId":"-2147482647","Millesime":"2023","Municipale":"960","Source":"Saisie","Totale":"978"}""");

        Assert.Equal("Millésime :  → 2023 | Population totale :  → 978 | Population municipale :  → 960 | Source :  → Saisie", lignes);
        Assert.Equal("Nom :  → Allaire", Lignes("Membre", "Création", """{"Nom":"Allaire","NomRecherche":"ALLAIRE","Adresse.Ligne":null}"""));
    }

    [Fact]
    public void Un_champ_inconnu_garde_son_nom_et_un_json_illisible_ne_casse_pas_la_page()
    {
        Assert.Equal("Nouveau : a → b", Lignes("Membre", "Modification", """{"Nouveau":["a","b"]}"""));
        Assert.Empty(HistoriqueLisible.Lire("Membre", "Modification", "pas du json"));
        Assert.Equal("Population légale", HistoriqueLisible.Entite("PopulationLegale"));
    }
}
