using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Features.Catalogue;
using Mutualisation.Web.Infrastructure;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Bad input never gives a 500 and never reaches another row: one regression test per attack of issue 7.</summary>
[Collection(PortailCollection.Nom)]
public class SaisiesTests(PortailFactory portail)
{
    [Theory]
    [InlineData("exercice=0")]
    [InlineData("exercice=10000")]
    [InlineData("exercice=2147483647")]
    [InlineData("exercice=1999")]
    [InlineData("joursN1=79228162514264337593543950335")]
    [InlineData("joursN1=10000.5")]
    public async Task Un_exercice_ou_des_jours_N1_absurdes_donnent_400_en_francais_a_un_anonyme(string parametre)
    {
        using var anonyme = portail.NouvelleSession();

        var page = await anonyme.GetAsync("/api/v1/simulation?population=2355&formule=socle-complet&annee=premiere&" + parametre);

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Equal("application/problem+json", page.Reponse.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(page.Texte).RootElement.GetProperty("detail").GetString();
        Assert.Contains(parametre.Split('=')[0], detail, StringComparison.Ordinal);
        Assert.Matches("(année entre 2000 et 2100|demi-journées)", detail);
    }

    [Theory]
    [InlineData("exercice", "0", "année entre 2000 et 2100")]
    [InlineData("exercice", "2147483647", "année entre 2000 et 2100")]
    [InlineData("joursN1", "79228162514264337593543950335", "au plus 10000")]
    public async Task La_page_du_simulateur_rend_le_formulaire_avec_l_erreur_a_cote_du_champ(string champ, string valeur, string message)
    {
        using var anonyme = portail.NouvelleSession();

        var page = await anonyme.GetAsync($"/simulation?population=2355&formule=socle-complet&annee=premiere&{champ}={valeur}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
        Assert.Contains(message, page.ErreurDuChamp(champ), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_contributions_d_un_exercice_absurde_sont_introuvables_et_non_une_erreur()
    {
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var page = await finances.GetAsync("/contributions?exercice=0");

        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        Assert.Contains("Page introuvable", page.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_page_au_dela_de_la_derniere_de_l_API_des_membres_est_vide_avec_le_vrai_total()
    {
        await portail.AjouterCommuneAsync();
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var total = JsonDocument.Parse((await admin.GetAsync("/api/v1/membres?taille=1")).Texte).RootElement.GetProperty("total").GetInt32();

        var page = await admin.GetAsync("/api/v1/membres?page=2147483647&taille=200");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        var json = JsonDocument.Parse(page.Texte).RootElement;
        Assert.Equal(0, json.GetProperty("elements").GetArrayLength());
        Assert.Equal(2147483647, json.GetProperty("page").GetInt32());
        Assert.True(json.GetProperty("total").GetInt32() >= total);
    }

    [Fact]
    public async Task Un_champ_id_du_formulaire_ne_remplace_pas_l_identifiant_de_l_URL()
    {
        var cible = await portail.AjouterCommuneAsync();
        var autre = await portail.AjouterCommuneAsync();
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var url = $"/membres/{cible.Id}/modifier";
        var champs = (await admin.GetAsync(url)).ChampsDuFormulaire(url);
        champs["Nom"] = "Renommée par l'URL " + Guid.NewGuid().ToString("N")[..6];
        champs["id"] = autre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        champs["Id"] = autre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var reponse = await admin.SoumettreAsync(url, champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        Assert.Equal($"/membres/{cible.Id}", reponse.Redirection);
        var noms = await portail.ExecuterAsync(db => db.Membres.AsNoTracking().Where(m => m.Id == cible.Id || m.Id == autre.Id).ToDictionaryAsync(m => m.Id, m => m.Nom));
        Assert.Equal(champs["Nom"], noms[cible.Id]);
        Assert.Equal(autre.Nom, noms[autre.Id]);
    }

    [Fact]
    public void Tout_parametre_d_action_nomme_comme_un_parametre_de_route_est_lu_dans_la_route_seulement()
    {
        var descripteurs = portail.Services.GetRequiredService<Microsoft.AspNetCore.Mvc.Infrastructure.IActionDescriptorCollectionProvider>().ActionDescriptors.Items;
        var fautifs = descripteurs
            .Where(d => d.AttributeRouteInfo?.Template is not null)
            .SelectMany(d => d.Parameters
                .Where(p => Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(d.AttributeRouteInfo!.Template!).Parameters
                    .Any(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
                .Where(p => p.BindingInfo?.BindingSource != Microsoft.AspNetCore.Mvc.ModelBinding.BindingSource.Path)
                .Select(p => $"{d.DisplayName} ({p.Name})"))
            .ToList();

        Assert.True(fautifs.Count == 0, "Paramètres de route que le formulaire peut remplacer : " + string.Join(", ", fautifs));
    }

    [Fact]
    public async Task L_import_etalab_refuse_un_nom_trop_long_et_le_dit_sans_l_enregistrer()
    {
        var epci = Jeux.SirenUnique();
        var (sirenLong, sirenBon) = (Jeux.SirenUnique(), Jeux.SirenUnique());
        var nomLong = new string('A', 5000);
        var json = $$"""
            [{"code":"{{epci}}","nom":"EPCI","membres":[
              {"code":"{{Jeux.InseeUnique()}}","siren":"{{sirenLong}}","nom":"{{nomLong}}","populationTotale":10,"populationMunicipale":9},
              {"code":"{{Jeux.InseeUnique()}}","siren":"{{sirenBon}}","nom":"Commune \u202Eà contrôle","populationTotale":10,"populationMunicipale":9},
              {"code":"{{Jeux.InseeUnique()}}","siren":"{{Jeux.SirenUnique()}}","nom":"Bonne commune","populationTotale":10,"populationMunicipale":9}]}]
            """;
        await using var scope = portail.Services.CreateAsyncScope();
        await using var flux = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var rapport = await scope.ServiceProvider.GetRequiredService<Features.Membres.ImportEtalab>().ImporterAsync(flux, epci, 2023, CancellationToken.None);

        Assert.Equal(["Bonne commune"], rapport.Crees);
        Assert.Equal(2, rapport.Refusees.Count);
        Assert.Contains("ne doit pas dépasser 200 caractères (reçu 5000)", rapport.Refusees[0], StringComparison.Ordinal);
        Assert.Contains("caractères de contrôle", rapport.Refusees[1], StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', rapport.Refusees[1]);
        Assert.Contains("2 ligne(s) refusée(s)", rapport.Resume, StringComparison.Ordinal);
        Assert.False(await portail.ExecuterAsync(db => db.Membres.IgnoreQueryFilters().AnyAsync(m => m.Siren == Domain.Commun.Siren.Parse(sirenLong) || m.Siren == Domain.Commun.Siren.Parse(sirenBon))));
    }

    [Fact]
    public void Le_domaine_refuse_un_nom_ou_un_contact_que_la_base_ne_tiendrait_pas()
    {
        var membre = Jeux.Commune();

        var nom = Assert.Throws<ArgumentException>(() => membre.Renommer(new string('x', Domain.Membres.Membre.LongueurMaxNom + 1)));
        var contact = Assert.Throws<ArgumentException>(() => membre.ModifierCoordonnees(Domain.Membres.Adresse.Vide, new Domain.Membres.Contact(null, null, null, new string('0', 31)), Domain.Membres.Contact.Vide));

        Assert.Contains("200 caractères", nom.Message, StringComparison.Ordinal);
        Assert.Contains("Le téléphone du contact ne doit pas dépasser 30 caractères", contact.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rapport.pdf", "rapport.pdf")]
    [InlineData("C:\\Users\\moi\\Documents\\rapport.pdf", "rapport.pdf")]
    [InlineData("../../etc/rapport.pdf", "rapport.pdf")]
    [InlineData("facture\u202Efdp.exe", "facturefdp.exe")]
    [InlineData("a\u0000b\u0007c.pdf", "abc.pdf")]
    [InlineData("  ..cache.pdf  ", "cache.pdf")]
    [InlineData("deux:points*et?.pdf", "deux_points_et_.pdf")]
    [InlineData("\u202E", "fichier")]
    [InlineData(null, "fichier")]
    public void Un_nom_de_fichier_est_nettoye(string? envoye, string garde) => Assert.Equal(garde, NomDeFichier.Nettoyer(envoye));

    [Fact]
    public void Un_nom_de_fichier_trop_long_est_coupe_en_gardant_son_extension()
    {
        var nom = NomDeFichier.Nettoyer(new string('é', 1000) + ".docx");

        Assert.Equal(NomDeFichier.LongueurMax, nom.Length);
        Assert.EndsWith("é.docx", nom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_annexe_deposee_sous_un_nom_piege_est_enregistree_et_rendue_sous_un_nom_propre()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var envoye = "..\\..\\" + new string('n', 1000) + "\u202Etxt\u0000.pdf";

        var depot = await DeposerAsync(finances, brouillon, "Annexe au nom piégé", Catalogues.Pdf, envoye);

        Assert.Equal(HttpStatusCode.Redirect, depot.Statut);
        var annexe = (await portail.LireAsync(brouillon)).Annexes.Single(a => a.Titre == "Annexe au nom piégé");
        Assert.Equal(NomDeFichier.LongueurMax, annexe.NomFichier.Length);
        Assert.Matches("^n+\\.pdf$", annexe.NomFichier);
        Assert.DoesNotContain(annexe.NomFichier, c => c is '\u202E' or '\0' or '\\' or '/');
        var telechargement = await finances.GetAsync($"/catalogue/{brouillon}/annexes/{annexe.Id}");
        var disposition = telechargement.Reponse.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(annexe.NomFichier, disposition.FileNameStar ?? disposition.FileName!.Trim('"'));
    }

    [Theory]
    [InlineData("tronque.pdf", "pdf-tronque")]
    [InlineData("faux.odt", "odt-mauvais-mimetype")]
    [InlineData("sans-contenu.odt", "odt-sans-contenu")]
    [InlineData("faux.docx", "docx-sans-document")]
    [InlineData("zip-casse.docx", "zip-casse")]
    public async Task Une_annexe_est_verifiee_au_dela_de_ses_premiers_octets(string nom, string cas)
    {
        var contenu = cas switch
        {
            "pdf-tronque" => Catalogues.Pdf[..20],
            "odt-mauvais-mimetype" => Zip(("mimetype", "application/zip"), ("content.xml", "<office:document-content/>")),
            "odt-sans-contenu" => Zip(("mimetype", VerificationAnnexe.TypeOdt)),
            "docx-sans-document" => Zip(("[Content_Types].xml", "<Types/>")),
            _ => [.. "PK\u0003\u0004"u8, .. new byte[200]],
        };

        var (type, refus) = VerificationAnnexe.Verifier(nom, contenu);

        Assert.Null(type);
        Assert.Contains($"n'a pas le contenu d'un fichier {Path.GetExtension(nom)}", refus, StringComparison.Ordinal);
    }

    [Fact]
    public void Une_annexe_PDF_ODT_ou_DOCX_bien_formee_est_acceptee()
    {
        Assert.Equal(VerificationAnnexe.TypePdf, VerificationAnnexe.Verifier("a.pdf", Catalogues.Pdf).Type);
        Assert.Equal(VerificationAnnexe.TypeOdt, VerificationAnnexe.Verifier("a.odt", Zip(("mimetype", VerificationAnnexe.TypeOdt), ("content.xml", "<office:document-content/>"))).Type);
        Assert.Equal(VerificationAnnexe.TypeDocx, VerificationAnnexe.Verifier("a.docx", Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))).Type);
    }

    [Fact]
    public async Task Une_ecriture_hors_perimetre_rend_une_page_404_et_un_evenement_de_securite()
    {
        var journal = new JournalDeTest();
        using var application = portail.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(journal);
            s.AddTransient<IStartupFilter, RouteQuiEcritHorsPerimetre>();
        }));
        using var session = new Session(application.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }));
        var connexion = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = Comptes.Agent, ["MotDePasse"] = Demarrage.PreparationBase.MotDePasseDemo });
        Assert.Equal(HttpStatusCode.Redirect, connexion.Statut);

        var page = await session.GetAsync(RouteQuiEcritHorsPerimetre.Chemin);
        var api = await session.GetAsync("/api" + RouteQuiEcritHorsPerimetre.Chemin);

        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        Assert.Contains("Page introuvable", page.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.Statut);
        Assert.Equal("application/problem+json", api.Reponse.Content.Headers.ContentType?.MediaType);
        var evenement = Assert.Single(journal.Lignes, l => l.EventId == ExceptionsAttendues.EvenementAccesHorsPerimetre && l.Message.Contains(RouteQuiEcritHorsPerimetre.Chemin, StringComparison.Ordinal) && !l.Message.Contains("/api", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, evenement.Niveau);
        var agent = portail.Executer(db => db.Users.Single(u => u.Email == Comptes.Agent).Id);
        Assert.Contains(agent, evenement.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_envoi_trop_volumineux_rend_une_page_413_et_un_parametre_de_20_000_caracteres_une_erreur_en_francais_sur_un_vrai_serveur()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var application = portail.WithWebHostBuilder(_ => { });
        application.UseKestrel(0);
        application.StartServer();
        var adresse = application.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        using var session = new Session(new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(adresse) });
        var connexion = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = Comptes.Admin, ["MotDePasse"] = Demarrage.PreparationBase.MotDePasseDemo });
        Assert.Equal(HttpStatusCode.Redirect, connexion.Statut);

        // Beyond Kestrel's 30 Mo default: refused while the form is read, before the action runs.
        var annexe = await DeposerAsync(session, brouillon, "Trop grosse", new byte[31_000_000], "gros.pdf");
        var import = await DeposerAsync(session, 0, null, new byte[31_000_000], "epci.json", "/membres/import");

        var longue = await session.GetAsync("/simulation?formule=socle-complet&annee=premiere&population=" + new string('9', 20_000));
        Assert.Equal(HttpStatusCode.BadRequest, longue.Statut);
        Assert.Contains("La population est un nombre entier", longue.ErreurDuChamp("population"), StringComparison.Ordinal);

        foreach (var page in new[] { annexe, import })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Statut);
            Assert.Contains("Envoi trop volumineux", page.TexteVisible, StringComparison.Ordinal);
        }

        Assert.Single((await portail.LireAsync(brouillon)).Annexes);
    }

    internal static async Task<Session.Page> DeposerAsync(Session session, int version, string? titre, byte[] fichier, string nom, string? action = null)
    {
        action ??= $"/catalogue/{version}/annexes";
        var page = await session.GetAsync(action == "/membres/import" ? action : $"/catalogue/{version}");
        var jeton = page.Document.QuerySelector($"form[action='{action}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var piece = new ByteArrayContent(fichier);
        piece.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"fichier\"", FileNameStar = nom };
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new StringContent(titre ?? string.Empty), "titre" },
            { new StringContent("243500741"), "epci" },
            { new StringContent("2023"), "millesime" },
        };
        contenu.Add(piece);
        var requete = new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = contenu };

        // As a browser may: the body waits for the server's go-ahead, so a refusal is read rather than cut off.
        requete.Headers.ExpectContinue = true;
        return await session.EnvoyerAsync(requete);
    }

    private static byte[] Zip(params (string Nom, string Contenu)[] entrees)
    {
        using var memoire = new MemoryStream();
        using (var zip = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (nom, contenu) in entrees)
            {
                using var flux = zip.CreateEntry(nom, nom == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal).Open();
                flux.Write(Encoding.UTF8.GetBytes(contenu));
            }
        }

        return memoire.ToArray();
    }

    /// <summary>A route that writes outside the perimeter, as a controller that forgot its filter would: only in this test's application.</summary>
    private sealed class RouteQuiEcritHorsPerimetre : IStartupFilter
    {
        public const string Chemin = "/test/ecriture-hors-perimetre";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, suivant) => context.Request.Path.Value!.EndsWith(Chemin, StringComparison.Ordinal)
                ? throw new AccesHorsPerimetreException("Écriture refusée : Membre hors du périmètre de l'utilisateur.")
                : suivant(context));
        };
    }

    private sealed class JournalDeTest : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<(int EventId, LogLevel Niveau, string Message)> Lignes { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Journal(this);

        public void Dispose()
        {
        }

        private sealed class Journal(JournalDeTest parent) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                parent.Lignes.Enqueue((eventId.Id, logLevel, formatter(state, exception) + " " + exception));
        }
    }
}
