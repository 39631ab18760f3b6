using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Web.Features.Membres;

/// <summary>Search, sort and paging of the members list, done in SQL so it stays fast with every French commune.</summary>
public sealed record RechercheMembres
{
    public string? Q { get; init; }

    public string? Tri { get; init; }

    public string? Sens { get; init; }

    public int Page { get; init; } = 1;

    public bool Descendant => string.Equals(Sens, "desc", StringComparison.OrdinalIgnoreCase);

    public string TriEffectif => Tri is "insee" or "population" or "siren" ? Tri : "nom";

    /// <summary>
    /// From this many matches of a word search, a page walks the sort order and probes the words index
    /// row by row (dense matches fill a page after a few rows); below it, the matches are read from the
    /// words index and sorted (a rare word is found without reading every name).
    /// </summary>
    private const int ResultatsDenses = 1000;

    public async Task<PageMembres> ExecuterAsync(IQueryable<Membre> membres, int taille, CancellationToken annulation)
    {
        var requete = Filtrer(membres, parcoursOrdonne: false);
        var total = await requete.CountAsync(annulation);
        var pages = Math.Max(1, (total + taille - 1) / taille);
        var page = Math.Clamp(Page, 1, pages);
        // Deep pages: the offset walks a covering index of ids, then only the page's rows are read.
        var cles = Trier(total >= ResultatsDenses ? Filtrer(membres, parcoursOrdonne: true) : requete)
            .Skip((page - 1) * taille)
            .Take(taille)
            .Select(m => m.Id);
        var lignes = await Trier(membres.Where(m => cles.Contains(m.Id)))
            .Select(m => new LigneMembre(m.Id, m.Nom, m.Nature, m.CodeInsee, m.Siren, m.PopulationTotale, m.PopulationMillesime))
            .ToListAsync(annulation);
        return new PageMembres(lignes, total, page, pages);
    }

    private IQueryable<Membre> Filtrer(IQueryable<Membre> membres, bool parcoursOrdonne)
    {
        var texte = Q?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(texte))
        {
            return membres;
        }

        if (texte.Length == 9 && Siren.EstValide(texte))
        {
            var siren = Siren.Parse(texte);
            return membres.Where(m => m.Siren == siren);
        }

        if (texte.Length == 5 && InseeCode.EstValide(texte))
        {
            var insee = InseeCode.Parse(texte);
            return membres.Where(m => m.CodeInsee == insee);
        }

        // Names in which a word starts with the first searched word, read from the words index (a range
        // on MotsMembres.Mot, see MotDuNom); for several words, the folded phrase must also appear.
        var motif = TexteRecherche.Normaliser(texte);
        var premier = motif.Split(' ')[0];
        var suivant = TexteRecherche.PrefixeSuivant(premier) ?? premier + char.MaxValue;
        // CompareTo is translated to SQL comparisons ('>=', '<'), in the column's byte order; it never runs in .NET.
#pragma warning disable CA1310
        var candidats = membres
            .SelectMany(m => m.MotsDuNom, (m, mot) => new { m.Id, mot.Mot })
            .Where(x => x.Mot.CompareTo(premier) >= 0 && x.Mot.CompareTo(suivant) < 0)
            .Select(x => x.Id);
        var trouves = parcoursOrdonne
            ? membres.Where(m => m.MotsDuNom.Any(x => x.Mot.CompareTo(premier) >= 0 && x.Mot.CompareTo(suivant) < 0))
            : membres.Where(m => candidats.Contains(m.Id));
#pragma warning restore CA1310
        return motif.Length == premier.Length ? trouves : trouves.Where(m => m.NomRecherche.Contains(motif));
    }

    private IQueryable<Membre> Trier(IQueryable<Membre> membres) => (TriEffectif, Descendant) switch
    {
        ("insee", false) => membres.OrderBy(m => m.CodeInsee).ThenBy(m => m.Id),
        ("insee", true) => membres.OrderByDescending(m => m.CodeInsee).ThenBy(m => m.Id),
        ("siren", false) => membres.OrderBy(m => m.Siren).ThenBy(m => m.Id),
        ("siren", true) => membres.OrderByDescending(m => m.Siren).ThenBy(m => m.Id),
        ("population", false) => membres.OrderBy(m => m.PopulationTotale).ThenBy(m => m.NomRecherche),
        ("population", true) => membres.OrderByDescending(m => m.PopulationTotale).ThenBy(m => m.NomRecherche),
        (_, true) => membres.OrderByDescending(m => m.NomRecherche).ThenBy(m => m.Id),
        _ => membres.OrderBy(m => m.NomRecherche).ThenBy(m => m.Id),
    };

    /// <summary>Link to another page (same sort) or to another sort (first page; same column toggles the direction).</summary>
    public string Lien(int? page = null, string? tri = null)
    {
        var triCible = tri ?? TriEffectif;
        var sens = tri is null ? (Descendant ? "desc" : "asc") : (tri == TriEffectif && !Descendant ? "desc" : "asc");
        var parametres = new Dictionary<string, string?>
        {
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["tri"] = triCible,
            ["sens"] = sens,
            ["page"] = (page ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/membres", parametres.Where(p => p.Value is not null));
    }
}

public sealed record LigneMembre(int Id, string Nom, NatureMembre Nature, InseeCode CodeInsee, Siren Siren, int? PopulationTotale, int? Millesime);

public sealed record PageMembres(IReadOnlyList<LigneMembre> Lignes, int Total, int Page, int Pages);
