using Microsoft.AspNetCore.Authorization;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// Every authorization policy of the portal, in one place: its name (for <c>[Authorize(Policy = …)]</c> on each
/// controller class, actions may narrow) and the roles it admits. The navigation and the home pages ask the same
/// policies through <see cref="IAuthorizationService"/>, so a role never sees a link it may not open.
/// </summary>
public static class Autorisations
{
    /// <summary>Any signed-in account (also the fallback policy for endpoints without attribute).</summary>
    public const string Connecte = "Connecte";

    /// <summary>The EPCI's own staff (DSI and finance): every member, contributions.</summary>
    public const string Intercommunale = "Intercommunale";

    /// <summary>Creates and edits members.</summary>
    public const string GestionMembres = "GestionMembres";

    /// <summary>Prepares, edits and votes catalogue versions.</summary>
    public const string GestionCatalogue = "GestionCatalogue";

    /// <summary>Accounts and imports: DSI administrators only.</summary>
    public const string Administration = "Administration";

    public static IServiceCollection AjouterAutorisations(this IServiceCollection services)
    {
        var connecte = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(connecte)
            .AddPolicy(Connecte, connecte)
            .AddPolicy(Intercommunale, p => p.RequireRole(Roles.Intercommunaux))
            .AddPolicy(GestionMembres, p => p.RequireRole(Roles.AdministrateurDSI, Roles.AgentDSI))
            .AddPolicy(GestionCatalogue, p => p.RequireRole(Roles.AdministrateurDSI, Roles.Finance))
            .AddPolicy(Administration, p => p.RequireRole(Roles.AdministrateurDSI));
        return services;
    }
}
