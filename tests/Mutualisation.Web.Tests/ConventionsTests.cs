using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class ConventionsTests(PortailFactory portail)
{
    private static string Texte(int valeur) => valeur.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Un_agent_cree_signe_met_en_vigueur_et_denonce_une_convention_cadre_et_voit_la_date_de_sortie()
    {
        var commune = await portail.AjouterCommuneAsync();
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var creation = await agent.SoumettreAsync($"/conventions/nouvelle?membre={commune.Id}", new()
        {
            ["MembreId"] = Texte(commune.Id), ["Modele"] = "ServiceCommun",
            ["DeliberationMembreNumero"] = "2024-65", ["DeliberationMembreDate"] = "27/06/2024", ["DeliberationMembreOrgane"] = "Conseil municipal",
            ["DeliberationEpciNumero"] = "CC_2020_77", ["DeliberationEpciDate"] = "15/07/2020", ["DeliberationEpciOrgane"] = "Conseil communautaire",
        }, "/conventions/nouvelle");
        Assert.Equal(HttpStatusCode.Redirect, creation.Statut);
        var url = creation.Redirection!;

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url + "/signer", new() { ["SignatureMembre"] = "05/07/2024", ["SignatureEpci"] = "08/07/2024" })).Statut);
        var detail = await agent.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.PostAsync(url + "/mettre-en-vigueur", [], Jeton(detail, url + "/mettre-en-vigueur"))).Statut);
        var denonciation = await agent.SoumettreAsync(url + "/denonciation", new()
        {
            ["DateReception"] = "10/03/2026", ["Reference"] = "LRAR 1A 234", ["Par"] = "Membre",
        });
        Assert.Equal(HttpStatusCode.Redirect, denonciation.Statut);

        var page = await agent.GetAsync(url);
        Assert.StartsWith("10/03/2027", page.Document.GetElementById("date-sortie")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("08/07/2024", page.Document.GetElementById("date-effet")!.TextContent.Trim());
        var historique = page.Document.QuerySelectorAll("tr.evenement-convention").Select(tr => tr.TextContent).ToList();
        Assert.Contains(historique, l => l.Contains("Signé → En vigueur", StringComparison.Ordinal) || l.Contains("Signée → En vigueur", StringComparison.Ordinal));
        Assert.Contains(historique, l => l.Contains("En vigueur → Dénoncée", StringComparison.Ordinal) && l.Contains("Alain Agent (démo)", StringComparison.Ordinal));

        // The member's page links to its conventions and its history reads the changes in French.
        var membre = await agent.GetAsync($"/membres/{commune.Id}");
        Assert.NotNull(membre.Document.QuerySelector($"a[href='/conventions?Membre={commune.Id}']"));
        var lignes = membre.Document.QuerySelectorAll("tr.entree-historique").Select(tr => tr.TextContent).ToList();
        Assert.Contains(lignes, l => l.Contains("Date de sortie", StringComparison.Ordinal) && l.Contains("10/03/2027", StringComparison.Ordinal));

        var api = await agent.GetAsync("/api/v1/conventions");
        var ligne = JsonDocument.Parse(api.Texte).RootElement.EnumerateArray().Single(e => e.GetProperty("inseeCode").GetString() == commune.CodeInsee.Valeur);
        Assert.Equal(("service-commun", "denoncee", "2024-07-08", "2026-03-10", "2027-03-10"),
            (ligne.GetProperty("modele").GetString(), ligne.GetProperty("statut").GetString(), ligne.GetProperty("dateEffet").GetString(),
             ligne.GetProperty("dateDenonciation").GetString(), ligne.GetProperty("dateSortie").GetString()));
    }

    [Fact]
    public async Task Une_convention_globale_refuse_la_mise_en_vigueur_sans_controle_de_legalite()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (id, _) = await portail.AjouterConventionAsync(commune.Id, ModeleConvention.ConventionGlobale, StatutConvention.Signee);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync($"/conventions/{id}/proces-verbal", new() { ["Date"] = "12/09/2024" })).Statut);

        var detail = await agent.GetAsync($"/conventions/{id}");
        var refus = await agent.PostAsync($"/conventions/{id}/mettre-en-vigueur", [], Jeton(detail, $"/conventions/{id}/mettre-en-vigueur"));
        var page = await agent.GetAsync(refus.Redirection!);

        Assert.Contains("n'est exécutoire qu'après son enregistrement au contrôle de légalité", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("01/10/2024 (sous réserve du contrôle de légalité)", page.Document.GetElementById("date-effet")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StatutConvention.Signee, await portail.ExecuterAsync(db => db.Conventions.Where(c => c.Id == id).Select(c => c.Statut).SingleAsync()));
    }

    [Fact]
    public async Task Un_identifiant_ACTES_mal_forme_revient_a_cote_de_son_champ_avec_la_saisie()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (id, _) = await portail.AjouterConventionAsync(commune.Id, ModeleConvention.ConventionGlobale, StatutConvention.Signee);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var page = await agent.SoumettreAsync($"/conventions/{id}/controle-de-legalite", new() { ["Identifiant"] = "014-211407150-2024-65-DE", ["Date"] = "02/07/2024" });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains("identifiant ACTES se compose", page.ErreurDuChamp("Identifiant"), StringComparison.Ordinal);
        Assert.Equal("014-211407150-2024-65-DE", page.ValeurDuChamp("Identifiant"));
        Assert.Equal("02/07/2024", page.ValeurDuChamp("Date"));
        Assert.Null(await portail.ExecuterAsync(db => db.Conventions.Where(c => c.Id == id).Select(c => c.ControleLegaliteIdentifiant).SingleAsync()));

        var datee = await agent.SoumettreAsync($"/conventions/{id}/controle-de-legalite", new() { ["Identifiant"] = "014-211407150-20240627-2024-65-DE", ["Date"] = "26/06/2024" });
        Assert.Contains("27/06/2024", datee.ErreurDuChamp("Date"), StringComparison.Ordinal);

        var juste = await agent.SoumettreAsync($"/conventions/{id}/controle-de-legalite", new() { ["Identifiant"] = "014-211407150-20240627-2024-65-DE", ["Date"] = "02/07/2024" });
        Assert.Equal(HttpStatusCode.Redirect, juste.Statut);
        Assert.Equal("014-211407150-20240627-2024-65-DE", await portail.ExecuterAsync(db => db.Conventions.Where(c => c.Id == id).Select(c => c.ControleLegaliteIdentifiant).SingleAsync()));
    }

    [Fact]
    public async Task Un_document_qui_n_est_pas_un_vrai_PDF_est_refuse_et_un_vrai_se_telecharge_en_piece_jointe()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (id, _) = await portail.AjouterConventionAsync(commune.Id);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var faux = await DeposerAsync(agent, id, "Délibération faussée", "%PDF-1.7 ceci n'est pas un PDF"u8.ToArray(), "deliberation.pdf");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, faux.Statut);
        Assert.Contains("n'a pas le contenu d'un fichier .pdf", faux.ErreurDuChamp("fichier"), StringComparison.Ordinal);
        Assert.Equal("Délibération faussée", faux.ValeurDuChamp("Titre"));

        var vrai = await DeposerAsync(agent, id, "Délibération du conseil", Catalogues.Pdf, "../../délibération\u202E.pdf");
        Assert.Equal(HttpStatusCode.Redirect, vrai.Statut);
        var documents = await portail.ExecuterAsync(db => db.Set<DocumentConvention>().Where(d => d.ConventionId == id).OrderBy(d => d.Id).Select(d => new { d.Id, d.Titre, d.NomFichier }).ToListAsync());
        Assert.Equal(["Convention signée", "Délibération du conseil"], documents.Select(d => d.Titre));

        var telechargement = await agent.GetAsync($"/conventions/{id}/documents/{documents[1].Id}");
        Assert.Equal(HttpStatusCode.OK, telechargement.Statut);
        var disposition = telechargement.Reponse.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.DoesNotContain("/", disposition.FileNameStar ?? disposition.FileName, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", disposition.FileNameStar ?? disposition.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_mairie_lit_sa_convention_sans_pouvoir_la_modifier_et_ne_trouve_pas_celle_d_une_autre_commune()
    {
        var propre = await portail.AjouterCommuneAsync();
        var etrangere = await portail.AjouterCommuneAsync();
        var (sienne, document) = await portail.AjouterConventionAsync(propre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        var (autre, documentAutre) = await portail.AjouterConventionAsync(etrangere.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, propre.Id), Comptes.MotDePasse);

        var page = await mairie.GetAsync($"/conventions/{sienne}");
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains(propre.Nom, page.TexteVisible, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector($"a[href='/conventions/{sienne}/denonciation']"));
        Assert.Null(page.Document.QuerySelector("form[action$='/documents']"));
        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/conventions/{sienne}/documents/{document}")).Statut);
        var formulaire = await mairie.GetAsync($"/conventions/{sienne}/denonciation");
        Assert.True(formulaire.Statut == HttpStatusCode.Forbidden || formulaire.Redirection?.Contains("/compte/acces-refuse", StringComparison.Ordinal) == true, $"{formulaire.Statut}");

        var etranger = await mairie.GetAsync($"/conventions/{autre}");
        Assert.Equal(HttpStatusCode.NotFound, etranger.Statut);
        Assert.Contains("Page introuvable", etranger.TexteVisible, StringComparison.Ordinal);
        Assert.DoesNotContain(etrangere.Nom, etranger.Texte, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/conventions/{autre}/documents/{documentAutre}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/conventions/{sienne}/documents/{documentAutre}")).Statut);

        var api = JsonDocument.Parse((await mairie.GetAsync("/api/v1/conventions")).Texte).RootElement;
        Assert.Equal([propre.CodeInsee.Valeur], api.EnumerateArray().Select(e => e.GetProperty("inseeCode").GetString()));
    }

    [Fact]
    public async Task Un_identifiant_inconnu_donne_une_page_404_en_francais()
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var page = await agent.GetAsync("/conventions/987654321");
        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        Assert.Contains("Page introuvable", page.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_tableau_de_bord_range_les_conventions_a_suivre()
    {
        var aSigner = await portail.AjouterCommuneAsync();
        var enAttente = await portail.AjouterCommuneAsync();
        await portail.AjouterConventionAsync(aSigner.Id);
        await portail.AjouterConventionAsync(enAttente.Id, ModeleConvention.ConventionGlobale, StatutConvention.Signee);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var page = await finances.GetAsync("/conventions/tableau-de-bord");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains(aSigner.Nom, page.Document.GetElementById("a-signer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(enAttente.Nom, page.Document.GetElementById("controle")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(aSigner.Nom, page.Document.GetElementById("controle")!.TextContent, StringComparison.Ordinal);
        // The demo's notice (received 30 days before the tests' today) is pending.
        Assert.NotEqual("0", page.Document.QuerySelector("#titre-denoncees .badge")!.TextContent.Trim());
    }

    [Fact]
    public async Task L_API_des_conventions_est_decrite_en_francais_dans_le_document_OpenAPI()
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var json = JsonDocument.Parse((await agent.GetAsync("/openapi/v1.json")).Texte);

        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/v1/conventions").GetProperty("get");
        Assert.StartsWith("Conventions des membres", operation.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("date de sortie", operation.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_deux_profils_de_demonstration_ont_des_conventions_dans_plusieurs_etats_semees_une_seule_fois()
    {
        var redon = await portail.ExecuterAsync(db => db.Conventions.Join(db.Membres, c => c.MembreId, m => m.Id, (c, m) => new { m.NomRecherche, c.Modele, c.Statut })
            .Where(x => x.NomRecherche == "ALLAIRE" || x.NomRecherche == "SAINT NICOLAS DE REDON").OrderBy(x => x.NomRecherche).ToListAsync());
        Assert.Equal([(ModeleConvention.ServiceCommun, StatutConvention.EnVigueur), (ModeleConvention.ServiceCommun, StatutConvention.Denoncee)],
            redon.Select(x => (x.Modele, x.Statut)));

        using var cccf = PortailFactory.SurUneNouvelleBase();
        cccf.Reglages["Demo:Profil"] = "coeur-cote-fleurie";
        var conventions = await cccf.ExecuterAsync(db => db.Conventions.AsNoTracking().Join(db.Membres, c => c.MembreId, m => m.Id, (c, m) => new { m.Siren, c })
            .ToListAsync());
        Assert.All(conventions, x => Assert.Equal(ModeleConvention.ConventionGlobale, x.c.Modele));
        var trouville = conventions.Single(x => x.Siren.Valeur == "211407150").c;
        Assert.Equal(StatutConvention.EnVigueur, trouville.Statut);
        Assert.StartsWith("014-211407150-", trouville.ControleLegaliteIdentifiant, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 1), conventions.Single(x => x.c.Statut == StatutConvention.Denoncee).c.DateSortie);
        Assert.True(conventions.Single(x => x.c.Statut == StatutConvention.Signee).c.AttendLeControleDeLegalite);
        Assert.Single(conventions, x => x.c.Statut == StatutConvention.Brouillon);

        using var redemarre = PortailFactory.SurLaMemeBase(cccf);
        Assert.Equal(conventions.Count, await redemarre.ExecuterAsync(db => db.Conventions.CountAsync()));
    }

    private static string Jeton(Session.Page page, string action) =>
        page.Document.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action)
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static async Task<Session.Page> DeposerAsync(Session session, int id, string titre, byte[] fichier, string nom)
    {
        var jeton = Jeton(await session.GetAsync($"/conventions/{id}"), $"/conventions/{id}/documents");
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent("Deliberation"), "Nature" },
            { new StringContent(titre), "Titre" },
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(fichier), "fichier", nom },
        };
        return await session.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri($"/conventions/{id}/documents", UriKind.Relative)) { Content = contenu });
    }
}
