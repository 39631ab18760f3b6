namespace Mutualisation.Domain.Catalogue;

/// <summary>One rule of the catalogue a change breaks: the field it concerns (as named on the entity, e.g. <c>Code</c>, <c>Tranches[1].Minimum</c>; empty for the version as a whole) and a French message.</summary>
public sealed record ErreurCatalogue(string Champ, string Message);

/// <summary>A change refused by a catalogue version's rules: one or more errors, each naming its field.</summary>
public sealed class CatalogueException : Exception
{
    public CatalogueException(string champ, string message)
        : this([new ErreurCatalogue(champ, message)])
    {
    }

    public CatalogueException(IReadOnlyList<ErreurCatalogue> erreurs)
        : base(string.Join(" ", erreurs.Select(e => e.Message)))
    {
        Erreurs = erreurs;
    }

    public IReadOnlyList<ErreurCatalogue> Erreurs { get; }

    /// <summary>The field of the first error (empty for the version as a whole).</summary>
    public string Champ => Erreurs[0].Champ;
}
