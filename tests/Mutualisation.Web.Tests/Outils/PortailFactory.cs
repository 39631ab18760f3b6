using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>
/// The real application (Program.cs: migrations, demo seed, every middleware) on a database of
/// its own. Tests share one per collection and create the rows they need with unique values.
/// </summary>
public class PortailFactory : WebApplicationFactory<Program>
{
    private readonly bool _possedeLaBase;

    public PortailFactory()
        : this(BaseDeTest.Creer(), possedeLaBase: true)
    {
    }

    private PortailFactory(BaseDeTest base_, bool possedeLaBase)
    {
        Base = base_;
        _possedeLaBase = possedeLaBase;
    }

    public BaseDeTest Base { get; }

    /// <summary>Another application on a database of its own (for tests that start the app differently).</summary>
    public static PortailFactory SurUneNouvelleBase(string environnement = "Development") =>
        new(BaseDeTest.Creer(), possedeLaBase: true) { Environnement = environnement };

    /// <summary>A second application on the same database: a restart, or another instance.</summary>
    public static PortailFactory SurLaMemeBase(PortailFactory autre) => new(autre.Base, possedeLaBase: false);

    public string Environnement { get; init; } = "Development";

    public Dictionary<string, string?> Reglages { get; } = new(StringComparer.Ordinal);

    /// <summary>Every call the application made to the password hasher.</summary>
    public CompteurHachages Hachages { get; } = new();

    /// <summary>Replaces services of the application (a clock…) when it starts.</summary>
    public Action<IServiceCollection>? ServicesDeTest { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environnement);
        builder.UseSetting("Database:Provider", Base.Fournisseur.ToString());
        builder.UseSetting("ConnectionStrings:Mutualisation", Base.ChaineConnexion);
        builder.UseSetting("Demo:Semer", "true");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(Path.GetTempPath(), "mutualisation-tests", "logs", "test-.log"));
        // Suites sign in hundreds of times from one client: the limits get their own tests (SecuriteConnexionTests).
        builder.UseSetting("Connexion:EchecsParAdresse", "1000");
        builder.UseSetting("Connexion:TentativesParIp", "100000");
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<Utilisateur>>(sp =>
            new HacheurCompte(new PasswordHasher<Utilisateur>(sp.GetService<IOptions<PasswordHasherOptions>>()), Hachages)));
        foreach (var (cle, valeur) in Reglages)
        {
            builder.UseSetting(cle, valeur);
        }

        if (ServicesDeTest is { } remplacer)
        {
            builder.ConfigureTestServices(remplacer);
        }
    }

    public T Executer<T>(Func<MutualisationDbContext, T> action)
    {
        using var scope = Services.CreateScope();
        return action(scope.ServiceProvider.GetRequiredService<MutualisationDbContext>());
    }

    public async Task<T> ExecuterAsync<T>(Func<MutualisationDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MutualisationDbContext>());
    }

    public Session NouvelleSession() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

    public async Task<Session> ConnecterAsync(string courriel, string motDePasse = Demarrage.PreparationBase.MotDePasseDemo)
    {
        var session = NouvelleSession();
        var reponse = await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = motDePasse });
        if (reponse.Statut != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Connexion de {courriel} refusée : {reponse.Statut} {reponse.Document.QuerySelector(".alert")?.TextContent}");
        }

        return session;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _possedeLaBase)
        {
            Base.Dispose();
        }
    }
}

[CollectionDefinition(Nom)]
public sealed class PortailCollection : ICollectionFixture<PortailFactory>
{
    public const string Nom = "Portail";
}
