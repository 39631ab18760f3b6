using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>
/// The real application (Program.cs: migrations, demo seed, every middleware) on a database of
/// its own. Tests share one per collection and create the rows they need with unique values.
/// The application's clock is a <see cref="FakeTimeProvider"/> set at <see cref="Maintenant"/> (or the
/// instant a test gives): "today", the exercice and the N−3 millésime never depend on when the tests
/// run, and a run across New Year cannot flake. It moves one tick (100 ns) per reading, so that a
/// later reading is later (the security stamp check revalidates when the elapsed time exceeds zero),
/// and far too little to cross a day; tests move it further with Advance or SetUtcNow.
/// </summary>
public class PortailFactory : WebApplicationFactory<Program>
{
    /// <summary>
    /// The tests' "now": a Thursday in October 2026, Paris time. After the demo catalogue's February
    /// vote and mid-year votes, before New Year. Sign-in, cookies and lockouts read the same clock.
    /// </summary>
    public static readonly DateTimeOffset Maintenant = new(2026, 10, 15, 10, 0, 0, TimeSpan.FromHours(2));

    /// <summary>The exercice in progress at <see cref="Maintenant"/>.</summary>
    public const int Exercice = 2026;

    private readonly bool _possedeLaBase;

    public PortailFactory()
        : this(BaseDeTest.Creer(), possedeLaBase: true, NouvelleHorloge(Maintenant))
    {
    }

    private PortailFactory(BaseDeTest base_, bool possedeLaBase, FakeTimeProvider horloge)
    {
        Base = base_;
        _possedeLaBase = possedeLaBase;
        Horloge = horloge;
    }

    public BaseDeTest Base { get; }

    /// <summary>The application's clock (registered as its <see cref="TimeProvider"/>); move it with Advance or SetUtcNow.</summary>
    public FakeTimeProvider Horloge { get; }

    /// <summary>Another application on a database of its own (for tests that start the app differently), its clock at <paramref name="maintenant"/>.</summary>
    public static PortailFactory SurUneNouvelleBase(string environnement = "Development", DateTimeOffset? maintenant = null) =>
        new(BaseDeTest.Creer(), possedeLaBase: true, NouvelleHorloge(maintenant ?? Maintenant)) { Environnement = environnement };

    private static FakeTimeProvider NouvelleHorloge(DateTimeOffset maintenant) => new(maintenant.ToUniversalTime()) { AutoAdvanceAmount = TimeSpan.FromTicks(1) };

    /// <summary>A second application on the same database and the same clock: a restart, or another instance.</summary>
    public static PortailFactory SurLaMemeBase(PortailFactory autre) => new(autre.Base, possedeLaBase: false, autre.Horloge);

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
        // JournalSql listens to the commands of pooled contexts, whose loggers would otherwise not look for it for a second.
        builder.UseSetting("Database:DiagnosticsSansCache", "true");
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

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Horloge);
            TravauxDeTest.Enregistrer(services);
        });
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
