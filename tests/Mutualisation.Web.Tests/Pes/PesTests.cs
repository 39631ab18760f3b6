using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence.Pes;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Features.Catalogue;
using Mutualisation.Web.Features.Pes;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Pes;

/// <summary>
/// The PES V2 file of a bordereau (issue 12): checked against the DGFiP's schemas (which reject the negative control),
/// read element by element, kept and downloaded byte for byte, numbered without gap, refused with the offending titre
/// named, and never given to a commune.
/// </summary>
[Collection(PortailCollection.Nom)]
public sealed class PesTests(PortailFactory portail)
{
    private static string Fixture(string nom) => Path.Combine(AppContext.BaseDirectory, "Pes", "Fixtures", nom);

    [Fact]
    public void Les_schemas_de_la_dgfip_acceptent_les_fixtures_valides_et_rejettent_le_controle_negatif()
    {
        foreach (var valide in new[] { "PESALR1_recette_EPCI_vers_commune.xml", "PESALR1_depense_valide.xml" })
        {
            using var flux = File.OpenRead(Fixture(valide));
            Assert.Empty(SchemasPes.Valider(flux));
        }

        // A recette file written with dépense element names: the same validator must say no.
        using var invalide = File.OpenRead(Fixture("pes_aller_recette_invalide.xml"));
        Assert.NotEmpty(SchemasPes.Valider(invalide));
    }

    [Fact]
    public void Les_textes_sont_en_latin_1_et_les_noms_et_adresses_a_la_norme_postale()
    {
        Assert.Equal("SAINT ETIENNE EN COGLES", TextePes.Postal("Saint-Étienne-en-Coglès", 38));
        Assert.Equal("L HAY LES ROSES", TextePes.Postal("L’Haÿ-les-Roses", 38));
        Assert.Equal("COEUR COTE FLEURIE", TextePes.Postal("Cœur Côte Fleurie", 38));
        Assert.Equal("Contribution 2025 - socle « complet » : 12 EUR l'an...", TextePes.Libre("Contribution 2025 – socle « complet » :\u202F12 € l’an…", 160));
        Assert.Equal(10, TextePes.Libre(new string('é', 50), 10).Length);
        Assert.All(TextePes.Libre("œ€’—\u2009", 50), c => Assert.True(c <= '\u00FF'));
        var (voie, suite) = TextePes.Repartir("12 RUE DU GENERAL CHARLES DE GAULLE PROLONGEE BATIMENT B", 38);
        Assert.Equal("12 RUE DU GENERAL CHARLES DE GAULLE", voie);
        Assert.Equal("PROLONGEE BATIMENT B", suite);
        Assert.Equal(("1 RUE COURTE", (string?)null), TextePes.Repartir("1 RUE COURTE", 38));
    }

