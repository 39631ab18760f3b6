using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Membres;

/// <summary>The form to add a dated value of a declared quantity, as typed.</summary>
public sealed record QuantiteFormulaire(string? Code = null, string? Depuis = null, string? Valeur = null, string? Source = null);

/// <summary>A member's dated values of one declared quantity, with its label and unit.</summary>
public sealed record LigneQuantites(string Code, string Libelle, QuantiteCatalogue? Declaration, IReadOnlyList<QuantiteMembre> Valeurs)
{
    public string Unite(decimal valeur) => Declaration?.Unite(valeur) ?? string.Empty;
}

public sealed record DetailMembreModel(
    Membre Membre,
    IReadOnlyList<LigneHistorique> Historique,
    IReadOnlyList<LigneQuantites> Quantites,
    IReadOnlyList<QuantiteCatalogue> QuantitesDeclarables,
    QuantiteFormulaire Formulaire)
{
    private static readonly StringComparer OrdreFr = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true);

    /// <summary>
    /// The member's page: identity, populations, declared quantities (labelled by the latest catalogue
    /// version that declares each code; drafts only for EPCI staff) and the history. Null when the member
    /// is unknown or outside the caller's perimeter.
    /// </summary>
    public static async Task<DetailMembreModel?> ChargerAsync(MutualisationDbContext db, int id, QuantiteFormulaire formulaire, ClaimsPrincipal utilisateur, CancellationToken annulation)
    {
        var membre = await db.Membres.AsNoTracking().Include(m => m.Populations).Include(m => m.Quantites).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, annulation);
        if (membre is null)
        {
            return null;
        }

        var entrees = await db.Historique.AsNoTracking()
            .Where(h => h.MembreId == id)
            .OrderByDescending(h => h.Id)
            .Take(50)
            .GroupJoin(db.Users.AsNoTracking(), h => h.UtilisateurId, u => u.Id, (h, u) => new { h, u })
            .SelectMany(x => x.u.DefaultIfEmpty(), (x, u) => new { x.h.Horodatage, x.h.UtilisateurId, Nom = u == null ? null : u.NomComplet, Courriel = u == null ? null : u.Email, x.h.Entite, x.h.Action, x.h.Changements })
            .ToListAsync(annulation);
        var historique = entrees.Select(h => new LigneHistorique(
                h.Horodatage,
                !string.IsNullOrWhiteSpace(h.Nom) ? h.Nom : h.Courriel ?? (h.UtilisateurId is null ? "Système" : "Compte supprimé"),
                HistoriqueLisible.Entite(h.Entite),
                h.Action,
                HistoriqueLisible.Lire(h.Entite, h.Action, h.Changements)))
            .ToList();

        var declarables = await QuantitesDeclarablesAsync(db, Roles.Intercommunaux.Any(utilisateur.IsInRole), annulation);
        var quantites = membre.Quantites.GroupBy(q => q.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var declaration = declarables.FirstOrDefault(q => q.Code == g.Key);
                return new LigneQuantites(g.Key, declaration?.Libelle ?? g.Key, declaration, g.OrderByDescending(q => q.Depuis).ToList());
            })
            .OrderBy(l => l.Libelle, OrdreFr)
            .ToList();
        return new DetailMembreModel(membre, historique, quantites, declarables, formulaire);
    }

    /// <summary>The quantities the catalogue versions declare, one per code, as the latest version declares it.</summary>
    public static async Task<IReadOnlyList<QuantiteCatalogue>> QuantitesDeclarablesAsync(MutualisationDbContext db, bool avecBrouillons, CancellationToken annulation)
    {
        var versions = db.VersionsCatalogue.AsNoTracking();
        if (!avecBrouillons)
        {
            versions = versions.Where(v => v.Statut == StatutVersion.Votee);
        }

        var lues = await versions.Include("_quantites").OrderByDescending(v => v.Exercice).ThenByDescending(v => v.Id).ToListAsync(annulation);
        return lues.SelectMany(v => v.Quantites).DistinctBy(q => q.Code).OrderBy(q => q.Libelle, OrdreFr).ToList();
    }
}
