using System.Net;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>The shell: navigation by activity filtered by the authorization policies, a home page per role, the favicon.</summary>
[Collection(PortailCollection.Nom)]
public class NavigationTests(PortailFactory portail)
{
    private async Task<Session> SessionAsync(string role)
    {
        var commune = role == Roles.Mairie ? (await portail.AjouterCommuneAsync("Commune navigante " + Guid.NewGuid().ToString("N")[..6])).Id : (int?)null;
        return await portail.ConnecterAsync(await portail.CreerAsync(role, commune), Comptes.MotDePasse);
    }

    private static List<(string Libelle, string Url)> Liens(Session.Page page) =>
        page.Document.QuerySelectorAll("#menu .sous-menu a")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href")!))
            .ToList();

    [Theory]
    [InlineData(Roles.Mairie, "Membres|Projets|Facturation", "Ma commune|Ma convention|Mes missions N1|Mes audits|Mes fiches projet|Catalogue|Mes titres|Simulateur")]
    [InlineData(Roles.AgentDSI, "Membres|Projets|Facturation", "Membres|Conventions|Tableau de bord des conventions|Missions N1|Jours N1 par membre|Audits|Fiches projet|COPIL|Schéma directeur|Catalogue|Contributions|Campagnes de facturation|Titres de recette|Simulateur")]
    [InlineData(Roles.Finance, "Membres|Projets|Facturation", "Membres|Conventions|Tableau de bord des conventions|Missions N1|Jours N1 par membre|Audits|Fiches projet|COPIL|Schéma directeur|Catalogue|Contributions|Campagnes de facturation|Titres de recette|Émetteur des titres|Simulateur")]
    [InlineData(Roles.AdministrateurDSI, "Membres|Projets|Facturation|Administration", "Membres|Import Etalab|Conventions|Tableau de bord des conventions|Missions N1|Jours N1 par membre|Audits|Fiches projet|COPIL|Schéma directeur|Catalogue|Contributions|Campagnes de facturation|Titres de recette|Émetteur des titres|Simulateur|Utilisateurs|Courriels du portail")]
    public async Task Chaque_role_ne_voit_que_les_entrees_qu_il_peut_ouvrir_et_chacune_s_ouvre(string role, string groupes, string entrees)
    {
        using var session = await SessionAsync(role);
        var accueil = await session.GetAsync("/");

        var titres = accueil.Document.QuerySelectorAll("#menu .groupe-menu summary").Select(s => s.TextContent.Trim());
        Assert.Equal(groupes, string.Join('|', titres));
        var liens = Liens(accueil);
        Assert.Equal(entrees, string.Join('|', liens.Select(l => l.Libelle)));
        foreach (var (libelle, url) in liens)
        {
            var page = await session.GetAsync(url);
            Assert.True(page.Statut == HttpStatusCode.OK, $"{role} : « {libelle} » ({url}) répond {(int)page.Statut} {page.Redirection}");
        }
    }

    [Fact]
    public async Task La_page_courante_est_marquee_et_son_groupe_aussi()
    {
        using var session = await SessionAsync(Roles.AgentDSI);
        var commune = await portail.AjouterCommuneAsync();

        var liste = await session.GetAsync("/membres");
        Assert.Equal("page", liste.Document.QuerySelector("#menu a[href='/membres']")!.GetAttribute("aria-current"));
        Assert.Single(liste.Document.QuerySelectorAll("#menu [aria-current]"));
        Assert.Contains("actif", liste.Document.QuerySelector("#menu a[href='/membres']")!.Closest(".groupe-menu")!.ClassName, StringComparison.Ordinal);

        // Inside the section, the entry says "you are in here" rather than "this page".
        var fiche = await session.GetAsync($"/membres/{commune.Id}");
        Assert.Equal("true", fiche.Document.QuerySelector("#menu a[href='/membres']")!.GetAttribute("aria-current"));

        var accueil = await session.GetAsync("/");
        Assert.Equal("page", accueil.Document.QuerySelector("#menu a[href='/']")!.GetAttribute("aria-current"));
        Assert.Single(accueil.Document.QuerySelectorAll("#menu [aria-current]"));
    }

