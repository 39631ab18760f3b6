using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Infrastructure;

/// <summary>Settings of the "Sessions" configuration section.</summary>
public sealed class OptionsSessions
{
    /// <summary>How long this instance trusts the security stamp it read; changes made by another instance are seen after at most this delay.</summary>
    public TimeSpan DureeCacheEmpreintes { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Per-instance cache of each user's security stamp (null when the account is disabled or gone), read
/// by one primary-key query and trusted for <see cref="OptionsSessions.DureeCacheEmpreintes"/>.
/// Code that changes a stamp on this instance calls <see cref="Invalider"/> so the change is seen at
/// once here; other instances see it when their entry expires. See docs/adr/0009-revocation-des-sessions.md.
/// </summary>
public sealed class EmpreintesSessions(TimeProvider horloge, IOptions<OptionsSessions> options)
{
    /// <summary>Each user's stamp, null when the account is disabled or gone.</summary>
    private readonly ValeursParUtilisateur<string?> _empreintes = new(horloge, () => options.Value.DureeCacheEmpreintes);

    /// <summary>True when <paramref name="empreinte"/> is the current stamp of an active account.</summary>
    public async Task<bool> EstValideAsync(string utilisateurId, string? empreinte, MutualisationDbContext db, CancellationToken annulation)
    {
        if (string.IsNullOrEmpty(empreinte))
        {
            return false;
        }

        // A newer cookie than the stamp kept (password changed on another instance) is worth one fresh read before refusing.
        if (_empreintes.EssayerLire(utilisateurId, out var gardee) && string.Equals(gardee, empreinte, StringComparison.Ordinal))
        {
            return true;
        }

        var lue = await _empreintes.RelireAsync(utilisateurId, async () =>
        {
            var ligne = await db.Users.AsNoTracking()
                .Where(u => u.Id == utilisateurId)
                .Select(u => new { u.SecurityStamp, u.Actif })
                .FirstOrDefaultAsync(annulation);
            return ligne is { Actif: true } ? ligne.SecurityStamp : null;
        });
        return string.Equals(lue, empreinte, StringComparison.Ordinal);
    }

    /// <summary>Forgets what this instance knows of the user: the next request reads the database.</summary>
    public void Invalider(string utilisateurId) => _empreintes.Oublier(utilisateurId);
}

public static class RevocationSessions
{
    /// <summary>
    /// Replaces Identity's security stamp validator (which, with a zero interval, loaded the whole user,
    /// its roles and claims and re-issued the cookie on every request) by <see cref="EmpreintesSessions"/>.
    /// </summary>
    public static IServiceCollection AjouterRevocationDesSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OptionsSessions>(configuration.GetSection("Sessions"));
        services.AddSingleton<EmpreintesSessions>();
        services.ConfigureApplicationCookie(o => o.Events.OnValidatePrincipal = ValiderAsync);
        return services;
    }

    private static async Task ValiderAsync(CookieValidatePrincipalContext contexte)
    {
        var services = contexte.HttpContext.RequestServices;
        var revendications = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var utilisateurId = contexte.Principal?.FindFirstValue(revendications.UserIdClaimType);
        var empreinte = contexte.Principal?.FindFirstValue(revendications.SecurityStampClaimType);
        if (utilisateurId is not null
            && await services.GetRequiredService<EmpreintesSessions>().EstValideAsync(
                utilisateurId, empreinte, services.GetRequiredService<MutualisationDbContext>(), contexte.HttpContext.RequestAborted))
        {
            return;
        }

        contexte.RejectPrincipal();
        await contexte.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
