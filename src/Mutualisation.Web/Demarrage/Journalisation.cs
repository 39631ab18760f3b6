using System.Diagnostics;
using System.Security.Claims;
using Serilog;
using Serilog.Context;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// Serilog, configured from the "Serilog" section (console and daily text file by default), plus an
/// optional compact-JSON file for log shippers (<c>Journalisation:FichierJson</c>). Every event of a
/// request carries the user id and the correlation id that error pages show.
/// </summary>
public static class Journalisation
{
    public const string ProprieteUtilisateur = "UtilisateurId";
    public const string ProprieteCorrelation = "Correlation";

    public static void AjouterJournalisation(this WebApplicationBuilder builder)
    {
        var fichierJson = builder.Configuration["Journalisation:FichierJson"];

        // Serilog writes the console and files; the framework's default providers go, so nothing is written twice,
        // but providers registered later (a test's collector) still receive every event.
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, journal) =>
            {
                journal.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
                if (!string.IsNullOrWhiteSpace(fichierJson))
                {
                    journal.WriteTo.File(new CompactJsonFormatter(), fichierJson, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 31);
                }
            },
            preserveStaticLogger: true,
            writeToProviders: true);
    }

    /// <summary>The correlation id shown on error pages and written in every event of the request.</summary>
    public static string Correlation(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;

    /// <summary>
    /// One line per request (method, path without its query string, which may hold personal data, status,
    /// duration, user), never bodies nor passwords; and the user and correlation ids on every event of the request.
    /// </summary>
    public static void UtiliserJournalDesRequetes(this WebApplication app)
    {
        // The host's own logger: the static Log.Logger is left alone (several hosts live in one test process).
        var journal = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = journal;
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} → {StatusCode} en {Elapsed:0.0} ms";
            options.GetLevel = (context, _, erreur) =>
                erreur is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostic, context) =>
            {
                diagnostic.Set(ProprieteUtilisateur, Utilisateur(context));
                diagnostic.Set(ProprieteCorrelation, Correlation(context));
            };
        });
    }

    /// <summary>After authentication: pushes the user and correlation ids onto every event written during the request.</summary>
    public static void UtiliserContexteDeJournal(this WebApplication app) =>
        app.Use(async (context, suivant) =>
        {
            using (LogContext.PushProperty(ProprieteUtilisateur, Utilisateur(context)))
            using (LogContext.PushProperty(ProprieteCorrelation, Correlation(context)))
            {
                await suivant(context);
            }
        });

    private static string Utilisateur(HttpContext context) => context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonyme";
}
