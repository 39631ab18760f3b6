using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Web.Features.Membres;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class ImportTests(PortailFactory portail)
{
    private static string Epci(string sirenEpci, params (string Insee, string Siren, string Nom, int Totale)[] communes) =>
        "[{\"code\":\"" + sirenEpci + "\",\"nom\":\"EPCI de test\",\"membres\":[" +
        string.Join(",", communes.Select(c => $"{{\"code\":\"{c.Insee}\",\"siren\":\"{c.Siren}\",\"nom\":\"{c.Nom}\",\"populationTotale\":{c.Totale},\"populationMunicipale\":{c.Totale - 3}}}")) +
        "]}]";

    private async Task<RapportImport> ImporterAsync(string json, string epci, int millesime)
    {
        await using var scope = portail.Services.CreateAsyncScope();
        await using var flux = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await scope.ServiceProvider.GetRequiredService<ImportEtalab>().ImporterAsync(flux, epci, millesime, CancellationToken.None);
    }

    /// <summary>Posts a file to the import page as an administrator would, with the page's antiforgery token.</summary>
    private async Task<Session.Page> TeleverserAsync(string epci, byte[] fichier, string nomFichier)
    {
        using var session = await portail.ConnecterAsync(Comptes.Admin);
        var page = await session.GetAsync("/membres/import");
        var jeton = page.Document.QuerySelector("form[action='/membres/import'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(epci), "epci" },
            { new StringContent("2023"), "millesime" },
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(fichier), "fichier", nomFichier },
        };
        return await session.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/membres/import", UriKind.Relative)) { Content = contenu });
    }

    [Fact]
    public async Task Importer_deux_fois_ajoute_un_millesime_sans_perdre_l_historique_et_dit_ce_qui_a_change()
    {
        var epci = Jeux.SirenUnique();
        var (sirenA, sirenB) = (Jeux.SirenUnique(), Jeux.SirenUnique());
        var (inseeA, inseeB) = (Jeux.InseeUnique(), Jeux.InseeUnique());

        var premier = await ImporterAsync(Epci(epci, (inseeA, sirenA, "Alpha", 1000), (inseeB, sirenB, "Béta", 2000)), epci, 2022);
        Assert.Equal(2, premier.Crees.Count);

        var second = await ImporterAsync(Epci(epci, (inseeA, sirenA, "Alpha", 1000), (inseeB, sirenB, "Bêta-sur-Mer", 2100)), epci, 2023);
        Assert.Empty(second.Crees);
        Assert.Equal(2, second.PopulationsAjoutees.Count);
        Assert.Single(second.Renommes);
        Assert.Contains("Béta → Bêta-sur-Mer", second.Renommes[0], StringComparison.Ordinal);

        var troisieme = await ImporterAsync(Epci(epci, (inseeA, sirenA, "Alpha", 1000), (inseeB, sirenB, "Bêta-sur-Mer", 2100)), epci, 2023);
        Assert.Empty(troisieme.PopulationsAjoutees);
        Assert.Empty(troisieme.Renommes);

        var populations = await portail.ExecuterAsync(db => db.Membres.Where(m => m.Siren == Domain.Commun.Siren.Parse(sirenB))
            .SelectMany(m => m.Populations).OrderBy(p => p.Millesime).Select(p => new { p.Millesime, p.Totale }).ToListAsync());
        Assert.Equal([new { Millesime = 2022, Totale = 2000 }, new { Millesime = 2023, Totale = 2100 }], populations);
    }

    [Fact]
    public async Task La_page_d_import_accepte_l_extrait_etalab_livre_avec_le_projet()
    {
        var extrait = await File.ReadAllBytesAsync(Path.Combine(CheminDuDepot.Racine, "src", "Mutualisation.Web", "Donnees", "Etalab", "epci-extrait.json"));

        var reponse = await TeleverserAsync("241400415", extrait, "epci.json");

        Assert.Equal(HttpStatusCode.OK, reponse.Statut);
        Assert.Contains("CC Coeur Côte Fleurie, millésime 2023", reponse.TexteVisible, StringComparison.Ordinal);
        Assert.True(await portail.ExecuterAsync(db => db.Membres.AnyAsync(m => m.Siren == Domain.Commun.Siren.Parse("211407150"))));
    }

    [Fact]
    public async Task Un_fichier_qui_n_est_pas_du_json_etalab_est_refuse_avec_la_raison()
    {
        var reponse = await TeleverserAsync("243500741", "code;nom\n35236;Redon"u8.ToArray(), "communes.csv");

        Assert.Equal(HttpStatusCode.OK, reponse.Statut);
        Assert.Contains("n'est pas un epci.json d'Etalab", reponse.ErreurDuChamp("fichier"), StringComparison.Ordinal);
        Assert.Equal("243500741", reponse.ValeurDuChamp("epci"));
    }

    [Fact]
    public async Task Un_EPCI_absent_du_fichier_est_signale()
    {
        var erreur = await Assert.ThrowsAsync<ImportEtalabException>(() => ImporterAsync("[]", "243500741", 2023));
        Assert.Equal("L'EPCI 243500741 ne figure pas dans ce fichier.", erreur.Message);
    }

    [Fact]
    public async Task Une_commune_au_SIREN_faux_fait_refuser_tout_le_fichier()
    {
        var epci = Jeux.SirenUnique();
        var erreur = await Assert.ThrowsAsync<ImportEtalabException>(() => ImporterAsync(Epci(epci, ("35236", "213502363", "Redon", 10000)), epci, 2023));
        Assert.Contains("SIREN invalide", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_agent_DSI_n_a_pas_acces_a_l_import()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var page = await session.GetAsync("/membres/import");
        Assert.Equal(HttpStatusCode.Redirect, page.Statut);
        Assert.Contains("/compte/acces-refuse", page.Redirection, StringComparison.Ordinal);
    }
}
