using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Compte;

/// <summary>Limits of the sign-in form (section <c>Connexion</c> of the configuration).</summary>
public sealed class OptionsConnexion
{
    public const string Section = "Connexion";

    /// <summary>Failed sign-ins allowed per address (unknown ones too) within <see cref="FenetreAdresseSecondes"/>.</summary>
    public int EchecsParAdresse { get; set; } = 3;

    public int FenetreAdresseSecondes { get; set; } = 60;

    /// <summary>Sign-in POSTs allowed per client IP address within <see cref="FenetreIpSecondes"/>, successes included.</summary>
    public int TentativesParIp { get; set; } = 60;

    public int FenetreIpSecondes { get; set; } = 60;
}

public static class SecuriteConnexion
{
    public const string PolitiqueParIp = "connexion-par-ip";

    public const string MessageTropDeTentatives = "Trop de tentatives de connexion en peu de temps. Patientez quelques minutes avant de réessayer.";

    /// <summary>Lockout, password rules and rate limits of the sign-in; call after <c>AddIdentity</c>.</summary>
    public static IServiceCollection AjouterSecuriteConnexion(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OptionsConnexion>(configuration.GetSection(OptionsConnexion.Section));
        services.AddScoped<IPasswordValidator<Utilisateur>, ValidateurMotDePasseEvident>();
        services.AddScoped<VerrouillageComptes>();
        services.AddSingleton<LimiteurEchecsConnexion>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PolitiqueParIp, contexte =>
            {
                var reglages = contexte.RequestServices.GetRequiredService<IOptions<OptionsConnexion>>().Value;
                return RateLimitPartition.GetSlidingWindowLimiter(contexte.Connection.RemoteIpAddress?.ToString() ?? "inconnue", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = reglages.TentativesParIp,
                    Window = TimeSpan.FromSeconds(reglages.FenetreIpSecondes),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = (rejet, annulation) =>
            {
                var reglages = rejet.HttpContext.RequestServices.GetRequiredService<IOptions<OptionsConnexion>>().Value;
                var delai = rejet.Lease.TryGetMetadata(MetadataName.RetryAfter, out var indique) ? indique : TimeSpan.FromSeconds(reglages.FenetreIpSecondes / 6.0);
                rejet.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delai.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

                return PageConnexionRefuseeAsync(rejet.HttpContext, annulation);
            };
        });
        return services;
    }

    /// <summary>The per-IP limit on the sign-in POST; call after <c>UseRouting</c>.</summary>
    public static WebApplication UtiliserSecuriteConnexion(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The sign-in page again, in French, with status 429 and the address that was typed.</summary>
    private static async ValueTask PageConnexionRefuseeAsync(HttpContext http, CancellationToken annulation)
    {
        var formulaire = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(annulation) : null;
        var modele = new ConnexionModel { Courriel = formulaire?["Courriel"].ToString(), ReturnUrl = formulaire?["ReturnUrl"].ToString() };
        var etat = new ModelStateDictionary();
        etat.AddModelError(string.Empty, MessageTropDeTentatives);
        var vue = new ViewResult
        {
            ViewName = "/Features/Compte/Views/Connexion.cshtml",
            StatusCode = StatusCodes.Status429TooManyRequests,
            ViewData = new ViewDataDictionary<ConnexionModel>(http.RequestServices.GetRequiredService<IModelMetadataProvider>(), etat) { Model = modele },
        };
        await vue.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor(), etat));
    }
}

/// <summary>
/// Failed sign-ins per address (normalised, known or not), in memory: past the limit the form
/// answers 429 without looking at the account, so locking someone out takes minutes, not a burst.
/// Only failures count, so people who sign in often are never slowed down.
/// </summary>
public sealed class LimiteurEchecsConnexion : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiteur;

    public LimiteurEchecsConnexion(IOptions<OptionsConnexion> options)
    {
        var reglages = options.Value;
        Delai = TimeSpan.FromSeconds(Math.Max(1, reglages.FenetreAdresseSecondes / 6));
        _limiteur = PartitionedRateLimiter.Create<string, string>(adresse => RateLimitPartition.GetSlidingWindowLimiter(adresse, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = reglages.EchecsParAdresse,
            Window = TimeSpan.FromSeconds(reglages.FenetreAdresseSecondes),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        }));
    }

    /// <summary>When a permit comes back at the latest (one segment of the sliding window), for <c>Retry-After</c>.</summary>
    public TimeSpan Delai { get; }

    public bool EstEpuise(string adresseNormalisee) => _limiteur.GetStatistics(adresseNormalisee)?.CurrentAvailablePermits <= 0;

    public void CompterEchec(string adresseNormalisee)
    {
        using var bail = _limiteur.AttemptAcquire(adresseNormalisee);
    }

    public void Dispose() => _limiteur.Dispose();
}

