using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Echanges;

namespace Mutualisation.Web.Features.EchangesFiches;

/// <summary>
/// The SMTP settings (<c>Mail:Smtp:Host</c>, <c>Port</c>, <c>From</c>, optional <c>Utilisateur</c> and <c>MotDePasse</c>,
/// <c>Securite</c>: <c>Aucune</c>, <c>StartTls</c>, <c>StartTlsSiDisponible</c> (default) or <c>Ssl</c>) and the retry policy
/// (<c>Mail:TentativesMax</c>, <c>Mail:DelaiInitialSecondes</c> doubled after each failure, <c>Mail:IntervalleSecondes</c>).
/// Without a host, or without a sender address, nothing is sent.
/// </summary>
public sealed record ReglagesCourriel(string? Hote, int Port, string? Expediteur, string? Utilisateur, string? MotDePasse, string Securite,
    int TentativesMax, TimeSpan DelaiInitial, TimeSpan Intervalle)
{
    public bool EstConfigure => !string.IsNullOrWhiteSpace(Hote) && !string.IsNullOrWhiteSpace(Expediteur);

    public static ReglagesCourriel Lire(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var smtp = configuration.GetSection("Mail:Smtp");
        return new(smtp["Host"], smtp.GetValue("Port", 25), smtp["From"], smtp["Utilisateur"], smtp["MotDePasse"], smtp["Securite"] ?? "StartTlsSiDisponible",
            Math.Max(1, configuration.GetValue("Mail:TentativesMax", 6)),
            TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Mail:DelaiInitialSecondes", 60))),
            TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Mail:IntervalleSecondes", 15))));
    }

    /// <summary>The wait before the attempt after the <paramref name="tentatives"/>-th failure: 1, 2, 4, 8… times the first delay, at most a day.</summary>
    public TimeSpan Attente(int tentatives) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromDays(1).Ticks, DelaiInitial.Ticks * (1L << Math.Clamp(tentatives - 1, 0, 20))));

    public SecureSocketOptions OptionsTls => Securite switch
    {
        "Aucune" => SecureSocketOptions.None,
        "StartTls" => SecureSocketOptions.StartTls,
        "Ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}

/// <summary>
/// Sends the e-mails of the outbox that are due, one SMTP connection per e-mail (few e-mails; a failure stays on its
/// own row): a success marks it sent, a failure is logged and tried again after a growing delay until the maximum of
/// attempts (then « abandonné », shown to the DSI administrators). Never called from a user's request.
/// </summary>
public sealed partial class ExpediteurCourriels(IServiceScopeFactory scopes, TimeProvider horloge, ILogger<ExpediteurCourriels> journal)
{
    private const int Lot = 100;

    /// <summary>Sends what is due now; returns how many e-mails were attempted.</summary>
    public async Task<int> EnvoyerDusAsync(ReglagesCourriel reglages, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(reglages);
        if (!reglages.EstConfigure)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisationDbContext>();
        var maintenant = horloge.GetUtcNow();

        // Few rows wait at a time: the due date is compared here (SQLite does not compare DateTimeOffset in SQL).
        var enAttente = await db.CourrielsEnAttente().Where(c => c.Etat == EtatCourriel.EnAttente).OrderBy(c => c.Id).Take(Lot * 10).ToListAsync(annulation);
        var dus = enAttente.Where(c => c.ProchaineTentative <= maintenant).Take(Lot).ToList();
        foreach (var courriel in dus)
        {
            try
            {
                await EnvoyerAsync(reglages, courriel, annulation);
                courriel.Envoye(horloge.GetUtcNow());
                Envoye(journal, courriel.Id, courriel.Tentatives);
            }
            catch (OperationCanceledException) when (annulation.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Any failure of the mail server or the network is this e-mail's failure: logged, retried later.
            catch (Exception erreur)
#pragma warning restore CA1031
            {
                courriel.Echec(erreur is SmtpCommandException smtp ? $"SMTP {(int)smtp.StatusCode} : {smtp.Message}" : $"{erreur.GetType().Name} : {erreur.Message}", horloge.GetUtcNow(), reglages.Attente(courriel.Tentatives + 1), reglages.TentativesMax);
                if (courriel.Etat == EtatCourriel.Abandonne)
                {
                    Abandonne(journal, erreur, courriel.Id, courriel.Tentatives);
                }
                else
                {
                    EchecEnvoi(journal, erreur, courriel.Id, courriel.Tentatives, courriel.ProchaineTentative);
                }
            }

            await db.SaveChangesAsync(annulation);
        }

        return dus.Count;
    }

    private static async Task EnvoyerAsync(ReglagesCourriel reglages, CourrielEnAttente courriel, CancellationToken annulation)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(reglages.Expediteur!));
        message.To.Add(MailboxAddress.Parse(courriel.Destinataire));
        message.Subject = courriel.Sujet;
        message.Body = new TextPart("plain") { Text = courriel.Corps };

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(reglages.Hote!, reglages.Port, reglages.OptionsTls, annulation);
        if (!string.IsNullOrEmpty(reglages.Utilisateur))
        {
            await client.AuthenticateAsync(reglages.Utilisateur, reglages.MotDePasse ?? string.Empty, annulation);
        }

        await client.SendAsync(message, annulation);
        await client.DisconnectAsync(quit: true, annulation);
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Courriel {Id} envoyé (tentative {Tentative}).")]
    private static partial void Envoye(ILogger journal, long id, int tentative);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "Échec de l'envoi du courriel {Id} (tentative {Tentative}) ; nouvel essai à partir de {Prochaine}.")]
    private static partial void EchecEnvoi(ILogger journal, Exception erreur, long id, int tentative, DateTimeOffset prochaine);

    [LoggerMessage(EventId = 62, Level = LogLevel.Error, Message = "Courriel {Id} abandonné après {Tentatives} tentatives.")]
    private static partial void Abandonne(ILogger journal, Exception erreur, long id, int tentatives);
}

/// <summary>The background loop: every <c>Mail:IntervalleSecondes</c>, sends what is due; says once in the log when SMTP is not configured.</summary>
public sealed partial class EnvoiCourriels(ExpediteurCourriels expediteur, IConfiguration configuration, ILogger<EnvoiCourriels> journal) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reglages = ReglagesCourriel.Lire(configuration);
        if (!reglages.EstConfigure)
        {
            NonConfigure(journal);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await expediteur.EnvoyerDusAsync(reglages, stoppingToken);
                await Task.Delay(reglages.Intervalle, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must survive a database outage: log and try again later.
            catch (Exception erreur)
#pragma warning restore CA1031
            {
                BoucleEnErreur(journal, erreur);
                try
                {
                    await Task.Delay(reglages.Intervalle, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(EventId = 63, Level = LogLevel.Information, Message = "Envoi des courriels désactivé : Mail:Smtp:Host ou Mail:Smtp:From n'est pas configuré ; les courriels restent en attente.")]
    private static partial void NonConfigure(ILogger journal);

    [LoggerMessage(EventId = 64, Level = LogLevel.Error, Message = "Boucle d'envoi des courriels en erreur ; nouvel essai plus tard.")]
    private static partial void BoucleEnErreur(ILogger journal, Exception erreur);
}

public static class ServicesEchangesFiches
{
    public static IServiceCollection AjouterEchangesFiches(this IServiceCollection services)
    {
        services.AddScoped<NotificationsFiches>();
        services.AddSingleton<ExpediteurCourriels>();
        services.AddHostedService<EnvoiCourriels>();
        return services;
    }
}
