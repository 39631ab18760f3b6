using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// No container engine runs here, so this does what the image does: the Dockerfile's own publish
/// command, then the published app started with docker-compose.yml's environment for the app
/// service, against the test PostgreSQL.
/// </summary>
public sealed partial class DeploiementTests : IClassFixture<DeploiementTests.Publication>
{
    private readonly Publication _publication;

    public DeploiementTests(Publication publication) => _publication = publication;

    [FactPostgres]
    public async Task L_application_publiee_demarre_avec_l_environnement_du_compose_et_repond_sur_health()
    {
        using var base_ = BaseDeTest.Creer();
        var environnement = EnvironnementDuCompose();
        Assert.Equal("Production", environnement["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Postgres", environnement["Database__Provider"]);
        environnement["ConnectionStrings__Mutualisation"] = base_.ChaineConnexion;
        environnement["Serilog__WriteTo__1__Args__path"] = Path.Combine(_publication.Dossier, "logs", "deploiement-.log");
        var (certificat, motDePasse) = PlateformeTests.CertificatDeTest();
        Assert.Equal("/run/secrets/protection-cles.pfx", environnement["ProtectionDesCles__Certificat__Chemin"]);
        environnement["ProtectionDesCles__Certificat__Chemin"] = certificat;
        environnement["ProtectionDesCles__Certificat__MotDePasse"] = motDePasse;
        var journalJson = Path.Combine(_publication.Dossier, "logs", Guid.NewGuid().ToString("N"), "deploiement-.json");
        environnement["Journalisation__FichierJson"] = journalJson;

        var port = PortLibre();
        using var processus = Demarrer(environnement, port);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            var sante = await AttendreSanteAsync(client, processus);
            Assert.Equal("Healthy", sante);

            // Without the reverse proxy's X-Forwarded-Proto, plain HTTP is refused in French, never a 500.
            using var enClair = await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, enClair.StatusCode);
            Assert.Contains("HTTPS", await enClair.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            using var accueil = await client.GetAsync(new Uri("/compte/connexion", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, accueil.StatusCode);
            Assert.False(accueil.Headers.Contains("Server"), "Kestrel ne doit pas annoncer son nom.");
            Assert.Contains(accueil.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-Mutualisation.Antiforgery=", StringComparison.Ordinal));

            // Keys are encrypted with the configured certificate, so the start-up log has no alarm.
            var journal = Directory.GetFiles(Path.GetDirectoryName(journalJson)!).Single();
            using (var flux = new FileStream(journal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var lecteur = new StreamReader(flux))
            {
                var texte = await lecteur.ReadToEndAsync();
                Assert.DoesNotContain("EN CLAIR", texte, StringComparison.Ordinal);
                Assert.DoesNotContain("unencrypted form", texte, StringComparison.Ordinal);
            }
            using var css = await client.GetAsync(new Uri("/lib/bootstrap/bootstrap.min.css", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        }
        finally
        {
            processus.Kill(entireProcessTree: true);
            await processus.WaitForExitAsync();
        }
    }

    [FactPostgres]
    public async Task La_commande_import_communes_importe_puis_reimporte_en_disant_ce_qui_a_change()
    {
        var fichierBase = Path.Combine(Path.GetTempPath(), "mutualisation-tests", $"cli-{Guid.NewGuid():N}.db");
        var extrait = Path.Combine(CheminDuDepot.Racine, "src", "Mutualisation.Web", "Donnees", "Etalab", "epci-extrait.json");
        var environnement = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Mutualisation"] = $"Data Source={fichierBase}",
            ["Serilog__WriteTo__1__Args__path"] = Path.Combine(_publication.Dossier, "logs", "cli-.log"),
        };

        var (code1, sortie1) = await ExecuterAsync(environnement, "import-communes", "--epci", "243500741", "--file", extrait, "--millesime", "2023");
        Assert.Equal(0, code1);
        Assert.Contains("CA Redon Agglomération, millésime 2023 : 31 membre(s) créé(s)", sortie1, StringComparison.Ordinal);

        var (code2, sortie2) = await ExecuterAsync(environnement, "import-communes", "--epci", "243500741", "--file", extrait, "--millesime", "2024");
        Assert.Equal(0, code2);
        Assert.Contains("0 membre(s) créé(s), 0 renommé(s), 31 population(s) ajoutée(s)", sortie2, StringComparison.Ordinal);

        var (code3, sortie3) = await ExecuterAsync(environnement, "import-communes", "--epci", "200000000", "--file", extrait);
        Assert.Equal(1, code3);
        Assert.Contains("Import refusé", sortie3, StringComparison.Ordinal);
    }

    /// <summary>The app service's environment in docker-compose.yml, with test values for the ${…} secrets.</summary>
    private static Dictionary<string, string> EnvironnementDuCompose()
    {
        var lignes = File.ReadAllLines(Path.Combine(CheminDuDepot.Racine, "docker-compose.yml"));
        var debutApp = Array.FindIndex(lignes, l => l == "  app:");
        var debutEnv = Array.FindIndex(lignes, debutApp, l => l == "    environment:");
        var environnement = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = debutEnv + 1; i < lignes.Length && lignes[i].StartsWith("      ", StringComparison.Ordinal); i++)
        {
            var (cle, valeur) = (lignes[i].Trim()[..lignes[i].Trim().IndexOf(':', StringComparison.Ordinal)], lignes[i].Trim()[(lignes[i].Trim().IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
            // YAML quotes are not part of the value ("true" is the string true).
            valeur = valeur.Length >= 2 && valeur[0] == '"' && valeur[^1] == '"' ? valeur[1..^1] : valeur;
            environnement[cle] = Secret().Replace(valeur, m => m.Groups[1].Value switch
            {
                "ADMIN_COURRIEL" => "admin@exemple.demo",
                "ADMIN_MOT_DE_PASSE" => "mot de passe de deploiement",
                "ALLOWED_HOSTS" => "127.0.0.1",
                _ => "secret-de-test",
            });
        }

        return environnement;
    }

    private Process Demarrer(Dictionary<string, string> environnement, int port, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = _publication.Dossier, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(_publication.Dossier, "Mutualisation.Web.dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (cle, valeur) in environnement)
        {
            info.Environment[cle] = valeur;
        }

        if (port > 0)
        {
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        }

        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        return Process.Start(info)!;
    }

    private async Task<(int Code, string Sortie)> ExecuterAsync(Dictionary<string, string> environnement, params string[] arguments)
    {
        using var processus = Demarrer(environnement, 0, arguments);
        var sortie = processus.StandardOutput.ReadToEndAsync();
        var erreurs = processus.StandardError.ReadToEndAsync();
        using var delai = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await processus.WaitForExitAsync(delai.Token);
        return (processus.ExitCode, await sortie + await erreurs);
    }

    private static async Task<string> AttendreSanteAsync(HttpClient client, Process processus)
    {
        var sortie = processus.StandardOutput.ReadToEndAsync();
        var fin = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < fin)
        {
            if (processus.HasExited)
            {
                throw new InvalidOperationException("L'application publiée s'est arrêtée : " + await sortie + await processus.StandardError.ReadToEndAsync());
            }

            try
            {
                using var reponse = await client.GetAsync(new Uri("/health", UriKind.Relative));
                if (reponse.StatusCode == HttpStatusCode.OK)
                {
                    return await reponse.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("/health n'a pas répondu 200 en 60 s.");
    }

    private static int PortLibre()
    {
        using var ecoute = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        return ((IPEndPoint)ecoute.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"\$\{([A-Z_]+)(:\?[^}]*)?\}")]
    private static partial Regex Secret();

    /// <summary>
    /// The output of the Dockerfile's publish command: test.sh runs it before the tests (so it never
    /// rebuilds the tree under running tests) and passes the folder in MUTUALISATION_TESTS_PUBLICATION;
    /// otherwise it runs here, into a temporary folder instead of /app.
    /// </summary>
    public sealed class Publication : IDisposable
    {
        private readonly bool _temporaire;

        public Publication()
        {
            var fourni = Environment.GetEnvironmentVariable("MUTUALISATION_TESTS_PUBLICATION");
            if (!string.IsNullOrEmpty(fourni))
            {
                Dossier = fourni;
                return;
            }

            Dossier = Path.Combine(Path.GetTempPath(), "mutualisation-tests", "publication-" + Guid.NewGuid().ToString("N")[..8]);
            _temporaire = true;
            if (BaseDeTest.FournisseurDemande != Persistence.FournisseurBaseDeDonnees.Postgres)
            {
                return;
            }

            var commande = File.ReadAllLines(Path.Combine(CheminDuDepot.Racine, "Dockerfile"))
                .Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal))["RUN dotnet ".Length..]
                .Replace("-o /app", "-o " + Dossier, StringComparison.Ordinal);
            var info = new ProcessStartInfo("dotnet", commande) { WorkingDirectory = CheminDuDepot.Racine, RedirectStandardOutput = true, RedirectStandardError = true };
            using var processus = Process.Start(info)!;
            var sortie = processus.StandardOutput.ReadToEnd();
            processus.WaitForExit();
            if (processus.ExitCode != 0)
            {
                throw new InvalidOperationException("dotnet publish a échoué : " + sortie);
            }
        }

        public string Dossier { get; }

        public void Dispose()
        {
            if (_temporaire && Directory.Exists(Dossier))
            {
                Directory.Delete(Dossier, recursive: true);
            }
        }
    }
}
