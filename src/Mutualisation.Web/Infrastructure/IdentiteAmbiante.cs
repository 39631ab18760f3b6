using System.Security.Claims;

namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// The user a scope acts for when there is no HTTP request: a background job runs in a scope of its
/// own where the executant puts the principal of the user who launched it, so the perimeter and the
/// history (<see cref="PerimetreHttp"/>) name that user rather than the system. Empty in a request.
/// </summary>
public sealed class IdentiteAmbiante
{
    public ClaimsPrincipal? Utilisateur { get; private set; }

    public void Definir(ClaimsPrincipal utilisateur)
    {
        if (Utilisateur is not null)
        {
            throw new InvalidOperationException("L'identité de ce traitement est déjà définie.");
        }

        Utilisateur = utilisateur;
    }
}
