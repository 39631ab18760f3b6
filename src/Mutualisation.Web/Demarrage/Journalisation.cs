using System.Diagnostics;
using System.Security.Claims;
using Serilog;

namespace Mutualisation.Web.Demarrage;

public static class Journalisation
{
    /// <summary>Serilog from the "Serilog" configuration section (console and rolling file by default).</summary>
    public static void AjouterJournalisation(this WebApplicationBuilder builder)
    {
        var journal = new LoggerConfiguration()
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(journal, dispose: true);
    }
}

/// <summary>
/// One line per request: method, path (without query string, which may hold personal data),
/// status, duration and user id. Never bodies, never passwords.
/// </summary>
public sealed partial class JournalRequetes(RequestDelegate suivant, ILogger<JournalRequetes> journal)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var chrono = Stopwatch.StartNew();
        try
        {
            await suivant(context);
        }
        finally
        {
            chrono.Stop();
            var utilisateur = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonyme";
            Ecrire(journal, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode, chrono.Elapsed.TotalMilliseconds, utilisateur);
        }
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "HTTP {Methode} {Chemin} → {Statut} en {DureeMs:0.0} ms (utilisateur {UtilisateurId})")]
    private static partial void Ecrire(Microsoft.Extensions.Logging.ILogger journal, string methode, string chemin, int statut, double dureeMs, string utilisateurId);
}