    [Fact]
    public async Task Un_bordereau_de_trois_titres_avec_une_annulation_et_une_facture_donne_un_pes_valide_conserve_et_identique_a_chaque_telechargement()
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        var accentuee = await portail.AjouterCommuneAsync("Saint-Étienne-en-Coglès " + Guid.NewGuid().ToString("N")[..4]);
        var autre = await portail.AjouterCommuneAsync("Commune PES " + Guid.NewGuid().ToString("N")[..6]);
        const string LongueAdresse = "Mairie, 12 rue du Général Charles de Gaulle prolongée, bâtiment B";
        var original = await AjouterTitreAsync(accentuee, $"{LongueAdresse}, 35460 Saint-Étienne-en-Coglès", [("Socle complet — part fixe", 2000m), ("Socle complet — part par habitant", 1500.25m)]);
        await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, [original], quand, aujourdHui));
        var ordinaire = await AjouterTitreAsync(autre, "1 place de la Mairie, 35600 Redon",
            [("Socle complet — part fixe", 2000m), ("Socle complet — part par habitant", 3772.50m), ("Déduction : audit préalable", -3500m)]);
        var (reduction, refusReduction) = await portail.ExecuterAsync(db => new EmissionTitres(db).PreparerReductionAsync(original, new Montant(500m), "Population corrigée", aujourdHui.Year, TitresDeTest.Test, quand));
        Assert.Null(refusReduction);
        var (mandataire, piece) = await AjouterRemboursementAsync(autre, "1 place de la Mairie, 35600 Redon", aujourdHui, quand);
        var emission = await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, [ordinaire, reduction!.Id, mandataire], quand, aujourdHui));
        var bordereau = emission.Bordereau!;
        var titres = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Where(t => t.BordereauId == bordereau.Id || t.Id == original).ToDictionaryAsync(t => t.Id));
        var avisStockes = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => titres.Keys.Contains(a.TitreId)).ToDictionaryAsync(a => a.TitreId, a => a.Pdf));
        var facture = await portail.ExecuterAsync(db => db.Set<PieceJustificative>().AsNoTracking().Where(p => p.Id == piece).Select(p => p.Contenu).SingleAsync());

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var avant = await finances.GetAsync($"/titres/bordereaux/{bordereau.Id}");
        Assert.NotNull(avant.Document.QuerySelector($"form[action='/titres/bordereaux/{bordereau.Id}/pes'] button"));
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync($"/titres/bordereaux/{bordereau.Id}/pes")).Statut);

        var produit = await finances.SoumettreAsync($"/titres/bordereaux/{bordereau.Id}", [], $"/titres/bordereaux/{bordereau.Id}/pes");
        Assert.Equal(HttpStatusCode.Redirect, produit.Statut);
        var page = await finances.GetAsync($"/titres/bordereaux/{bordereau.Id}");
        Assert.Contains("est produit et conservé", page.TexteVisible, StringComparison.Ordinal);
        var export = await portail.ExecuterAsync(db => db.Set<ExportPes>().AsNoTracking().Include(e => e.Bordereaux).SingleAsync(e => e.BordereauId == bordereau.Id));
        Assert.Equal($"PESALR1_24350074100018_{bordereau.Exercice}_{bordereau.Numero}.xml", export.NomFichier);
        Assert.Contains(export.Sha256, page.Texte, StringComparison.Ordinal);

        using var reponse = await TelechargerAsync(finances, $"/titres/bordereaux/{bordereau.Id}/pes");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains(export.NomFichier, reponse.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var octets = await reponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(export.Sha256, Convert.ToHexStringLower(SHA256.HashData(octets)));
        Assert.Equal(export.Taille, octets.Length);
        using var encore = await TelechargerAsync(finances, $"/titres/bordereaux/{bordereau.Id}/pes");
        Assert.Equal(octets, await encore.Content.ReadAsByteArrayAsync());

        // The page no longer offers to produce it; a second production keeps the first file and its numbers.
        Assert.Null(page.Document.QuerySelector($"form[action='/titres/bordereaux/{bordereau.Id}/pes']"));
        var encoreUne = await portail.ExecuterAsync(db => new ExportsPes(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportsPes>.Instance)
            .ProduireAsync(bordereau.Id, TitresDeTest.Test, quand));
        Assert.Equal((export.Id, export.Sha256), (encoreUne.Export!.Id, encoreUne.Export.Sha256));
        Assert.Equal(1, await portail.ExecuterAsync(db => db.Set<ExportPes>().CountAsync(e => e.BordereauId == bordereau.Id)));

        // Valid against the DGFiP's schemas, in ISO-8859-1, accents of free texts kept as Latin-1 bytes.
        using (var flux = new MemoryStream(octets))
        {
            Assert.Empty(SchemasPes.Valider(flux));
        }

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>", Encoding.Latin1.GetString(octets, 0, 60), StringComparison.OrdinalIgnoreCase);
        Assert.Contains((byte)0xE9, octets); // « é » of « Général » in an object, one byte in Latin-1
        var xml = XDocument.Load(new MemoryStream(octets));
        XNamespace n = SchemasPes.EspaceAller;
        Assert.Equal(n + "PES_Aller", xml.Root!.Name);
        Assert.All(xml.Root.Descendants(), e => Assert.Equal(XNamespace.None, e.Name.Namespace));
        string V(XElement parent, string nom) => parent.Element(nom)!.Attribute("V")!.Value;
        var entete = xml.Root.Element("EnTetePES")!;
        Assert.Equal(("035999", "24350074100018", "001", "00"), (V(entete, "IdPost"), V(entete, "IdColl"), V(entete, "CodCol"), V(entete, "CodBud")));
        Assert.Equal(bordereau.EmisLe.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), V(entete, "DteStr"));

        var bordereaux = xml.Root.Element("PES_RecetteAller")!.Elements("Bordereau").ToList();
        Assert.Equal(["01", "02"], bordereaux.Select(b => V(b.Element("BlocBordereau")!, "TypBord")));
        foreach (var b in bordereaux)
        {
            var bloc = b.Element("BlocBordereau")!;
            var pieces = b.Elements("Piece").ToList();
            Assert.Equal(pieces.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), V(bloc, "NbrPce"));
            var somme = pieces.SelectMany(p => p.Elements("LigneDePiece")).Sum(l => decimal.Parse(V(l.Element("BlocLignePiece")!.Element("InfoLignePiece")!, "MtHT"), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(FluxPesAller.Montant(somme), V(bloc, "MtBordHt"));
            var stocke = export.Bordereaux.Single(x => x.TypBord == V(bloc, "TypBord"));
            Assert.Equal(stocke.IdBord.ToString(System.Globalization.CultureInfo.InvariantCulture), V(bloc, "IdBord"));
            Assert.Equal(somme, stocke.MontantHt);
        }

        XElement PieceDe(int titreId) => bordereaux.SelectMany(b => b.Elements("Piece"))
            .Single(p => V(p.Element("BlocPiece")!, "IdPce") == titres[titreId].Numero!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The ordinary titre: its socle lines net of the deduction as one line (PES amounts are positive), for its total.
        var pieceOrdinaire = PieceDe(ordinaire);
        Assert.Equal(("01", "01", "01"), (V(pieceOrdinaire.Element("BlocPiece")!, "TypPce"), V(pieceOrdinaire.Element("BlocPiece")!, "NatPce"), V(pieceOrdinaire.Element("BlocPiece")!, "Edition")));
        var lignesOrdinaire = pieceOrdinaire.Elements("LigneDePiece").Select(l => l.Element("BlocLignePiece")!.Element("InfoLignePiece")!).ToList();
        Assert.Equal(["2272.50"], lignesOrdinaire.Select(l => V(l, "MtHT")));
        Assert.Equal(("SOCL", "70876", "020"), (V(lignesOrdinaire[0], "CodProdLoc"), V(lignesOrdinaire[0], "Nature"), V(lignesOrdinaire[0], "Fonction")));
        Assert.Equal(2272.50m, titres[ordinaire].Total.Euros);

        // The cancellation: bordereau 02, triplet 02 02 06, attached to the original titre.
        var pieceReduction = PieceDe(reduction!.Id);
        Assert.Equal(("02", "06"), (V(pieceReduction.Element("BlocPiece")!, "TypPce"), V(pieceReduction.Element("BlocPiece")!, "NatPce")));
        var rattachement = pieceReduction.Element("LigneDePiece")!.Element("BlocLignePiece")!.Element("RattachPiece")!;
        Assert.Equal(("01", titres[original].Exercice.ToString(System.Globalization.CultureInfo.InvariantCulture), titres[original].Numero!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (V(rattachement, "NatPceOrig"), V(rattachement, "ExerRat"), V(rattachement, "IdPceOrig")));
        Assert.Equal("500.00", V(pieceReduction.Element("LigneDePiece")!.Element("BlocLignePiece")!.Element("InfoLignePiece")!, "MtHT"));

        // The debtor with an accented name and a long address: postal norm, cut over Adr2 and Adr3.
        var tiers = pieceReduction.Element("LigneDePiece")!.Element("Tiers")!;
        var info = tiers.Element("InfoTiers")!;
        Assert.Equal((accentuee.Siren.Valeur, "02", "23", "09"), (V(info, "IdTiers"), V(info, "NatIdTiers"), V(info, "CatTiers"), V(info, "NatJur")));
        Assert.StartsWith("SAINT ETIENNE EN COGLES ", V(info, "Nom"), StringComparison.Ordinal);
        var adresse = tiers.Element("Adresse")!;
        Assert.Equal("MAIRIE 12 RUE DU GENERAL CHARLES DE", V(adresse, "Adr2"));
        Assert.Equal("GAULLE PROLONGEE BATIMENT B", V(adresse, "Adr3"));
        Assert.Equal(("35460", "SAINT ETIENNE EN COGLES"), (V(adresse, "CP"), V(adresse, "Ville")));
        Assert.All(xml.Root.Descendants().Where(e => e.Name.LocalName is "Adr2" or "Adr3" or "Nom" or "Ville"), e => Assert.InRange(e.Attribute("V")!.Value.Length, 1, 38));

        // Every PJRef points at one PES_PJ and back; each PJ is the stored document, gzip then base64.
        var references = bordereaux.SelectMany(b => b.Elements("Piece")).SelectMany(p => p.Element("BlocPiece")!.Elements("PJRef")).Select(r => V(r, "IdUnique")).ToList();
        var pjs = xml.Root.Element("PES_PJ")!.Elements("PJ").ToDictionary(pj => V(pj, "IdUnique"));
        Assert.Equal(4, references.Count); // three avis and the supplier's invoice
        Assert.Equal(references.Order(StringComparer.Ordinal), pjs.Keys.Order(StringComparer.Ordinal));
        byte[] Contenu(XElement pj)
        {
            using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(pj.Element("Contenu")!.Element("Fichier")!.Value)), CompressionMode.Decompress);
            using var sortie = new MemoryStream();
            gzip.CopyTo(sortie);
            return sortie.ToArray();
        }

        var referencesMandataire = PieceDe(mandataire).Element("BlocPiece")!.Elements("PJRef").Select(r => V(r, "IdUnique")).ToList();
        Assert.Equal(2, referencesMandataire.Count);
        Assert.Equal(avisStockes[mandataire], Contenu(pjs[referencesMandataire[0]]));
        Assert.Equal(facture, Contenu(pjs[referencesMandataire[1]]));
        Assert.Equal(avisStockes[ordinaire], Contenu(pjs[V(pieceOrdinaire.Element("BlocPiece")!.Element("PJRef")!, "IdUnique")]));
    }

    [Fact]
    public async Task Les_numeros_de_bordereau_pes_se_suivent_sans_trou_ni_doublon_meme_produits_en_meme_temps()
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        var ids = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var commune = await portail.AjouterCommuneAsync();
            var titre = await AjouterTitreAsync(commune, "1 place de la Mairie, 35600 Redon", [("Socle complet — part fixe", 100m + i)]);
            ids.Add((await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, [titre], quand, aujourdHui))).Bordereau!.Id);
        }

        var resultats = await Task.WhenAll(ids.Select(id => portail.ExecuterAsync(db =>
            new ExportsPes(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportsPes>.Instance).ProduireAsync(id, TitresDeTest.Test, quand))));
        Assert.All(resultats, r => Assert.Empty(r.Refus));
        var numeros = resultats.Select(r => r.Export!.Bordereaux.Single().IdBord).Order().ToList();
        Assert.Equal(numeros.Count, numeros.Distinct().Count());
        Assert.Equal(numeros[0] + numeros.Count - 1, numeros[^1]);
        var compteur = await portail.ExecuterAsync(db => new SeriesNumerotees(db).DernierAsync(aujourdHui.Year, SemisTitres.Budget, CompteurTitres.SeriePes("01")));
        Assert.True(compteur >= numeros[^1]);
    }

    [Fact]
    public async Task Un_titre_sans_adresse_postale_complete_est_nomme_et_aucun_fichier_n_est_produit()
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        var commune = await portail.AjouterCommuneAsync("Commune sans adresse " + Guid.NewGuid().ToString("N")[..6]);
        var titre = await AjouterTitreAsync(commune, "Mairie", [("Socle complet — part fixe", 150m)]);
        var bordereau = (await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, [titre], quand, aujourdHui))).Bordereau!;
        var numero = await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == titre).Select(t => t.Numero).SingleAsync());

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var reponse = await finances.SoumettreAsync($"/titres/bordereaux/{bordereau.Id}", [], $"/titres/bordereaux/{bordereau.Id}/pes");
        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        var page = await finances.GetAsync($"/titres/bordereaux/{bordereau.Id}");
        Assert.Contains($"Titre n° {numero} ({commune.Nom}) : l'adresse du débiteur n'a pas de voie, de code postal à 5 chiffres", page.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync($"/titres/bordereaux/{bordereau.Id}/pes")).Statut);
        Assert.False(await portail.ExecuterAsync(db => db.Set<ExportPes>().AnyAsync(e => e.BordereauId == bordereau.Id)));
    }

    [Fact]
    public async Task Une_commune_ne_telecharge_ni_ne_produit_aucun_fichier_pes_et_un_agent_ne_le_produit_pas()
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        var commune = await portail.AjouterCommuneAsync();
        var titre = await AjouterTitreAsync(commune, "1 place de la Mairie, 35600 Redon", [("Socle complet — part fixe", 321m)]);
        var bordereau = (await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, [titre], quand, aujourdHui))).Bordereau!;
        Assert.Empty((await portail.ExecuterAsync(db => new ExportsPes(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportsPes>.Instance)
            .ProduireAsync(bordereau.Id, TitresDeTest.Test, quand))).Refus);

        // The commune's own secretary: the bordereau carries her titre, yet PES files are for the EPCI's staff only.
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);
        var telechargement = await mairie.GetAsync($"/titres/bordereaux/{bordereau.Id}/pes");
        Assert.Equal(HttpStatusCode.Redirect, telechargement.Statut);
        Assert.Contains("/compte/acces-refuse", telechargement.Redirection, StringComparison.Ordinal);
        var jeton = (await mairie.GetAsync("/")).Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        var production = await mairie.PostAsync($"/titres/bordereaux/{bordereau.Id}/pes", [], jeton);
        Assert.True(production.Statut == HttpStatusCode.Forbidden || production.Redirection?.Contains("/compte/acces-refuse", StringComparison.Ordinal) == true, production.Statut.ToString());

        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/titres/bordereaux/{bordereau.Id}/pes")).Statut);
        var page = await agent.GetAsync($"/titres/bordereaux/{bordereau.Id}");
        Assert.Null(page.Document.QuerySelector($"form[action='/titres/bordereaux/{bordereau.Id}/pes']"));
        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync("/titres/bordereaux/999999999/pes")).Statut);
    }

    [Fact]
    public async Task Les_parametres_pes_mal_saisis_reviennent_avec_le_message_a_cote_du_champ()
    {
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var formulaire = await finances.GetAsync("/emetteur");
        var champs = formulaire.Document.QuerySelectorAll("form[action='/emetteur'] input")
            .Where(i => i.GetAttribute("name") is { } nom && nom != "__RequestVerificationToken" && (i.GetAttribute("type") != "radio" || i.HasAttribute("checked")))
            .GroupBy(i => i.GetAttribute("name")!).ToDictionary(g => g.Key, g => g.First().GetAttribute("value"));
        champs["PesIdPost"] = "12AB";
        champs["PesCodBud"] = "000";
        var reponse = await finances.SoumettreAsync("/emetteur", champs);
        Assert.Equal(HttpStatusCode.BadRequest, reponse.Statut);
        Assert.Contains("Le codique du poste comptable compte 6 ou 7 chiffres", reponse.Texte, StringComparison.Ordinal);
        Assert.Equal("12AB", reponse.Document.QuerySelector("input[name=PesIdPost]")?.GetAttribute("value"));
        Assert.Equal("000", reponse.Document.QuerySelector("input[name=PesCodBud]")?.GetAttribute("value"));
        Assert.Equal("035999", await portail.ExecuterAsync(db => db.ParametresEmetteur.Select(p => p.PesIdPost).FirstAsync()));
    }

    private Task<int> AjouterTitreAsync(Membre membre, string adresse, (string Libelle, decimal Montant)[] lignes)
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        return portail.ExecuterAsync(async db =>
        {
            var budget = await db.ParametresEmetteur.Select(p => p.CodeBudget).FirstAsync() ?? SemisTitres.Budget;
            var prevues = lignes.Select(l => new LignePrevue(l.Libelle, "Bases de test", new Montant(l.Montant), CataloguesDeReference.Socle, null, null)).ToList();
            var refus = TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, adresse), aujourdHui.Year, aujourdHui.Year - 1,
                budget, $"Contribution au socle complet, exercice {aujourdHui.Year - 1}", "Convention cadre du service commun ; délibération du Général CC_2020_77", prevues,
                TitresDeTest.Test, quand, out var titre);
            Assert.Null(refus);
            db.TitresRecette.Add(titre!);
            await db.SaveChangesAsync();
            return titre!.Id;
        });
    }

    private Task<(int Titre, int Piece)> AjouterRemboursementAsync(Membre membre, string adresse, DateOnly aujourdHui, DateTimeOffset quand) =>
        portail.ExecuterAsync(async db =>
        {
            var budget = await db.ParametresEmetteur.Select(p => p.CodeBudget).FirstAsync() ?? SemisTitres.Budget;
            var achat = new AchatMandataire("Fournisseur de test", "F-" + Guid.NewGuid().ToString("N")[..6], aujourdHui.AddDays(-20), aujourdHui.AddDays(-10),
                "Licences bureautiques", new Montant(1250.40m));
            var refus = TitresHorsCampagne.Mandataire(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, adresse), aujourdHui.Year, budget,
                achat, "facture fournisseur.pdf", VerificationAnnexe.TypePdf, Catalogues.Pdf, TitresDeTest.Test, quand, aujourdHui, out var titre, out var piece);
            Assert.Null(refus);
            db.TitresRecette.Add(titre!);
            db.Add(piece!);
            await db.SaveChangesAsync();
            return (titre!.Id, piece!.Id);
        });

    private static async Task<HttpResponseMessage> TelechargerAsync(Session session, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        requete.Headers.Add("Cookie", session.EnTeteCookie);
        return await session.Client.SendAsync(requete);
    }
}
