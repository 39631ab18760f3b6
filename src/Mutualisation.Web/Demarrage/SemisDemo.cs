using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Membres;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// The demo EPCI: REDON Agglomération's 31 communes from the committed Etalab extract, and
/// five accounts. Runs at every start and only adds what is missing.
/// </summary>
public sealed class SemisDemo(
    MutualisationDbContext db,
    ImportEtalab import,
    UserManager<Utilisateur> utilisateurs,
    RoleManager<IdentityRole> roles,
    IWebHostEnvironment environnement)
{
    public const string SirenRedonAgglomeration = "243500741";

    /// <summary>Millésime of the populations in @etalab/decoupage-administratif 6.0.0 (in force on 1 January 2026).</summary>
    public const int MillesimeExtrait = 2023;

    public static readonly IReadOnlyList<(string Courriel, string Nom, string Role, string? SirenCommune)> Comptes =
    [
        ("admin.dsi@redon-agglomeration.demo", "Anne Administratrice (démo)", Roles.AdministrateurDSI, null),
        ("agent.dsi@redon-agglomeration.demo", "Alain Agent (démo)", Roles.AgentDSI, null),
        ("finances@redon-agglomeration.demo", "Françoise Finances (démo)", Roles.Finance, null),
        ("mairie@saint-nicolas-de-redon.demo", "Secrétariat de Saint-Nicolas-de-Redon (démo)", Roles.Mairie, "214401853"),
        ("mairie@allaire.demo", "Secrétariat d'Allaire (démo)", Roles.Mairie, "215600016"),
    ];

    public static string CheminExtrait(string racine) => Path.Combine(racine, "Donnees", "Etalab", "epci-extrait.json");

    public async Task SemerAsync()
    {
        await AmorcageAdministrateur.CreerRolesAsync(roles);

        if (!await db.Membres.AnyAsync())
        {
            await using var fichier = File.OpenRead(CheminExtrait(environnement.ContentRootPath));
            await import.ImporterAsync(fichier, SirenRedonAgglomeration, MillesimeExtrait, CancellationToken.None);
            await AjouterContactsAsync();
        }

        foreach (var (courriel, nom, role, sirenCommune) in Comptes)
        {
            if (await utilisateurs.FindByEmailAsync(courriel) is not null)
            {
                continue;
            }

            int? membreId = null;
            if (sirenCommune is not null)
            {
                var siren = Siren.Parse(sirenCommune);
                membreId = await db.Membres.Where(m => m.Siren == siren).Select(m => (int?)m.Id).FirstOrDefaultAsync();
            }

            var utilisateur = new Utilisateur { UserName = courriel, Email = courriel, EmailConfirmed = true, NomComplet = nom, MembreId = membreId };
            AmorcageAdministrateur.Verifier(await utilisateurs.CreateAsync(utilisateur, PreparationBase.MotDePasseDemo));
            AmorcageAdministrateur.Verifier(await utilisateurs.AddToRoleAsync(utilisateur, role));
        }
    }

    /// <summary>Fictitious contacts (marked as demo) so the member pages show what a real record holds.</summary>
    private async Task AjouterContactsAsync()
    {
        var communes = await db.Membres.Where(m => m.NomRecherche == "SAINT NICOLAS DE REDON" || m.NomRecherche == "ALLAIRE").ToListAsync();
        foreach (var commune in communes)
        {
            var domaine = commune.NomRecherche == "ALLAIRE" ? "allaire.demo" : "saint-nicolas-de-redon.demo";
            commune.ModifierCoordonnees(
                new Adresse("Mairie, place de l'Église", commune.NomRecherche == "ALLAIRE" ? "56350" : "44460", commune.Nom),
                new Contact("Maire (démo)", "Maire", $"maire@{domaine}", null),
                new Contact("Référent informatique (démo)", "Secrétaire de mairie", $"mairie@{domaine}", null));
        }

        await db.SaveChangesAsync();
    }
}