/// <summary>
/// The lockout, race-free. Identity checks the password first and counts the failure after, with
/// an optimistic update that parallel requests lose: 20 parallel guesses got 9 to 13 checks. Here
/// each check is first reserved by one atomic UPDATE that counts it as a failure and only succeeds
/// while fewer than <c>MaxFailedAccessAttempts</c> are counted; the one that reaches the limit
/// sets <c>LockoutEnd</c> in the same statement. A right password then resets the count. So at
/// most five passwords are ever checked per lockout period, on every provider, without comparing
/// dates in SQL (SQLite stores <c>LockoutEnd</c> as text). A disabled account has its password
/// checked within the same budget, so that its owner can be told it is disabled.
/// </summary>
public sealed class VerrouillageComptes(MutualisationDbContext db, IOptions<IdentityOptions> identite, TimeProvider horloge)
{
    private int Maximum => identite.Value.Lockout.MaxFailedAccessAttempts;

    /// <summary>Reserves one password check for the account (tracked entity, reloaded); false when it is locked.</summary>
    public async Task<bool> ReserverEssaiAsync(Utilisateur utilisateur, CancellationToken annulation = default)
    {
        var maximum = Maximum;
        for (var tour = 0; tour < 2; tour++)
        {
            DateTimeOffset? fin = horloge.GetUtcNow() + identite.Value.Lockout.DefaultLockoutTimeSpan;
            var reserve = await db.Users
                .Where(u => u.Id == utilisateur.Id && u.AccessFailedCount < maximum)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(u => u.AccessFailedCount, u => u.AccessFailedCount + 1)
                          .SetProperty(u => u.LockoutEnd, u => u.Actif && u.AccessFailedCount + 1 >= maximum ? fin : u.LockoutEnd),
                    annulation);
            if (reserve == 1)
            {
                await db.Entry(utilisateur).ReloadAsync(annulation);
                return true;
            }

            // The count is at the limit: if that lockout has ended, start a new count (once, and only
            // if nobody changed the row meanwhile), then try again.
            var etat = await db.Users.AsNoTracking().Where(u => u.Id == utilisateur.Id)
                .Select(u => new { u.Actif, u.AccessFailedCount, u.LockoutEnd })
                .SingleOrDefaultAsync(annulation);
            if (etat is null || !etat.Actif || etat.LockoutEnd > horloge.GetUtcNow())
            {
                return false;
            }

            await db.Users
                .Where(u => u.Id == utilisateur.Id && u.AccessFailedCount == etat.AccessFailedCount && u.LockoutEnd == etat.LockoutEnd)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), annulation);
        }

        return false;
    }

    /// <summary>After a right password: the reserved check was not a failure, nor were the others.</summary>
    public async Task RemettreAZeroAsync(Utilisateur utilisateur, CancellationToken annulation = default)
    {
        await DeverrouillerAsync(utilisateur.Id, annulation);
        await db.Entry(utilisateur).ReloadAsync(annulation);
    }

    /// <summary>Clears the count and the lockout of an active account (a disabled one stays shut).</summary>
    public Task<int> DeverrouillerAsync(string id, CancellationToken annulation = default) =>
        db.Users.Where(u => u.Id == id && u.Actif)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null), annulation);

    /// <summary>Whether the failures counted so far lock the account now.</summary>
    public bool EstVerrouille(Utilisateur utilisateur) =>
        utilisateur.AccessFailedCount >= Maximum && !(utilisateur.LockoutEnd <= horloge.GetUtcNow());
}
