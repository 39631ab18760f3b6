using System.Net;
using System.Text.Json;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class ReferenceApiTests(PortailFactory portail)
{
    [Fact]
    public async Task Sans_compte_la_reference_montre_le_simulateur_en_francais_et_rien_d_autre()
    {
        using var anonyme = portail.NouvelleSession();
        var page = await anonyme.GetAsync("/documentation/api");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Référence de l'API", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("GET /api/v1/simulation", page.TexteVisible, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/v1/membres", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Simule la contribution d'une commune", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Nombre d'habitants (population légale)", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Paramètres invalides", page.TexteVisible, StringComparison.Ordinal);
        var obligatoires = page.Document.QuerySelectorAll("tbody tr")
            .Where(l => l.Children[3].TextContent == "oui").Select(l => l.Children[0].TextContent).ToList();
        Assert.Equal(["formule"], obligatoires);

        var document = await anonyme.GetAsync("/openapi/public.json");
        Assert.Equal(HttpStatusCode.OK, document.Statut);
        using var json = JsonDocument.Parse(document.Texte);
        var chemins = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/api/v1/simulation", "/api/v1/simulation/formules"], chemins);
    }

    [Fact]
    public async Task Le_document_complet_demande_une_session()
    {
        using var anonyme = portail.NouvelleSession();
        var refuse = await anonyme.GetAsync("/openapi/v1.json");
        Assert.NotEqual(HttpStatusCode.OK, refuse.Statut);

        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var page = await agent.GetAsync("/documentation/api");
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains("GET /api/v1/membres", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Nombre de membres par page", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("GET /api/v1/simulation", page.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/openapi/v1.json")).Statut);
    }
}
