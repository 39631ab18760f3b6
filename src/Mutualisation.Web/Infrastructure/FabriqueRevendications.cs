using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Infrastructure;

/// <summary>Adds the user's member and display name to its cookie.</summary>
public sealed class FabriqueRevendications(UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Utilisateur, IdentityRole>(utilisateurs, roles, options)
{
    public const string RevendicationNom = "mutualisation:nom";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Utilisateur user)
    {
        var identite = await base.GenerateClaimsAsync(user);
        if (user.MembreId is { } membre)
        {
            identite.AddClaim(new Claim(PerimetreHttp.RevendicationMembre, membre.ToString(CultureInfo.InvariantCulture)));
        }

        identite.AddClaim(new Claim(RevendicationNom, string.IsNullOrWhiteSpace(user.NomComplet) ? user.Email ?? user.UserName ?? string.Empty : user.NomComplet));
        return identite;
    }
}
