using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Demarrage;

public static partial class PreparationBase
{
    public const string MotDePasseDemo = "Demo-Mutualisation-2026";

    /// <summary>Applies pending migrations, then seeds the demo (Development/Demo only) or bootstraps the first admin.</summary>
    public static async Task PreparerBaseDeDonneesAsync(this WebApplication app)
    {
        var journal = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mutualisation.Demarrage");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisationDbContext>();
        await db.Database.MigrateAsync();

        var semerDemo = app.Configuration.GetValue("Demo:Semer", false);
        if (semerDemo)
        {
            if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Demo") && !app.Environment.IsEnvironment("Test"))
            {
                throw new InvalidOperationException(
                    $"Le jeu de démonstration (Demo:Semer) est refusé dans l'environnement « {app.Environment.EnvironmentName} » : il n'est permis qu'en Development ou Demo.");
            }

            await scope.ServiceProvider.GetRequiredService<SemisDemo>().SemerAsync();
            app.Lifetime.ApplicationStarted.Register(() => AnnoncerDemo(journal, app.Services));
        }

        await scope.ServiceProvider.GetRequiredService<AmorcageAdministrateur>().AmorcerAsync(app.Configuration);
    }

    private static void AnnoncerDemo(ILogger journal, IServiceProvider services)
    {
        var adresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var adresse = adresses?.FirstOrDefault() ?? "http://localhost:5080";
        var profil = ProfilsDemo.Choisi(services.GetRequiredService<IConfiguration>());
        Annonce(journal, adresse, profil.NomEpci, string.Join(", ", profil.Comptes.Select(c => $"{c.Courriel} ({c.Role})")), MotDePasseDemo);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Portail de démonstration ({Epci}) prêt : ouvrez {Adresse} et connectez-vous avec l'un des comptes {Comptes}, mot de passe « {MotDePasse} » (démonstration uniquement).")]
    private static partial void Annonce(ILogger journal, string adresse, string epci, string comptes, string motDePasse);
}
