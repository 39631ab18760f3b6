using System.Net;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Tests.Outils;
using UglyToad.PdfPig;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class DocumentsTests(PortailFactory portail)
{
    private static readonly string Dossier = Path.Combine(Path.GetTempPath(), "mutualisation-tests");

    [Fact]
    public async Task Les_tarifs_d_un_catalogue_vote_se_telechargent_en_PDF_en_francais()
    {
        var id = portail.Executer(db => db.VersionsCatalogue.Where(v => v.Exercice == PortailFactory.Exercice && v.Statut == Domain.Catalogue.StatutVersion.Votee).OrderBy(v => v.Id).Select(v => v.Id).First());
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var reponse = await finances.Client.SendAsync(Requete($"/catalogue/{id}/pdf", finances));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"catalogue-{PortailFactory.Exercice}-{id}.pdf", reponse.Content.Headers.ContentDisposition?.FileNameStar);
        var octets = await reponse.Content.ReadAsByteArrayAsync();
        Directory.CreateDirectory(Dossier);
        await File.WriteAllBytesAsync(Path.Combine(Dossier, $"catalogue-{BaseDeTest.FournisseurDemande}.pdf"), octets);

        using var pdf = PdfDocument.Open(octets);
        var texte = string.Join("\n", pdf.GetPages().Select(p => p.Text));
        Assert.Equal(2, pdf.NumberOfPages);
        Assert.Contains("Catalogue des tarifs — exercice 2026", texte, StringComparison.Ordinal);
        Assert.Contains("Délibération n° CC_2026_DEMO du 12/02/2026, en vigueur le 01/01/2026.", texte, StringComparison.Ordinal);
        Assert.Contains("SOCLE — Socle complet", texte, StringComparison.Ordinal);
        Assert.Contains("de 1 500 à moins de 3 000", texte, StringComparison.Ordinal);
        Assert.Contains("2\u202F000,00 €", texte, StringComparison.Ordinal);
        Assert.Contains("1,50 € / habitant", texte, StringComparison.Ordinal);
        Assert.Contains("édité le 15/10/2026 à 10:00", texte, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 2", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("Page 2 sur 2", pdf.GetPage(2).Text, StringComparison.Ordinal);
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters), l => Assert.Contains("Liberation Sans", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Une_mairie_lit_le_PDF_d_une_version_votee_mais_pas_celui_d_un_brouillon()
    {
        var votee = portail.Executer(db => db.VersionsCatalogue.Where(v => v.Statut == Domain.Catalogue.StatutVersion.Votee).Select(v => v.Id).First());
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        var commune = await portail.AjouterCommuneAsync();
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);

        Assert.Equal(HttpStatusCode.OK, (await mairie.Client.SendAsync(Requete($"/catalogue/{votee}/pdf", mairie))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.Client.SendAsync(Requete($"/catalogue/{brouillon}/pdf", mairie))).StatusCode);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        Assert.Equal(HttpStatusCode.OK, (await finances.Client.SendAsync(Requete($"/catalogue/{brouillon}/pdf", finances))).StatusCode);
        using var anonyme = portail.NouvelleSession();
        Assert.Equal(HttpStatusCode.Redirect, (await anonyme.GetAsync($"/catalogue/{votee}/pdf")).Statut);
    }

    [Fact]
    public void Un_long_tableau_se_poursuit_sur_les_pages_suivantes_avec_ses_en_tetes_et_ses_montants_alignes()
    {
        using var document = new DocumentPdf("Essai", "Pied de page d'essai", PortailFactory.Maintenant);
        document.Titre("Éléments à facturer").Paragraphe("Un paragraphe assez long pour être coupé : " + string.Concat(Enumerable.Repeat("l'exercice budgétaire, ", 40)));
        document.Tableau(
            [new("Désignation", 70), new("Montant", 30, Alignement.Droite)],
            Enumerable.Range(1, 120).Select(i => (IReadOnlyList<string>)[$"Ligne n° {i}", FormatMontant(1234.56m * i)]));
        var octets = document.Enregistrer();

        using var pdf = PdfDocument.Open(octets);
        Assert.True(pdf.NumberOfPages >= 3, $"{pdf.NumberOfPages} page(s)");
        Assert.All(pdf.GetPages(), p => Assert.Contains("Désignation", p.Text, StringComparison.Ordinal));
        Assert.Contains("1\u202F234,56 €", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Contains("148\u202F147,20 €", pdf.GetPage(pdf.NumberOfPages).Text, StringComparison.Ordinal);
        Assert.Contains($"Page {pdf.NumberOfPages} sur {pdf.NumberOfPages}", pdf.GetPage(pdf.NumberOfPages).Text, StringComparison.Ordinal);
        // Right-aligned: every amount ends at the same x.
        var fins = pdf.GetPage(1).GetWords().Where(w => w.Text == "€").Select(w => Math.Round(w.BoundingBox.Right)).Distinct().ToList();
        Assert.Single(fins);
    }

    private static string FormatMontant(decimal euros) => Infrastructure.FormatFr.Euros(euros);

    private static HttpRequestMessage Requete(string url, Session session)
    {
        var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        requete.Headers.Add("Cookie", session.EnTeteCookie);
        return requete;
    }
}
