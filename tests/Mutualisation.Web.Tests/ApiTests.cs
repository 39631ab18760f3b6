using System.Net;
using System.Text.Json;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class ApiTests(PortailFactory portail)
{
    [Fact]
    public async Task Sans_session_l_API_repond_401_sans_redirection()
    {
        using var session = portail.NouvelleSession();
        var page = await session.GetAsync("/api/v1/membres");
        Assert.Equal(HttpStatusCode.Unauthorized, page.Statut);
    }

    [Fact]
    public async Task L_API_pagine_et_rend_les_champs_documentes()
    {
        var commune = await portail.AjouterCommuneAsync("Aaaa api " + Guid.NewGuid().ToString("N")[..6], 4321);
        using var session = await portail.ConnecterAsync(Comptes.Finances);

        var page = await session.GetAsync("/api/v1/membres?page=1&taille=200");
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        using var json = JsonDocument.Parse(page.Texte);
        var racine = json.RootElement;
        Assert.Equal(200, racine.GetProperty("taille").GetInt32());
        Assert.True(racine.GetProperty("total").GetInt32() >= 32);
        var element = racine.GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("siren").GetString() == commune.Siren.Valeur);
        Assert.Equal(commune.CodeInsee.Valeur, element.GetProperty("inseeCode").GetString());
        Assert.Equal(commune.Nom, element.GetProperty("nom").GetString());
        Assert.Equal(4321, element.GetProperty("population").GetInt32());
        Assert.Equal(2023, element.GetProperty("millesime").GetInt32());

        var deuxieme = await session.GetAsync("/api/v1/membres?page=2&taille=1");
        using var json2 = JsonDocument.Parse(deuxieme.Texte);
        Assert.Single(json2.RootElement.GetProperty("elements").EnumerateArray());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("taille=0")]
    [InlineData("taille=201")]
    public async Task Des_parametres_hors_bornes_donnent_400_en_francais(string parametres)
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var page = await session.GetAsync("/api/v1/membres?" + parametres);

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Equal("application/problem+json", page.Reponse.Content.Headers.ContentType?.MediaType);
        Assert.Contains("taille comprise entre 1 et 200", page.Texte, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_document_OpenAPI_decrit_les_API_et_pas_les_pages()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var page = await session.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        using var json = JsonDocument.Parse(page.Texte);
        var chemins = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/api/v1/conventions", "/api/v1/fiches-projet", "/api/v1/fiches-projet/{id}", "/api/v1/membres", "/api/v1/membres/{inseeCode}/adhesions", "/api/v1/membres/{inseeCode}/audits", "/api/v1/membres/{inseeCode}/contribution", "/api/v1/membres/{inseeCode}/jours-n1", "/api/v1/simulation", "/api/v1/simulation/formules", "/api/v1/titres", "/api/v1/titres/{id}", "/api/v1/titres/{id}/pdf"], chemins);
    }
}
