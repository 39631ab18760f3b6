using Microsoft.AspNetCore.Identity;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// Outside the demo, the first administrator comes from configuration (environment variables
/// <c>Amorcage__AdministrateurCourriel</c> and <c>Amorcage__AdministrateurMotDePasse</c>), never from the code.
/// </summary>
public sealed class AmorcageAdministrateur(UserManager<Utilisateur> utilisateurs, RoleManager<IdentityRole> roles)
{
    public async Task AmorcerAsync(IConfiguration configuration)
    {
        await CreerRolesAsync(roles);
        var courriel = configuration["Amorcage:AdministrateurCourriel"];
        var motDePasse = configuration["Amorcage:AdministrateurMotDePasse"];
        if (string.IsNullOrWhiteSpace(courriel) || string.IsNullOrWhiteSpace(motDePasse) || await utilisateurs.FindByEmailAsync(courriel) is not null)
        {
            return;
        }

        var administrateur = new Utilisateur { UserName = courriel, Email = courriel, EmailConfirmed = true, NomComplet = "Administrateur DSI" };
        Verifier(await utilisateurs.CreateAsync(administrateur, motDePasse));
        Verifier(await utilisateurs.AddToRoleAsync(administrateur, Roles.AdministrateurDSI));
    }

    public static async Task CreerRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.Tous)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Verifier(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public static void Verifier(IdentityResult resultat)
    {
        if (!resultat.Succeeded)
        {
            throw new InvalidOperationException("Amorçage des comptes impossible : " + string.Join(" ", resultat.Errors.Select(e => e.Description)));
        }
    }
}
