using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// A session slides (8 h without activity ends it) but never outlives an absolute limit counted from
/// the sign-in (<c>Session:DureeAbsolue</c>, 12 h by default): a stolen cookie kept alive by a script
/// still dies. The sign-in time travels in the cookie's protected properties and survives renewals.
/// </summary>
public static class DureeAbsolueSession
{
    public const string CleOuverture = "mutualisation:ouverture";
    public static readonly TimeSpan ParDefaut = TimeSpan.FromHours(12);

    public static void Appliquer(CookieAuthenticationOptions options, IConfiguration configuration)
    {
        var duree = configuration.GetValue("Session:DureeAbsolue", ParDefaut);
        var signature = options.Events.OnSigningIn;
        options.Events.OnSigningIn = context =>
        {
            if (!context.Properties.Items.ContainsKey(CleOuverture))
            {
                var maintenant = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items[CleOuverture] = maintenant.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return signature(context);
        };

        var validation = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            if (Expiree(context, duree))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validation(context);
        };
    }

    private static bool Expiree(CookieValidatePrincipalContext context, TimeSpan duree)
    {
        var maintenant = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Properties.Items.TryGetValue(CleOuverture, out var texte)
            && long.TryParse(texte, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var secondes))
        {
            return maintenant - DateTimeOffset.FromUnixTimeSeconds(secondes) > duree;
        }

        // A cookie without its sign-in time (issued before this rule) is bounded by its own issue time.
        return context.Properties.IssuedUtc is { } emission && maintenant - emission > duree;
    }
}