    [Fact]
    public async Task Le_bouton_du_menu_annonce_son_etat_et_la_page_ne_contient_aucun_script_en_ligne()
    {
        using var session = await SessionAsync(Roles.Finance);
        var page = await session.GetAsync("/catalogue");

        var bouton = page.Document.QuerySelector("button.navbar-toggler")!;
        Assert.Equal("false", bouton.GetAttribute("aria-expanded"));
        Assert.Equal("menu", bouton.GetAttribute("aria-controls"));
        Assert.Contains("Menu", bouton.TextContent, StringComparison.Ordinal);
        Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src"))));
        Assert.Equal("/favicon.svg", page.Document.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData(Roles.AgentDSI, "Tableau de bord de la DSI", "carte-membres")]
    [InlineData(Roles.AdministrateurDSI, "Tableau de bord de la DSI", "carte-administration")]
    [InlineData(Roles.Finance, "Tableau de bord des finances", "carte-contributions")]
    [InlineData(Roles.Mairie, "Espace mairie — Commune navigante", "carte-commune")]
    public async Task Chaque_role_a_sa_page_d_accueil(string role, string titre, string section)
    {
        using var session = await SessionAsync(role);

        var accueil = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, accueil.Statut);
        Assert.StartsWith(titre, accueil.Document.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(accueil.Document.GetElementById(section));
        Assert.NotNull(accueil.Document.GetElementById("carte-catalogue"));
    }

    [Fact]
    public async Task L_accueil_d_une_mairie_montre_sa_commune_et_le_simulateur_pour_elle()
    {
        var commune = await portail.AjouterCommuneAsync("Commune accueillie " + Guid.NewGuid().ToString("N")[..6], population: 2355);
        using var session = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);

        var accueil = await session.GetAsync("/");

        Assert.Equal("Espace mairie — " + commune.Nom, accueil.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("2 355", accueil.TexteVisible.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.NotNull(accueil.Document.QuerySelector($"a[href='/membres/{commune.Id}']"));
        Assert.NotNull(accueil.Document.QuerySelector($"a[href='/simulation?commune={commune.Id}']"));
        Assert.Null(accueil.Document.GetElementById("carte-membres"));
    }

    [Fact]
    public async Task L_accueil_d_une_mairie_montre_sa_convention_et_ses_contacts_et_rien_de_ceux_d_une_autre_commune()
    {
        var commune = await portail.AjouterCommuneAsync("Commune conventionnée " + Guid.NewGuid().ToString("N")[..6]);
        var autre = await portail.AjouterCommuneAsync("Commune voisine " + Guid.NewGuid().ToString("N")[..6]);
        var (sienne, _) = await portail.AjouterConventionAsync(commune.Id, jusqua: Domain.Conventions.StatutConvention.EnVigueur);
        var (etrangere, _) = await portail.AjouterConventionAsync(autre.Id, jusqua: Domain.Conventions.StatutConvention.Signee);
        using var session = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);

        var accueil = await session.GetAsync("/");

        var convention = accueil.Document.GetElementById("carte-convention")!.ParentElement!;
        Assert.NotNull(convention.QuerySelector($"a[href='/conventions/{sienne}']"));
        Assert.Contains("En vigueur", convention.TextContent, StringComparison.Ordinal);
        Assert.Contains("08/07/2024", convention.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reconduction tacite", convention.TextContent, StringComparison.Ordinal);
        Assert.NotNull(accueil.Document.GetElementById("carte-contacts"));
        Assert.Null(accueil.Document.QuerySelector($"a[href='/conventions/{etrangere}']"));
        Assert.DoesNotContain(autre.Nom, accueil.Texte, StringComparison.Ordinal);
        Assert.Null(accueil.Document.GetElementById("carte-conventions"));
    }

    [Fact]
    public async Task L_accueil_de_la_dsi_resume_les_conventions_a_traiter()
    {
        var commune = await portail.AjouterCommuneAsync();
        await portail.AjouterConventionAsync(commune.Id);
        using var session = await portail.ConnecterAsync(Comptes.Agent);

        var accueil = await session.GetAsync("/");

        var carte = accueil.Document.GetElementById("carte-conventions")!.ParentElement!;
        var aSigner = carte.QuerySelector("a[href='/conventions/tableau-de-bord#a-signer']")!;
        Assert.Matches(@"^\d+ à signer$", aSigner.TextContent.Trim());
        Assert.NotEqual("0 à signer", aSigner.TextContent.Trim());
    }

    [Fact]
    public async Task Le_favicon_est_servi_sans_connexion()
    {
        using var session = portail.NouvelleSession();

        var reponse = await session.Client.GetAsync(new Uri("/favicon.svg", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("image/svg+xml", reponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Une_fonctionnalite_reunit_plusieurs_controleurs_et_leurs_vues()
    {
        using var session = await portail.ConnecterAsync(Comptes.Admin);

        // ImportMembresController lives in Features/Membres: its view is Features/Membres/Views/ImportMembres/Index.cshtml.
        var import = await session.GetAsync("/membres/import");

        Assert.Equal(HttpStatusCode.OK, import.Statut);
        Assert.NotNull(import.Document.QuerySelector("input[type=file]"));
    }
}
