using System.Security.Claims;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence.Perimetre;

namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// The perimeter of the signed-in user. Fails closed: inside a request, anyone who is not
/// EPCI staff is restricted, to its member if the claim is there, to nothing otherwise.
/// A background job acts as the user who launched it (<see cref="IdentiteAmbiante"/>), under the same
/// rule. Outside both (start-up, command line) the system acts, unrestricted.
/// </summary>
public sealed class PerimetreHttp(IHttpContextAccessor accesseur, IdentiteAmbiante ambiante) : IPerimetreUtilisateur
{
    public const string RevendicationMembre = "mutualisation:membre";

    private ClaimsPrincipal? Utilisateur => ambiante.Utilisateur ?? accesseur.HttpContext?.User;

    public bool EstRestreint =>
        (ambiante.Utilisateur is not null || accesseur.HttpContext is not null) && !Roles.Intercommunaux.Any(r => Utilisateur!.IsInRole(r));

    public int? MembreId =>
        int.TryParse(Utilisateur?.FindFirstValue(RevendicationMembre), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public string? UtilisateurId => Utilisateur?.FindFirstValue(ClaimTypes.NameIdentifier);
}
