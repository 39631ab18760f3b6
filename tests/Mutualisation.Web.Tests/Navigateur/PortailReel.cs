using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>
/// The application on a real Kestrel port of 127.0.0.1, and Debian's headless Chromium driven by
/// Playwright. Chromium is found through CHROMIUM_PATH or on PATH; never downloaded.
/// </summary>
public sealed class PortailReel : PortailFactory, IAsyncLifetime
{
    private IPlaywright? _playwright;

    public PortailReel()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public string Adresse { get; private set; } = string.Empty;

    public IBrowser Navigateur { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StartServer();
        Adresse = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Warm the server up (first requests, static files) before the browser's timeouts start.
        using (var client = new HttpClient { BaseAddress = new Uri(Adresse) })
        {
            foreach (var chemin in new[] { "/health", "/compte/connexion", "/lib/bootstrap/bootstrap.min.css", "/lib/bootstrap/bootstrap.bundle.min.js" })
            {
                (await client.GetAsync(new Uri(chemin, UriKind.Relative))).EnsureSuccessStatusCode();
            }
        }

        _playwright = await Playwright.CreateAsync();
        Navigateur = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = CheminChromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--lang=fr-FR"],
        });
    }

    public new async Task DisposeAsync()
    {
        await Navigateur.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>A signed-in page; the demo accounts' password unless another is given (an account a test created).</summary>
    public async Task<IPage> PageConnecteeAsync(string courriel, int largeur = 1280, int hauteur = 900, string? motDePasse = null)
    {
        var contexte = await Navigateur.NewContextAsync(new BrowserNewContextOptions { Locale = "fr-FR", ViewportSize = new() { Width = largeur, Height = hauteur } });
        contexte.SetDefaultTimeout(60_000);
        var page = await contexte.NewPageAsync();
        await page.GotoAsync(Adresse + "/compte/connexion");
        await page.GetByLabel("Adresse électronique *").FillAsync(courriel);
        await page.GetByLabel("Mot de passe *").FillAsync(motDePasse ?? Demarrage.PreparationBase.MotDePasseDemo);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        try
        {
            // Wait for what only a signed-in page has, not for a load event that may fire before the wait starts
            // (attached, not visible: on a narrow window it sits in the collapsed menu).
            await page.Locator("form[action='/compte/deconnexion']").WaitForAsync(new() { Timeout = 30_000, State = WaitForSelectorState.Attached });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Connexion de {courriel} non aboutie : {page.Url} — {await page.Locator("main").InnerTextAsync()}");
        }
        return page;
    }

    private static string CheminChromium()
    {
        var chemin = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(chemin))
        {
            return chemin;
        }

        foreach (var dossier in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (var nom in new[] { "chromium", "chromium-browser" })
            {
                var candidat = Path.Combine(dossier, nom);
                if (File.Exists(candidat))
                {
                    return candidat;
                }
            }
        }

        throw new InvalidOperationException("Chromium introuvable : installez le paquet Debian « chromium » (./test.sh le fait) ou définissez CHROMIUM_PATH.");
    }
}

[CollectionDefinition(Nom)]
public sealed class NavigateurCollection : ICollectionFixture<PortailReel>
{
    public const string Nom = "Navigateur";
}
