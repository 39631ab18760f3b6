using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>The design card's stack: SQL Server model, key ring at rest, Serilog, cookies, hosts, headers.</summary>
[Collection(PortailCollection.Nom)]
public class PlateformeTests(PortailFactory portail)
{
    private static SqlServerMutualisationDbContext ContexteSqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerMutualisationDbContext>().UseSqlServer("Server=127.0.0.1;Database=modele;User Id=sa;Password=x;TrustServerCertificate=True").Options)
        {
            Perimetre = PerimetreSysteme.Instance,
        };

    [Fact]
    public void Les_migrations_SQL_Server_correspondent_au_modele()
    {
        using var db = ContexteSqlServer();
        Assert.False(db.Database.HasPendingModelChanges(), "Le modèle a changé : ajoutez une migration SQL Server (docs/adr/0002-migrations-par-fournisseur.md).");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void Le_script_SQL_Server_idempotent_est_produit_sans_serveur()
    {
        using var db = ContexteSqlServer();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Membres]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
        Assert.Contains("nvarchar(", script, StringComparison.Ordinal);
        foreach (var migration in db.Database.GetMigrations())
        {
            Assert.Contains($"N'{migration}'", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Le_fournisseur_SqlServer_se_choisit_par_la_configuration()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "sqlserver" }).Build();
        Assert.Equal(FournisseurBaseDeDonnees.SqlServer, Fournisseur.Lire(configuration));

        var inconnu = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" }).Build();
        var erreur = Assert.Throws<InvalidOperationException>(() => Fournisseur.Lire(inconnu));
        Assert.Contains("Sqlite, Postgres ou SqlServer", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Avec_un_certificat_les_cles_sont_chiffrees_en_base_et_les_sessions_marchent()
    {
        var (chemin, motDePasse) = CertificatDeTest();
        using var chiffre = PortailFactory.SurUneNouvelleBase();
        chiffre.Reglages["ProtectionDesCles:Certificat:Chemin"] = chemin;
        chiffre.Reglages["ProtectionDesCles:Certificat:MotDePasse"] = motDePasse;

        using var session = await chiffre.ConnecterAsync(Comptes.Agent);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/membres")).Statut);

        var cles = await chiffre.ExecuterAsync(db => db.DataProtectionKeys.Select(c => c.Xml!).ToListAsync());
        Assert.NotEmpty(cles);
        Assert.All(cles, xml =>
        {
            Assert.Contains("EncryptedKey", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        });

        // The same database read by an instance with the certificate accepts the cookie.
        using var autre = PortailFactory.SurLaMemeBase(chiffre);
        autre.Reglages["ProtectionDesCles:Certificat:Chemin"] = chemin;
        autre.Reglages["ProtectionDesCles:Certificat:MotDePasse"] = motDePasse;
        using var memeCookie = autre.NouvelleSession();
        memeCookie.Client.DefaultRequestHeaders.Add("Cookie", session.EnTeteCookie);
        Assert.Equal(HttpStatusCode.OK, (await memeCookie.GetAsync("/membres")).Statut);
    }

    [Fact]
    public async Task Sans_certificat_les_cles_sont_en_clair_ce_que_la_production_signale()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var cles = await portail.ExecuterAsync(db => db.DataProtectionKeys.Select(c => c.Xml!).ToListAsync());
        Assert.Contains(cles, xml => xml.Contains("<value>", StringComparison.Ordinal));

        var journal = FichierJournalJson();
        using var production = PortailFactory.SurUneNouvelleBase("Production");
        production.Reglages["Demo:Semer"] = "false";
        production.Reglages["Journalisation:FichierJson"] = journal;
        using var client = production.CreateClient();

        var alerte = LireJournal(journal).Single(e => e.TryGetProperty("@mt", out var mt) && mt.GetString()!.Contains("EN CLAIR", StringComparison.Ordinal));
        Assert.Equal("Fatal", alerte.GetProperty("@l").GetString());
    }

    [Fact]
    public async Task Le_journal_JSON_porte_l_utilisateur_et_la_correlation_affichee_sur_la_page_d_erreur()
    {
        var journal = FichierJournalJson();
        using var application = PortailFactory.SurUneNouvelleBase();
        application.Reglages["Journalisation:FichierJson"] = journal;
        using var session = await application.ConnecterAsync(Comptes.Agent);
        var id = await application.ExecuterAsync(db => db.Users.Where(u => u.Email == Comptes.Agent).Select(u => u.Id).SingleAsync());

        var chemin = "/membres/987654321";
        var page = await session.GetAsync(chemin);
        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        var correlation = page.Document.QuerySelector("[data-correlation]")?.GetAttribute("data-correlation")
            ?? page.Document.QuerySelector("code")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(correlation));

        var requete = LireJournal(journal).Single(e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == chemin);
        Assert.Equal(id, requete.GetProperty("UtilisateurId").GetString());
        Assert.Equal(correlation, requete.GetProperty("Correlation").GetString());
        Assert.Equal(404, requete.GetProperty("StatusCode").GetInt32());
        Assert.DoesNotContain(journal, File.ReadAllText(TrouverFichier(journal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_session_active_finit_douze_heures_apres_la_connexion()
    {
        using var application = PortailFactory.SurUneNouvelleBase();
        using var session = await application.ConnecterAsync(Comptes.Agent);

        // Active every three hours: the sliding expiry (8 h) alone would keep the session forever.
        for (var heures = 3; heures <= 9; heures += 3)
        {
            application.Horloge.Advance(TimeSpan.FromHours(3));
            var page = await session.GetAsync("/membres");
            Assert.True(page.Statut == HttpStatusCode.OK, $"À {heures} h : {page.Statut} {page.Redirection}");
        }

        application.Horloge.Advance(TimeSpan.FromHours(2.5));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/membres")).Statut);

        application.Horloge.Advance(TimeSpan.FromHours(1));
        var expiree = await session.GetAsync("/membres");
        Assert.Equal(HttpStatusCode.Redirect, expiree.Statut);
        Assert.StartsWith("/compte/connexion", new Uri(new Uri("http://localhost"), expiree.Redirection).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_hote_inconnu_est_refuse()
    {
        using var session = portail.NouvelleSession();
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri("/compte/connexion", UriKind.Relative));
        requete.Headers.Host = "portail.attaquant.example";
        var page = await session.EnvoyerAsync(requete);

        Assert.Equal(HttpStatusCode.BadRequest, page.Statut);
    }

    [Fact]
    public async Task Hors_developpement_les_cookies_sont_Secure_et_prefixes_Host()
    {
        using var production = PortailFactory.SurUneNouvelleBase("Production");
        production.Reglages["Demo:Semer"] = "false";
        using var client = production.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = new Uri("https://localhost") });

        using var reponse = await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative));
        var cookie = Assert.Single(reponse.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.Ordinal));

        Assert.StartsWith("__Host-Mutualisation.Antiforgery=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(reponse.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Les_en_tetes_de_securite_sont_poses_par_le_paquet()
    {
        using var session = portail.NouvelleSession();
        var page = await session.GetAsync("/compte/connexion");
        var entetes = page.Reponse.Headers;

        var csp = entetes.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", entetes.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", entetes.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", entetes.GetValues("Referrer-Policy").Single());
        Assert.Equal("same-origin", entetes.GetValues("Cross-Origin-Opener-Policy").Single());
        Assert.Contains("camera=()", entetes.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    internal static (string Chemin, string MotDePasse) CertificatDeTest()
    {
        using var rsa = RSA.Create(2048);
        var demande = new CertificateRequest("CN=Mutualisation protection des cles test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificat = demande.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var dossier = Path.Combine(Path.GetTempPath(), "mutualisation-tests", "certificats");
        Directory.CreateDirectory(dossier);
        var chemin = Path.Combine(dossier, Guid.NewGuid().ToString("N") + ".pfx");
        var motDePasse = "mot-de-passe-du-certificat";
        File.WriteAllBytes(chemin, certificat.Export(X509ContentType.Pkcs12, motDePasse));
        return (chemin, motDePasse);
    }

    private static string FichierJournalJson()
    {
        var dossier = Path.Combine(Path.GetTempPath(), "mutualisation-tests", "journaux-json", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dossier);
        return Path.Combine(dossier, "journal-.json");
    }

    /// <summary>The rolling file sink adds the date to the name: the one file of the folder.</summary>
    private static string TrouverFichier(string modele) => Directory.GetFiles(Path.GetDirectoryName(modele)!).Single();

    private static List<JsonElement> LireJournal(string modele)
    {
        using var flux = new FileStream(TrouverFichier(modele), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var lecteur = new StreamReader(flux);
        var evenements = new List<JsonElement>();
        while (lecteur.ReadLine() is { } ligne)
        {
            if (ligne.Length > 0)
            {
                evenements.Add(JsonDocument.Parse(ligne).RootElement.Clone());
            }
        }

        return evenements;
    }
}
