using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

public static class Comptes
{
    public const string Admin = "admin.dsi@redon-agglomeration.demo";
    public const string Agent = "agent.dsi@redon-agglomeration.demo";
    public const string Finances = "finances@redon-agglomeration.demo";
    public const string MotDePasse = "Une-phrase-de-passe-de-test";

    /// <summary>Creates a unique account with <see cref="MotDePasse"/> and returns its e-mail; a null role leaves it without any.</summary>
    public static async Task<string> CreerAsync(this PortailFactory portail, string? role, int? membreId = null)
    {
        await using var scope = portail.Services.CreateAsyncScope();
        var utilisateurs = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var courriel = $"test-{Guid.NewGuid():N}@exemple.demo";
        var utilisateur = new Utilisateur { UserName = courriel, Email = courriel, NomComplet = "Test " + role, MembreId = membreId };
        Verifier(await utilisateurs.CreateAsync(utilisateur, MotDePasse));
        if (role is not null)
        {
            Verifier(await utilisateurs.AddToRoleAsync(utilisateur, role));
        }

        return courriel;
    }

    public static async Task<Membre> AjouterCommuneAsync(this PortailFactory portail, string? nom = null, int population = 1200)
    {
        var membre = Jeux.Commune(nom, population);
        await portail.ExecuterAsync(async db =>
        {
            db.Membres.Add(membre);
            return await db.SaveChangesAsync();
        });
        return membre;
    }

    private static void Verifier(IdentityResult resultat) =>
        Assert.True(resultat.Succeeded, string.Join(" ", resultat.Errors.Select(e => e.Description)));
}
