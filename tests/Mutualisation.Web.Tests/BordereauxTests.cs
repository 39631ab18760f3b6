using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Web.Tests.Outils;
using UglyToad.PdfPig;

namespace Mutualisation.Web.Tests;

/// <summary>Bordereaux (pages, one PDF, a streamed ZIP), the cancellation / reduction form and the drafts issued outside a campaign.</summary>
[Collection(PortailCollection.Nom)]
public partial class BordereauxTests(PortailFactory portail)
{
    [Fact]
    public async Task Un_bordereau_se_lit_en_un_pdf_couverture_puis_chaque_avis_stocke_et_en_zip_aux_octets_identiques()
    {
        var (premier, second) = (await portail.AjouterCommuneAsync("Commune du bordereau A " + Guid.NewGuid().ToString("N")[..6], population: 2355),
            await portail.AjouterCommuneAsync("Commune du bordereau B " + Guid.NewGuid().ToString("N")[..6], population: 2355));
        var ids = new[] { await portail.AjouterTitreAsync(premier.Id, emettre: false), await portail.AjouterTitreAsync(second.Id, emettre: false) };
        var resultat = await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, ids, portail.Horloge.GetUtcNow(), DateOnly.FromDateTime(PortailFactory.Maintenant.Date)));
        var bordereau = resultat.Bordereau!;
        var titres = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Numero).ToListAsync());
        var avisStockes = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => ids.Contains(a.TitreId)).ToDictionaryAsync(a => a.TitreId, a => a.Pdf));
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var liste = await finances.GetAsync($"/titres/bordereaux?exercice={bordereau.Exercice}");
        Assert.Equal(HttpStatusCode.OK, liste.Statut);
        Assert.NotNull(liste.Document.QuerySelector($"a[href='/titres/bordereaux/{bordereau.Id}']"));
        var detail = await finances.GetAsync($"/titres/bordereaux/{bordereau.Id}");
        Assert.Equal(HttpStatusCode.OK, detail.Statut);
        Assert.Contains(premier.Nom, detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains(second.Nom, detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains(Compact("11 065,00 €"), Compact(detail.TexteVisible), StringComparison.Ordinal);
        Assert.NotNull(detail.Document.QuerySelector($"a[href='/titres/export.csv?exercice={bordereau.Exercice}&bordereau={bordereau.Id}']"));
        Assert.All(titres, t => Assert.NotNull(detail.Document.QuerySelector($"a[href='/titres/{t.Id}/pdf']")));

        // The titre's page links its bordereau.
        Assert.NotNull((await finances.GetAsync($"/titres/{ids[0]}")).Document.QuerySelector($"a[href='/titres/bordereaux/{bordereau.Id}']"));

        // One PDF: the cover (issuer, bordereau, signatory, each debtor, number and amount, total), then every stored avis.
        using var reponsePdf = await TelechargerAsync(finances, $"/titres/bordereaux/{bordereau.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, reponsePdf.StatusCode);
        Assert.Equal("application/pdf", reponsePdf.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await reponsePdf.Content.ReadAsByteArrayAsync());
        var pagesParAvis = titres.Select(t => { using var avis = PdfDocument.Open(avisStockes[t.Id]); return avis.NumberOfPages; }).ToList();
        var couverture = pdf.NumberOfPages - pagesParAvis.Sum();
        Assert.True(couverture >= 1, $"{pdf.NumberOfPages} pages pour {pagesParAvis.Sum()} pages d'avis");
        var texteCouverture = Compact(string.Join(" ", pdf.GetPages().Take(couverture).Select(p => p.Text)));
        string[] mentions =
        [
            "REDON Agglomération", $"Bordereau de titres de recette n° {bordereau.Numero}", $"Exercice {bordereau.Exercice}", "budget BP",
            $"Émis le {bordereau.EmisLe:dd/MM/yyyy}", "Camille (démo) DÉLÉGUÉ, Vice-président délégué aux finances",
            premier.Nom, second.Nom, "5 532,50 €", "Total du bordereau : 11 065,00 €",
        ];
        Assert.All(mentions, m => Assert.Contains(Compact(m), texteCouverture, StringComparison.Ordinal));
        var debut = couverture;
        for (var i = 0; i < titres.Count; i++)
        {
            using var avis = PdfDocument.Open(avisStockes[titres[i].Id]);
            var attendu = string.Join(" ", avis.GetPages().Select(p => p.Text));
            var lu = string.Join(" ", pdf.GetPages().Skip(debut).Take(pagesParAvis[i]).Select(p => p.Text));
            Assert.Equal(attendu, lu);
            Assert.Contains(Compact($"titre n° {titres[i].Numero}"), Compact(lu), StringComparison.Ordinal);
            debut += pagesParAvis[i];
        }

        // The ZIP: one entry per titre, safe names, bytes identical to each titre's download; each PDF read by itself.
        IReadOnlyList<CommandeSql> commandes;
        byte[] octetsZip;
        using (var journal = new JournalSql(portail.Base))
        {
            using var reponseZip = await TelechargerAsync(finances, $"/titres/bordereaux/{bordereau.Id}/zip");
            Assert.Equal(HttpStatusCode.OK, reponseZip.StatusCode);
            Assert.Equal("application/zip", reponseZip.Content.Headers.ContentType?.MediaType);
            octetsZip = await reponseZip.Content.ReadAsByteArrayAsync();
            commandes = journal.Commandes;
        }

        using var zip = new ZipArchive(new MemoryStream(octetsZip), ZipArchiveMode.Read);
        Assert.Equal(titres.Select(t => $"titre-{t.Exercice}-BP-{t.Numero}.pdf"), zip.Entries.Select(e => e.FullName));
        foreach (var (entree, titre) in zip.Entries.Zip(titres))
        {
            using var lecture = new MemoryStream();
            await using (var flux = await entree.OpenAsync())
            {
                await flux.CopyToAsync(lecture);
            }

            using var telechargement = await TelechargerAsync(finances, $"/titres/{titre.Id}/pdf");
            Assert.Equal(await telechargement.Content.ReadAsByteArrayAsync(), lecture.ToArray());
        }

        // Memory bound (ADR 0019): the PDFs are read one query per titre, each by its id; no query reads them together.
        var lecturesPdf = commandes.Where(c => c.Texte.Contains("\"Pdf\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(titres.Count, lecturesPdf.Count);
        Assert.All(lecturesPdf, c => Assert.Matches(@"""?a""?\.""TitreId"" = @titreId\s+LIMIT", c.Texte));
    }

    [Fact]
    public async Task Une_mairie_telecharge_son_titre_mais_ni_celui_d_une_autre_commune_ni_les_bordereaux()
    {
        var sienne = await portail.AjouterCommuneAsync(population: 2355);
        var autre = await portail.AjouterCommuneAsync(population: 2355);
        var sien = await portail.AjouterTitreAsync(sienne.Id);
        var etranger = await portail.AjouterTitreAsync(autre.Id);
        var bordereau = await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == sien).Select(t => t.BordereauId!.Value).SingleAsync());
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, sienne.Id), Comptes.MotDePasse);

        using var pdf = await TelechargerAsync(mairie, $"/titres/{sien}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(await portail.ExecuterAsync(db => db.AvisTitres.Where(a => a.TitreId == sien).Select(a => a.Pdf).SingleAsync()), await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/titres/{etranger}/pdf")).Statut);
        Assert.Null((await mairie.GetAsync($"/titres/{sien}")).Document.QuerySelector("a[href^='/titres/bordereaux/']"));
        foreach (var url in new[] { "/titres/bordereaux", $"/titres/bordereaux/{bordereau}", $"/titres/bordereaux/{bordereau}/pdf", $"/titres/bordereaux/{bordereau}/zip",
            "/titres/brouillons", $"/titres/{sien}/reduction" })
        {
            var page = await mairie.GetAsync(url);
            Assert.True(page.Statut == HttpStatusCode.Forbidden || page.Redirection?.Contains("/compte/acces-refuse", StringComparison.Ordinal) == true, $"{url} → {(int)page.Statut}");
        }
    }

    [Fact]
    public async Task La_reduction_est_refusee_au_dela_du_reste_ou_sans_motif_a_cote_du_champ_en_gardant_la_saisie()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var formulaire = await finances.GetAsync($"/titres/{id}/reduction");
        Assert.Equal("5532,50", formulaire.ValeurDuChamp("Montant"));

        var tropGrand = await finances.SoumettreAsync($"/titres/{id}/reduction", new() { ["Montant"] = "5532,51", ["Motif"] = "Erreur de population" });
        Assert.Equal(HttpStatusCode.BadRequest, tropGrand.Statut);
        Assert.Contains("ne peut pas dépasser ce qui reste du titre : 5 532,50 €", tropGrand.ErreurDuChamp("Montant")!.Replace('\u202F', ' '), StringComparison.Ordinal);
        Assert.Equal("5532,51", tropGrand.ValeurDuChamp("Montant"));
        Assert.Equal("Erreur de population", tropGrand.Document.GetElementById("Motif")!.TextContent);

        var sansMotif = await finances.SoumettreAsync($"/titres/{id}/reduction", new() { ["Montant"] = "100", ["Motif"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, sansMotif.Statut);
        Assert.Contains("motif", sansMotif.ErreurDuChamp("Motif"), StringComparison.Ordinal);
        Assert.Equal("100", sansMotif.ValeurDuChamp("Montant"));

        var remplacementPartiel = await finances.SoumettreAsync($"/titres/{id}/reduction", new() { ["Montant"] = "100", ["Motif"] = "Erreur", ["Remplacement"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, remplacementPartiel.Statut);
        Assert.NotNull(remplacementPartiel.ErreurDuChamp("Remplacement"));
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.TitreOrigineId == id || t.TitreRemplaceId == id)));

        // A draft, and a titre d'annulation itself, are refused in French.
        var brouillon = await portail.AjouterTitreAsync(membre.Id, emettre: false);
        Assert.Contains("Un brouillon ne s'annule pas", (await finances.GetAsync($"/titres/{brouillon}/reduction")).TexteVisible, StringComparison.Ordinal);
        var reduite = await finances.SoumettreAsync($"/titres/{id}/reduction", new() { ["Montant"] = "532,50", ["Motif"] = "Jours N1 comptés deux fois" });
        Assert.Equal("/titres/brouillons", reduite.Redirection);
        var reduction = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.TitreOrigineId == id));
        Assert.Equal((NatureTitre.AnnulationReduction, 532.50m, "Jours N1 comptés deux fois"), (reduction.Nature, reduction.Total.Euros, reduction.Motif));
        Assert.Contains("ne s'annule pas lui-même", (await finances.GetAsync($"/titres/{reduction.Id}/reduction")).TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_annulation_et_son_remplacement_s_emettent_depuis_les_brouillons_et_se_referencent()
    {
        var membre = await portail.AjouterCommuneAsync("Commune remplacée " + Guid.NewGuid().ToString("N")[..6], population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var original = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == id));
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var prepare = await finances.SoumettreAsync($"/titres/{id}/reduction", new() { ["Montant"] = "5532,50", ["Motif"] = "Mauvaise tranche de population", ["Remplacement"] = "true" });
        Assert.Equal("/titres/brouillons", prepare.Redirection);
        var (annulation, remplacement) = await portail.ExecuterAsync(async db => (
            await db.TitresRecette.AsNoTracking().SingleAsync(t => t.TitreOrigineId == id),
            await db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.TitreRemplaceId == id)));
        Assert.Equal((StatutTitre.Brouillon, StatutTitre.Brouillon), (annulation.Statut, remplacement.Statut));
        Assert.Equal((original.DebiteurNom, original.Total, original.Numero), (remplacement.DebiteurNom, remplacement.Total, remplacement.TitreRemplaceNumero));
        var brouillons = await finances.GetAsync("/titres/brouillons");
        Assert.NotNull(brouillons.Document.GetElementById($"emettre-{annulation.Id}"));
        Assert.NotNull(brouillons.Document.GetElementById($"emettre-{remplacement.Id}"));

        // The replacement is corrected before its issue; under the threshold it is refused, named.
        var lignes = (await finances.GetAsync($"/titres/{remplacement.Id}/lignes")).ChampsDuFormulaire($"/titres/{remplacement.Id}/lignes");
        lignes["Lignes[1].Montant"] = "10";
        lignes["Lignes[0].Montant"] = "0";
        Assert.Equal($"/titres/{remplacement.Id}", (await finances.SoumettreAsync($"/titres/{remplacement.Id}/lignes", lignes)).Redirection);
        var refus = await finances.SoumettreAsync("/titres/brouillons", new() { ["ids"] = null }, "/titres/brouillons/emettre");
        Assert.Equal(HttpStatusCode.BadRequest, refus.Statut);
        refus = await EmettreAsync(finances, annulation.Id, remplacement.Id);
        Assert.Equal(HttpStatusCode.BadRequest, refus.Statut);
        Assert.Contains("Aucun titre n'est émis en dessous de 15,00 €", refus.Document.GetElementById("ids-erreur")!.TextContent.Replace('\u202F', ' '), StringComparison.Ordinal);
        Assert.True(refus.Document.GetElementById($"emettre-{annulation.Id}")!.HasAttribute("checked"));
        Assert.Equal(StatutTitre.Brouillon, await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == annulation.Id).Select(t => t.Statut).SingleAsync()));

        (lignes["Lignes[0].Montant"], lignes["Lignes[1].Montant"]) = ("2000", "3032,50");
        Assert.Equal($"/titres/{remplacement.Id}", (await finances.SoumettreAsync($"/titres/{remplacement.Id}/lignes", lignes)).Redirection);
        var emis = await EmettreAsync(finances, annulation.Id, remplacement.Id);
        Assert.Equal(HttpStatusCode.Redirect, emis.Statut);
        Assert.StartsWith("/titres/bordereaux/", emis.Redirection, StringComparison.Ordinal);

        var (a, r) = await portail.ExecuterAsync(async db => (
            await db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == annulation.Id),
            await db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == remplacement.Id)));
        Assert.Equal((StatutTitre.Emis, StatutTitre.Emis), (a.Statut, r.Statut));
        Assert.Equal(a.BordereauId, r.BordereauId);
        Assert.Equal(emis.Redirection, $"/titres/bordereaux/{a.BordereauId}");
        Assert.True(a.Numero > original.Numero);
        Assert.Equal(a.Numero + 1, r.Numero);
        Assert.Equal(5032.50m, r.Total.Euros);

        var pageOriginal = await finances.GetAsync($"/titres/{id}");
        Assert.Equal("Annulé", pageOriginal.Document.QuerySelector("h1 .badge")!.TextContent);
        Assert.NotNull(pageOriginal.Document.QuerySelector($"a[href='/titres/{r.Id}']"));
        Assert.NotNull(pageOriginal.Document.QuerySelector($"a[href='/titres/{a.Id}']"));
        Assert.Null(pageOriginal.Document.QuerySelector($"a[href='/titres/{id}/reduction']"));
        var pageRemplacement = await finances.GetAsync($"/titres/{r.Id}");
        Assert.Contains($"Remplace le titre n° {original.Numero}", pageRemplacement.TexteVisible, StringComparison.Ordinal);
        Assert.NotNull(pageRemplacement.Document.QuerySelector($"a[href='/titres/{id}']"));
        Assert.NotNull(pageRemplacement.Document.QuerySelector($"a[href='/titres/{r.Id}/reduction']"));
        var pdf = await portail.ExecuterAsync(db => db.AvisTitres.Where(a => a.TitreId == r.Id).Select(a => a.Pdf).SingleAsync());
        using var avis = PdfDocument.Open(pdf);
        Assert.Contains(Compact($"Remplace le titre n° {original.Numero}"), Compact(string.Join(" ", avis.GetPages().Select(p => p.Text))), StringComparison.Ordinal);

        var dejaAnnule = await finances.GetAsync($"/titres/{id}/reduction");
        Assert.Contains($"Le titre n° {original.Numero} est déjà entièrement annulé.", dejaAnnule.TexteVisible, StringComparison.Ordinal);
        Assert.Null(dejaAnnule.Document.QuerySelector($"form[action='/titres/{id}/reduction']"));
    }

    [Fact]
    public async Task Un_brouillon_se_supprime_un_titre_emis_non_et_l_agent_lit_sans_agir()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var brouillon = await portail.AjouterTitreAsync(membre.Id, emettre: false);
        var emis = await portail.AjouterTitreAsync(membre.Id);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var lecture = await agent.GetAsync("/titres/brouillons");
        Assert.Equal(HttpStatusCode.OK, lecture.Statut);
        Assert.NotNull(lecture.Document.QuerySelector($"a[href='/titres/{brouillon}']"));
        Assert.Null(lecture.Document.QuerySelector("form[action='/titres/brouillons/emettre']"));

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var jeton = (await finances.GetAsync("/titres/brouillons")).Document.QuerySelector("form[action='/titres/brouillons/emettre'] input[name=__RequestVerificationToken]")!.GetAttribute("value");
        foreach (var hostile in new[] { "abc", "-1", "2147483647", emis.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            var refus = await finances.PostAsync("/titres/brouillons/emettre", new() { ["ids"] = hostile }, jeton);
            Assert.Equal(HttpStatusCode.BadRequest, refus.Statut);
            Assert.False(string.IsNullOrWhiteSpace(refus.Document.GetElementById("ids-erreur")?.TextContent));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await finances.PostAsync($"/titres/brouillons/{emis}/supprimer", [], jeton)).Statut);
        Assert.Equal(StatutTitre.Emis, await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == emis).Select(t => t.Statut).SingleAsync()));
        Assert.Equal("/titres/brouillons", (await finances.PostAsync($"/titres/brouillons/{brouillon}/supprimer", [], jeton)).Redirection);
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.Id == brouillon)));
    }

    private static async Task<Session.Page> EmettreAsync(Session session, params int[] ids)
    {
        var page = await session.GetAsync("/titres/brouillons");
        var jeton = page.Document.QuerySelector("form[action='/titres/brouillons/emettre'] input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var valeurs = ids.Select(i => new KeyValuePair<string, string>("ids", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("__RequestVerificationToken", jeton!)).ToList();
        return await session.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/titres/brouillons/emettre", UriKind.Relative)) { Content = new FormUrlEncodedContent(valeurs) });
    }

    private static async Task<HttpResponseMessage> TelechargerAsync(Session session, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        requete.Headers.Add("Cookie", session.EnTeteCookie);
        return await session.Client.SendAsync(requete);
    }

    private static string Compact(string texte) => Espaces().Replace(texte, string.Empty);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Espaces();
}

/// <summary>The measured memory bound of the streamed ZIP (ADR 0019).</summary>
public class ZipEnFluxTests
{
    [Fact]
    public async Task Le_zip_ne_garde_jamais_plus_d_une_entree_quel_que_soit_le_nombre_de_pdf()
    {
        const int taille = 200_000;
        const int nombre = 60;
        using var destination = new MemoryStream();
        var envoyesAvantLecture = new List<long>();
        var entrees = Enumerable.Range(1, nombre).Select(i => new Mutualisation.Web.Features.Titres.EntreeZip($"titre-{i}.pdf", _ =>
        {
            envoyesAvantLecture.Add(destination.Length);
            var octets = new byte[taille];
            new Random(i).NextBytes(octets);
            return Task.FromResult(octets);
        }));

        var plusGrand = await Mutualisation.Web.Features.Titres.ZipEnFlux.EcrireAsync(destination, entrees, new DateTimeOffset(2026, 10, 15, 12, 0, 0, TimeSpan.Zero), default);

        // 12 MB written, never more than one PDF (plus its header and data descriptor) held; each PDF read after the previous one left.
        Assert.InRange(plusGrand, taille, taille + 1024);
        Assert.True(destination.Length > (long)taille * nombre);
        Assert.All(envoyesAvantLecture.Skip(1).Select((envoye, i) => (envoye, i)), x => Assert.True(x.envoye >= (long)taille * (x.i + 1)));
        destination.Position = 0;
        using var zip = new ZipArchive(destination, ZipArchiveMode.Read);
        Assert.Equal(nombre, zip.Entries.Count);
    }
}
