using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Membres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// The demo EPCI of the chosen profile (<see cref="ProfilsDemo"/>): its communes from the committed
/// Etalab extract, its accounts, and its catalogue voted for the previous and the current exercice.
/// Runs at every start and only adds what is missing.
/// </summary>
public sealed class SemisDemo(
    MutualisationDbContext db,
    ImportEtalab import,
    UserManager<Utilisateur> utilisateurs,
    RoleManager<IdentityRole> roles,
    IWebHostEnvironment environnement,
    IConfiguration configuration,
    TimeProvider horloge)
{
    /// <summary>Millésime of the populations in @etalab/decoupage-administratif 6.0.0 (in force on 1 January 2026).</summary>
    public const int MillesimeExtrait = 2023;

    public static string CheminExtrait(string racine) => Path.Combine(racine, "Donnees", "Etalab", "epci-extrait.json");

    public async Task SemerAsync()
    {
        await AmorcageAdministrateur.CreerRolesAsync(roles);
        var profil = ProfilsDemo.Choisi(configuration);

        if (!await db.Membres.AnyAsync())
        {
            await using var fichier = File.OpenRead(CheminExtrait(environnement.ContentRootPath));
            await import.ImporterAsync(fichier, profil.SirenEpci, MillesimeExtrait, CancellationToken.None);
            await AjouterAdressesDesMairiesAsync();
            if (profil == ProfilsDemo.Redon)
            {
                await AjouterContactsAsync();
            }
        }

        await SemerCataloguesAsync(profil);
        await Features.Conventions.SemisConventions.SemerAsync(db, profil == ProfilsDemo.CoeurCoteFleurie, profil.Comptes.Where(c => c.SirenCommune is not null).Select(c => c.SirenCommune!).ToList(), horloge);
        await Features.Audits.SemisAudits.SemerAsync(db, profil, horloge);
        await Features.Adhesions.SemisAdhesions.SemerAsync(db, profil.Comptes.Where(c => c.SirenCommune is not null).Select(c => c.SirenCommune!).ToList(), horloge);

        foreach (var (courriel, nom, role, sirenCommune) in profil.Comptes)
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

        await Features.Missions.SemisMissions.SemerAsync(db, profil == ProfilsDemo.Redon, await AgentDemoAsync(profil), horloge);

        // After adhésions, audits and N1 missions: the campaigns price every stored fact.
        await Features.Titres.SemisTitres.SemerAsync(db, profil, horloge, () => Features.TitresParticuliers.SemisTitresParticuliers.SemerAsync(db, horloge));
        await Features.FichesProjet.SemisFichesProjet.SemerAsync(db, profil, horloge);
    }

    /// <summary>The demo DSI agent (id and name) who records the demo missions' time.</summary>
    private async Task<Domain.Conventions.Auteur?> AgentDemoAsync(ProfilDemo profil) =>
        profil.Comptes.FirstOrDefault(c => c.Role == Roles.AgentDSI) is { } compte && await utilisateurs.FindByEmailAsync(compte.Courriel) is { } agent
            ? new(agent.Id, agent.NomComplet is { Length: > 0 } nom ? nom : compte.Nom)
            : null;

    /// <summary>The catalogue voted (in February, a demo délibération) for the previous and the current exercice.</summary>
    private async Task SemerCataloguesAsync(ProfilDemo profil)
    {
        var courant = horloge.ExerciceCourant();
        foreach (var exercice in new[] { courant - 1, courant })
        {
            if (await db.VersionsCatalogue.AnyAsync(v => v.Exercice == exercice))
            {
                continue;
            }

            var version = profil.Catalogue(exercice, profil.IntituleCatalogue);
            version.Voter($"{profil.PrefixeDeliberation}_{exercice}_DEMO", new DateOnly(exercice, 2, 12), null);
            db.VersionsCatalogue.Add(version);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Each commune's mairie as its postal address (« Mairie, code postal, commune »; the postal codes of the Etalab
    /// extract's communes in <c>Donnees/Etalab/codes-postaux.json</c>): titres copy it, and the PES V2 file needs it.
    /// </summary>
    private async Task AjouterAdressesDesMairiesAsync()
    {
        var chemin = Path.Combine(environnement.ContentRootPath, "Donnees", "Etalab", "codes-postaux.json");
        var codes = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(chemin)) ?? [];
        foreach (var commune in await db.Membres.Where(m => m.Nature == NatureMembre.Commune).ToListAsync())
        {
            if (commune.Adresse.CodePostal is null && codes.TryGetValue(commune.CodeInsee.Valeur, out var codePostal))
            {
                commune.ModifierCoordonnees(new Adresse("Mairie", codePostal, commune.Nom), commune.Decideur, commune.Technique);
            }
        }

        await db.SaveChangesAsync();
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
