using Microsoft.Playwright;
using Mutualisation.Persistence;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

[Collection(NavigateurCollection.Nom)]
public class PagesTests(PortailReel portail)
{
    private static string DossierCaptures
    {
        get
        {
            var dossier = Path.Combine(CheminDuDepot.Racine, "artifacts", "captures");
            Directory.CreateDirectory(dossier);
            return dossier;
        }
    }

    /// <summary>
    /// Opens <paramref name="chemin"/> and checks the answer before axe: the HTTP status and the start of the
    /// page's heading, so an error page that happens to be accessible does not pass. Returns the page's violations.
    /// </summary>
    private async Task<IEnumerable<string>> VerifierAsync(IPage page, string chemin, string titre, int statut = 200)
    {
        var reponse = await page.GotoAsync(portail.Adresse + chemin);
        Assert.True(reponse is not null && reponse.Status == statut, $"{chemin} : statut {reponse?.Status}, attendu {statut}");
        var h1 = (await page.Locator("h1").InnerTextAsync()).Trim();
        Assert.True(h1.StartsWith(titre, StringComparison.Ordinal), $"{chemin} : titre « {h1} », attendu « {titre}… »");
        return (await Axe.ViolationsGravesAsync(page)).Select(v => chemin + " : " + v);
    }

    [Fact]
    public async Task La_liste_des_membres_s_ouvre_dans_Chromium_sans_violation_grave_d_accessibilite()
    {
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await MenuPrincipal.SuivreAsync(page, "Membres", "/membres");
        await Attendre.AdresseAsync(page, portail.Adresse + "/membres");

        Assert.Equal("Membres — Mutualisation", await page.TitleAsync());
        var lignes = await page.Locator("tbody tr").CountAsync();
        Assert.Equal(25, lignes);
        Assert.Equal("Allaire", await page.Locator("tbody tr td:first-child").First.InnerTextAsync());
        // fr-FR thousands separator (narrow no-break space) in the population column.
        var texte = await page.Locator("main").InnerTextAsync();
        Assert.Matches("3[\u202f\u00a0 ]993", texte);

        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DossierCaptures, $"membres-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }

    [Fact]
    public async Task La_page_d_un_travail_de_fond_suit_sa_progression_sans_rechargement_et_reste_accessible()
    {
        var cle = Cle.Nouvelle();
        var id = await portail.LancerTravailAsync(Comptes.Finances, TravailSuspendu.Genre, cle);
        var page = await portail.PageConnecteeAsync(Comptes.Finances);
        await page.GotoAsync($"{portail.Adresse}/travaux/{id}");
        await Assertions.Expect(page.Locator("#etat-travail")).ToHaveTextAsync("En cours", new() { Timeout = 30_000 });
        Assert.Equal("1", await page.Locator("progress#progression").GetAttributeAsync("value"));
        Assert.Empty(await Axe.ViolationsGravesAsync(page));

        TravailSuspendu.Liberer(cle);

        // The page's script polls /travaux/{id}/etat: the state changes without a reload.
        await Assertions.Expect(page.Locator("#etat-travail")).ToHaveTextAsync("Terminé", new() { Timeout = 30_000 });
        Assert.Equal(2, await page.Locator("progress#progression").EvaluateAsync<int>("p => p.value"));
        Assert.Equal("Les deux étapes sont faites.", await page.Locator("#message-travail").InnerTextAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DossierCaptures, $"travail-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }

    [Fact]
    public async Task La_recherche_et_la_fiche_d_une_commune_fonctionnent_et_sont_accessibles()
    {
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await page.GotoAsync(portail.Adresse + "/membres");
        await page.GetByLabel("Rechercher par nom, code INSEE ou SIREN").FillAsync("fougerets");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Les Fougerêts" }).ClickAsync();

        Assert.Equal("Les Fougerêts", await page.Locator("h1").InnerTextAsync());
        Assert.EndsWith("/membres/" + portail.Executer(db => db.Membres.Single(m => m.Nom == "Les Fougerêts").Id), page.Url, StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DossierCaptures, $"fiche-membre-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }

    [Fact]
    public async Task Le_formulaire_rejete_garde_la_saisie_et_reste_accessible()
    {
        var page = await portail.PageConnecteeAsync(Comptes.Agent);
        await page.GotoAsync(portail.Adresse + "/membres/nouveau");
        await page.GetByLabel("Nom *").FillAsync("Commune à corriger");
        await page.GetByLabel("SIREN *").FillAsync("213502363");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        Assert.Equal("213502363", await page.GetByLabel("SIREN *").InputValueAsync());
        Assert.Contains("clé de contrôle", await page.Locator("#Siren-erreur").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DossierCaptures, $"formulaire-erreurs-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
    }

    [Fact]
    public async Task La_page_de_connexion_est_accessible()
    {
        var contexte = await portail.Navigateur.NewContextAsync();
        var page = await contexte.NewPageAsync();

        Assert.Empty(await VerifierAsync(page, "/compte/connexion", "Connexion"));
    }

    [Fact]
    public async Task Les_autres_pages_de_l_administration_sont_accessibles()
    {
        var page = await portail.PageConnecteeAsync(Comptes.Admin);
        var redon = portail.Executer(db => db.Membres.Single(m => m.NomRecherche == "REDON").Id);
        var violations = new List<string>();
        foreach (var (chemin, titre) in new[]
        {
            ("/", "Tableau de bord de la DSI"), ("/membres/import", "Import des communes (Etalab)"), ("/administration/utilisateurs", "Utilisateurs"),
            ("/administration/utilisateurs/nouveau", "Nouvel utilisateur"), ("/compte/mot-de-passe", "Changer de mot de passe"),
            ($"/membres/{redon}/modifier", "Modifier Redon"), ($"/membres/{redon}", "Redon"), ("/compte/acces-refuse", "Accès refusé"),
        })
        {
            violations.AddRange(await VerifierAsync(page, chemin, titre, chemin == "/compte/acces-refuse" ? 403 : 200));
        }

        Assert.Empty(violations);
    }

    [Fact]
    public async Task Le_simulateur_s_utilise_sans_compte_et_reste_accessible()
    {
        var contexte = await portail.Navigateur.NewContextAsync(new() { Locale = "fr-FR", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await contexte.NewPageAsync();
        await page.GotoAsync(portail.Adresse + "/compte/connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Simuler ma contribution" }).ClickAsync();
        var allaire = portail.Executer(db => db.Membres.Single(m => m.NomRecherche == "ALLAIRE").Id);
        await page.GetByLabel("Ma commune").SelectOptionAsync(allaire.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Formule *").SelectOptionAsync("socle-complet");
        await page.GetByLabel("Années suivantes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simuler" }).ClickAsync();
        await page.WaitForSelectorAsync("#total");

        Assert.Equal("Socle complet — exercice " + PortailFactory.Exercice, await page.Locator("h2#titre-resultat").InnerTextAsync());
        Assert.Matches("^[0-9\u202f]+,[0-9]{2} €$", await page.Locator("#total").InnerTextAsync());
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
        await page.ScreenshotAsync(new() { Path = Path.Combine(DossierCaptures, $"simulateur-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });

        await page.GotoAsync(portail.Adresse + "/simulation?population=-4&formule=audit");
        Assert.Contains("négative", await page.Locator("#population-erreur").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(await Axe.ViolationsGravesAsync(page));
    }

    [Fact]
    public async Task Les_pages_du_catalogue_sont_accessibles()
    {
        var page = await portail.PageConnecteeAsync(Comptes.Finances);
        var (version, socle) = portail.Executer(db => db.VersionsCatalogue
            .Where(v => v.Exercice == PortailFactory.Exercice)
            .Select(v => new { v.Id, Socle = v.Services.First(s => s.Code == "SOCLE").Id })
            .AsEnumerable().Select(x => (x.Id, x.Socle)).First());
        var brouillon = portail.Executer(db =>
        {
            var copie = Domain.Catalogue.VersionCatalogue.CopierDe(db.VersionsCatalogue.AvecTarifs().Single(v => v.Id == version), 2091);
            db.VersionsCatalogue.Add(copie);
            db.SaveChanges();
            return (copie.Id, copie.Services.Single(s => s.Code == "SOCLE").Id);
        });

        var violations = new List<string>();
        var exercice = PortailFactory.Exercice;
        foreach (var (chemin, titre) in new[]
        {
            ("/documentation/api", "Référence de l'API"),
            ("/", "Tableau de bord des finances"), ("/catalogue", "Catalogue de services"), ("/contributions?formule=socle-complet", "Projection des contributions"),
            ($"/catalogue/{version}", $"Catalogue {exercice}"), ($"/catalogue/{brouillon.Item1}", "Catalogue 2091"), ($"/catalogue/{brouillon.Item1}/voter", "Vote du catalogue 2091"),
            ($"/catalogue/{brouillon.Item1}/parametres", "Paramètres du catalogue 2091"), ($"/catalogue/{brouillon.Item1}/services/nouveau", "Nouveau service — catalogue 2091"),
            ($"/catalogue/{brouillon.Item1}/formules/nouvelle", "Nouvelle formule — catalogue 2091"), ($"/catalogue/{brouillon.Item1}/services/{brouillon.Item2}/composantes/0/modifier", "Modifier la composante"),
            ($"/catalogue/{brouillon.Item1}/quantites/nouvelle", "Déclarer une quantité — catalogue 2091"),
        })
        {
            violations.AddRange(await VerifierAsync(page, chemin, titre));
            if (chemin == $"/catalogue/{version}" || chemin.StartsWith("/contributions", StringComparison.Ordinal) || chemin.EndsWith("/modifier", StringComparison.Ordinal))
            {
                var nom = chemin.StartsWith("/contributions", StringComparison.Ordinal) ? "contributions" : chemin.EndsWith("/modifier", StringComparison.Ordinal) ? "composante" : "catalogue";
                await page.ScreenshotAsync(new() { Path = Path.Combine(DossierCaptures, $"{nom}-{BaseDeTest.FournisseurDemande}.png"), FullPage = true });
            }
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Les_tranches_s_ajoutent_et_se_retirent_sur_la_page_sans_la_recharger()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync(2092);
        var socle = portail.Executer(db => db.VersionsCatalogue.AvecTarifs().Single(v => v.Id == brouillon).Services.Single(s => s.Code == "SOCLE").Id);
        var page = await portail.PageConnecteeAsync(Comptes.Finances);
        var url = $"/catalogue/{brouillon}/services/{socle}/composantes/0/modifier";
        await page.GotoAsync(portail.Adresse + url);
        var lignes = page.Locator("table[data-tranches] tbody tr");
        var avant = await lignes.CountAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter une tranche" }).ClickAsync();
        Assert.Equal(avant + 1, await lignes.CountAsync());
        Assert.EndsWith(url, page.Url, StringComparison.Ordinal);
        await page.Locator($"#Tranches_{avant}_Libelle").FillAsync("plus de 8 000 habitants");
        await page.Locator($"#Tranches_{avant}_Minimum").FillAsync("8001");
        await page.Locator($"#Tranches_{avant}_Montant").FillAsync("3000,00");

        // The empty row the page offers is removed; the new one takes its place and its number.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Retirer la tranche {avant}" }).ClickAsync();
        Assert.Equal(avant, await lignes.CountAsync());
        Assert.Equal("8001", await page.Locator($"#Tranches_{avant - 1}_Minimum").InputValueAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Attendre.AdresseAsync(page, new System.Text.RegularExpressions.Regex("^(?!.*/modifier$)"));
        var tranches = portail.Executer(db => db.VersionsCatalogue.AvecTarifs().Single(v => v.Id == brouillon).Services.Single(s => s.Code == "SOCLE").Composantes[0].Tranches);
        Assert.Equal(4, tranches.Count);
        Assert.Equal(3000m, tranches[3].Montant.Euros);
    }
}
