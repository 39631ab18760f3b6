using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Copil;

/// <summary>
/// The schéma directeur des systèmes d'information: the projects the COPIL accepted, by planned year, with their commune,
/// title, estimated cost (the total of Annexe 3's cost estimate), the duration the DSI estimated and their state. The
/// EPCI's staff only. Costs are added up in memory (SQLite stores amounts as cents, and a year holds few projects).
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("schema-directeur")]
public sealed class SchemaDirecteurController(MutualisationDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? annee, CancellationToken annulation)
    {
        var acceptees = db.FichesProjet.AsNoTracking().Where(f => f.Decision == DecisionCopil.Acceptee && f.AnneeSchemaDirecteur != null);
        var annees = await acceptees.Select(f => f.AnneeSchemaDirecteur!.Value).Distinct().OrderBy(a => a).ToListAsync(annulation);
        int? filtre = int.TryParse(annee, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;
        if (filtre is { } choisie)
        {
            acceptees = acceptees.Where(f => f.AnneeSchemaDirecteur == choisie);
        }

        var fiches = await acceptees
            .Join(db.Membres.AsNoTracking(), f => f.MembreId, m => m.Id, (f, m) => new { f, m.Nom })
            .OrderBy(x => x.f.AnneeSchemaDirecteur).ThenBy(x => x.Nom).ThenBy(x => x.f.Id)
            .Take(2000)
            .ToListAsync(annulation);
        var lignes = fiches.Select(x => new ProjetSchema(x.f.Id, x.f.Numero, x.f.Titre, x.Nom, x.f.AnneeSchemaDirecteur!.Value, x.f.Contenu.CoutGlobal,
            x.f.DureeEstimeeMois, x.f.Etat, x.f.Mutualisable, x.f.DecideeLe)).ToList();
        var parAnnee = lignes.GroupBy(l => l.Annee).OrderBy(g => g.Key)
            .Select(g => new AnneeSchema(g.Key, g.ToList(), g.Aggregate(Montant.Zero, (s, l) => s + l.Cout)))
            .ToList();
        return View(new SchemaDirecteurModel(annees, filtre, parAnnee));
    }
}

public sealed record ProjetSchema(int Id, string? Numero, string Titre, string Membre, int Annee, Montant Cout, int? DureeEstimeeMois, EtatFiche Etat,
    bool Mutualisable, DateOnly? DecideeLe);

public sealed record AnneeSchema(int Annee, IReadOnlyList<ProjetSchema> Projets, Montant Total);

public sealed record SchemaDirecteurModel(IReadOnlyList<int> Annees, int? Annee, IReadOnlyList<AnneeSchema> ParAnnee);
