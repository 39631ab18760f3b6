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
    /// From this many matches of a word search, a page walks the sort order and tests each name as it goes
    /// (dense matches fill a page after a few rows); below it, the matches are read from the
    /// words index and sorted (a rare word is found without reading every name). It is also where a
    /// word search stops counting: past it the list says « plus de 1 000 » (ADR 0012).
    /// </summary>
    public const int ResultatsDenses = 1000;

    public async Task<PageMembres> ExecuterAsync(IQueryable<Membre> membres, int taille, CancellationToken annulation)
    {
        var requete = Filtrer(membres, parcoursOrdonne: false);
        // A word search counts its matches through the words index and stops past the threshold: the
        // count of a frequent word (4 433 names for « saint ») cost more than the page itself.
        var mots = IdsParMots(membres);
        var compte = mots is null ? await requete.CountAsync(annulation) : await mots.Distinct().Take(ResultatsDenses + 1).CountAsync(annulation);
        var exact = mots is null || compte <= ResultatsDenses;
        var dense = compte >= ResultatsDenses;
        var total = exact ? compte : ResultatsDenses;
        var page = exact ? Math.Clamp(Page, 1, NombreDePages(total, taille)) : Math.Max(1, Page);
        var lignes = await LireAsync(membres, requete, dense, page, taille, annulation);
        if (!exact && lignes.Count == 0 && page > 1)
        {
            // A page past the end of an uncounted search (an edited address): count exactly, then show the last page as below.
            total = await requete.CountAsync(annulation);
            exact = true;
            page = NombreDePages(total, taille);
            lignes = await LireAsync(membres, requete, dense, page, taille, annulation);
        }

        var suivante = lignes.Count > taille;
        return new PageMembres(suivante ? lignes.Take(taille).ToList() : lignes, total, exact, page, exact ? NombreDePages(total, taille) : null, suivante);
    }

    private static int NombreDePages(int total, int taille) => Math.Max(1, (total + taille - 1) / taille);

    /// <summary>The page's rows and the first row of the next page, which tells whether there is one.</summary>
    private async Task<List<LigneMembre>> LireAsync(IQueryable<Membre> membres, IQueryable<Membre> requete, bool dense, int page, int taille, CancellationToken annulation)
    {
        // Deep pages: the offset walks a covering index of ids, then only the page's rows are read.
        var cles = Trier(dense ? Filtrer(membres, parcoursOrdonne: true) : requete)
            .Skip((page - 1) * taille)
            .Take(taille + 1)
            .Select(m => m.Id);
        return await Trier(membres.Where(m => cles.Contains(m.Id)))
            .Select(m => new LigneMembre(m.Id, m.Nom, m.Nature, m.CodeInsee, m.Siren, m.PopulationTotale, m.PopulationMillesime))
            .ToListAsync(annulation);
    }

    /// <summary>
    /// Ids of the names a word search finds, read from the words index (a member comes once per
    /// matching word); null for an empty search or a code (SIREN, INSEE), which are counted exactly.
    /// </summary>
    private IQueryable<int>? IdsParMots(IQueryable<Membre> membres)
    {
        if (MotsCherches() is not var (motif, premier, suivant))
        {
            return null;
        }

#pragma warning disable CA1310
        var mots = membres
            .SelectMany(m => m.MotsDuNom, (m, mot) => new { m.Id, m.NomRecherche, mot.Mot })
            .Where(x => x.Mot.CompareTo(premier) >= 0 && x.Mot.CompareTo(suivant) < 0);
#pragma warning restore CA1310
        return (motif.Length == premier.Length ? mots : mots.Where(x => x.NomRecherche.Contains(motif))).Select(x => x.Id);
    }

    /// <summary>
    /// The folded search, its first word and the first string after every word starting with it; null
    /// for an empty search or a code. A search finds the names in which a word starts with the first
    /// searched word (a range on MotsMembres.Mot, see MotDuNom); for several words, the folded phrase
    /// must also appear.
    /// </summary>
    private (string Motif, string Premier, string Suivant)? MotsCherches()
    {
        var texte = Q?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(texte) || (texte.Length == 9 && Siren.EstValide(texte)) || (texte.Length == 5 && InseeCode.EstValide(texte)))
        {
            return null;
        }

        var motif = TexteRecherche.Normaliser(texte);
        var premier = motif.Split(' ')[0];
        return (motif, premier, TexteRecherche.PrefixeSuivant(premier) ?? premier + char.MaxValue);
    }

    private IQueryable<Membre> Filtrer(IQueryable<Membre> membres, bool parcoursOrdonne)
    {
        var texte = Q?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(texte))
        {
            return membres;
        }

        if (MotsCherches() is not var (motif, premier, suivant))
        {
            if (texte.Length == 9)
            {
                var siren = Siren.Parse(texte);
                return membres.Where(m => m.Siren == siren);
            }

            var insee = InseeCode.Parse(texte);
            return membres.Where(m => m.CodeInsee == insee);
        }

        // CompareTo is translated to SQL comparisons ('>=', '<'), in the column's byte order; it never runs in .NET.
#pragma warning disable CA1310
        var candidats = membres
            .SelectMany(m => m.MotsDuNom, (m, mot) => new { m.Id, mot.Mot })
            .Where(x => x.Mot.CompareTo(premier) >= 0 && x.Mot.CompareTo(suivant) < 0)
            .Select(x => x.Id);
        // Walking the sort order, a name is checked on the row the walk already holds: its words are NomRecherche's
        // words (MotDuNom), so « a word starts with P » is « ' ' + NomRecherche contains ' ' + P », a string test
        // (instr, strpos, CHARINDEX) three times cheaper on SQLite than probing the words index for each name.
        // A search with no letter nor digit (« !! ») folds to no word: ' ' + any name contains ' ', every name is found.
        var debutDeMot = " " + premier;
        var trouves = parcoursOrdonne
            ? membres.Where(m => (" " + m.NomRecherche).Contains(debutDeMot))
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

/// <summary>
/// One page of the list. <paramref name="TotalExact"/> is false when a word search stopped counting at
/// <see cref="RechercheMembres.ResultatsDenses"/>: <paramref name="Total"/> is then a lower bound and
/// <paramref name="Pages"/> is unknown (null); <paramref name="PageSuivante"/> always says whether a next page exists.
/// </summary>
public sealed record PageMembres(IReadOnlyList<LigneMembre> Lignes, int Total, bool TotalExact, int Page, int? Pages, bool PageSuivante);
