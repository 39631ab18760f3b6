using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Exports of the titres for the finance software: CSV (« ; », UTF-8 with BOM, French decimals and dates) and XLSX, one row per titre line.</summary>
[Collection(PortailCollection.Nom)]
public class ExportsTitresTests(PortailFactory portail)
{
    private static readonly XNamespace Ss = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task L_export_csv_d_un_bordereau_donne_une_ligne_par_ligne_de_titre_avec_son_imputation()
    {
        var membre = await portail.AjouterCommuneAsync("Commune de l'export " + Guid.NewGuid().ToString("N")[..6], population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.Id == id));
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var (statut, type, disposition, octets) = await TelechargerAsync(finances, $"/titres/export.csv?bordereau={titre.BordereauId}");

        Assert.Equal(HttpStatusCode.OK, statut);
        Assert.Equal("text/csv", type);
        Assert.Contains("attachment", disposition, StringComparison.Ordinal);
        Assert.Contains($"titres-{titre.Exercice}-bordereau-{titre.BordereauNumero}.csv", disposition, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, octets[..3]);
        var lignes = new UTF8Encoding(false, true).GetString(octets, 3, octets.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Exercice;Budget;Bordereau;N° titre;", lignes[0], StringComparison.Ordinal);
        Assert.Equal(titre.Lignes.Count + 1, lignes.Length);
        var champs = lignes[1].Split(';');
        Assert.Equal(15, champs.Length);
        var premiere = titre.Lignes.OrderBy(l => l.Ordre).First();
        Assert.Equal($"{titre.Numero}", champs[3]);
        Assert.Equal(titre.EmisLe!.Value.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), champs[5]);
        Assert.Equal(membre.Siren.Valeur, champs[7]);
        Assert.Equal(membre.CodeInsee.Valeur, champs[8]);
        Assert.Equal(premiere.Libelle, champs[9].Trim('"'));
        Assert.Equal(["70876", "020"], champs[10..12]);
        Assert.Equal(premiere.Montant.Euros.ToString("0.00", CultureInfo.GetCultureInfo("fr-FR")), champs[12]);
        Assert.Equal("5532,50", champs[13]);
        Assert.Equal("Émis", champs[14]);
        Assert.Equal(5532.50m, lignes.Skip(1).Sum(l => decimal.Parse(l.Split(';')[12], NumberStyles.Number, CultureInfo.GetCultureInfo("fr-FR"))));

        // The whole exercice holds the same rows (among other tests' titres, which are not counted).
        var exercice = await TelechargerAsync(finances, $"/titres/export.csv?exercice={titre.Exercice}");
        Assert.Contains($"titres-{titre.Exercice}.csv", exercice.Disposition, StringComparison.Ordinal);
        var siennes = Encoding.UTF8.GetString(exercice.Octets).Split("\r\n").Where(l => l.Split(';').ElementAtOrDefault(7) == membre.Siren.Valeur).ToList();
        Assert.Equal(lignes[1..], siennes);
    }

    [Fact]
    public async Task L_export_xlsx_a_des_montants_numeriques_et_une_ligne_par_ligne_de_titre()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.Id == id));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var (statut, type, disposition, octets) = await TelechargerAsync(agent, $"/titres/export.xlsx?exercice={titre.Exercice}&bordereau={titre.BordereauId}");

        Assert.Equal(HttpStatusCode.OK, statut);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        Assert.Contains("attachment", disposition, StringComparison.Ordinal);
        using var flux = new MemoryStream(octets);
        var rangees = flux.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(titre.Lignes.Count, rangees.Count);
        Assert.All(rangees, r => Assert.Equal("70876", r["Compte nature"]?.ToString()));
        Assert.Equal(5532.50m, rangees.Sum(r => Convert.ToDecimal(r["Montant de la ligne"], CultureInfo.InvariantCulture)));
        Assert.IsType<double>(rangees[0]["Total du titre"]);
        Assert.Equal(titre.EmisLe!.Value.ToDateTime(TimeOnly.MinValue), Assert.IsType<DateTime>(rangees[0]["Date d'émission"]));

        // In the sheet itself: the amount is a number cell (no shared or inline string) with a « # ##0,00 » style.
        using var zip = new ZipArchive(new MemoryStream(octets), ZipArchiveMode.Read);
        var feuille = XDocument.Load(zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Open());
        var montant = feuille.Descendants(Ss + "c").Single(c => (string?)c.Attribute("r") == "N2");
        Assert.True((string?)montant.Attribute("t") is null or "n", $"cellule N2 de type « {(string?)montant.Attribute("t")} »");
        Assert.Equal("5532.5", montant.Element(Ss + "v")?.Value);
        var styles = XDocument.Load(zip.GetEntry("xl/styles.xml")!.Open());
        var style = int.Parse((string?)montant.Attribute("s") ?? "0", CultureInfo.InvariantCulture);
        var format = (string?)styles.Descendants(Ss + "cellXfs").Single().Elements(Ss + "xf").ElementAt(style).Attribute("numFmtId");
        var code = styles.Descendants(Ss + "numFmt").FirstOrDefault(f => (string?)f.Attribute("numFmtId") == format)?.Attribute("formatCode")?.Value;
        Assert.True(format == "4" || code == "#,##0.00", $"format {format} « {code} »");
    }

    [Fact]
    public async Task Une_mairie_n_exporte_rien_meme_ses_propres_titres()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var bordereau = await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == id).Select(t => t.BordereauId).SingleAsync());
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, membre.Id), Comptes.MotDePasse);

        foreach (var url in new[] { $"/titres/export.csv?exercice={PortailFactory.Exercice}", $"/titres/export.xlsx?bordereau={bordereau}" })
        {
            var page = await mairie.GetAsync(url);
            Assert.True(page.Statut == HttpStatusCode.Forbidden || page.Redirection?.Contains("acces-refuse", StringComparison.Ordinal) == true, $"{url} → {(int)page.Statut}");
        }

        Assert.DoesNotContain("Exporter en CSV", (await mairie.GetAsync("/titres")).TexteVisible, StringComparison.Ordinal);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var liste = await finances.GetAsync($"/titres?exercice={PortailFactory.Exercice}");
        Assert.NotNull(liste.Document.QuerySelector($"a[href='/titres/export.csv?exercice={PortailFactory.Exercice}']"));
        Assert.NotNull(liste.Document.QuerySelector($"a[href='/titres/export.xlsx?exercice={PortailFactory.Exercice}']"));
    }

    [Fact]
    public async Task Un_bordereau_inconnu_ou_un_exercice_invalide_est_refuse_en_francais()
    {
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync("/titres/export.csv?bordereau=2147483647")).Statut);
        var page = await finances.GetAsync("/titres/export.xlsx?exercice=abc");
        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.False(string.IsNullOrWhiteSpace(page.Document.QuerySelector("h1")?.TextContent));
    }

    /// <summary>The raw bytes (the BOM included), which <see cref="Session.GetAsync"/> would decode.</summary>
    private static async Task<(HttpStatusCode Statut, string? Type, string Disposition, byte[] Octets)> TelechargerAsync(Session session, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        requete.Headers.Add("Cookie", session.EnTeteCookie);
        using var reponse = await session.Client.SendAsync(requete);
        return (reponse.StatusCode, reponse.Content.Headers.ContentType?.MediaType, reponse.Content.Headers.ContentDisposition?.ToString() ?? "",
            await reponse.Content.ReadAsByteArrayAsync());
    }
}
