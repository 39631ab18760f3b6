using System.Security.Claims;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Web.Infrastructure;

/// <summary>The signed-in user as the author of a dated, attributed change of an aggregate (convention, audit, adhésion, mission).</summary>
public static class AuteurConnecte
{
    public static Auteur Auteur(this ClaimsPrincipal utilisateur) =>
        new(utilisateur.FindFirstValue(ClaimTypes.NameIdentifier),
            utilisateur.FindFirstValue(FabriqueRevendications.RevendicationNom) is { Length: > 0 } nom ? nom : utilisateur.Identity?.Name ?? "Compte inconnu");
}
