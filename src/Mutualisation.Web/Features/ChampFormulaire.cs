using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Mutualisation.Web.Features;

/// <summary>What the shared <c>_ChampTexte</c> partial needs to draw one labelled input with its error.</summary>
public sealed record ChampFormulaire(string Nom, string Libelle, string? Valeur, string? Erreur)
{
    public string Id => Nom.Replace('.', '_');

    public string Type { get; init; } = "text";

    public bool Obligatoire { get; init; }

    public string? Aide { get; init; }

    public string AutoComplete { get; init; } = "off";

    public string Classe { get; init; } = string.Empty;

    /// <summary>Builds a field from the view's model state, so a rejected form keeps what the user typed.</summary>
    public static ChampFormulaire Depuis(ViewDataDictionary viewData, string nom, string libelle, object? valeur)
    {
        var etat = viewData.ModelState.TryGetValue(nom, out var entree) ? entree : null;
        var texte = etat?.AttemptedValue ?? valeur switch
        {
            null => null,
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.GetCultureInfo("fr-FR")),
            _ => valeur.ToString(),
        };
        return new ChampFormulaire(nom, libelle, texte, ErreurDe(viewData, nom));
    }

    /// <summary>The first validation message for a field (or for the whole form with an empty name), null when there is none.</summary>
    public static string? ErreurDe(ViewDataDictionary viewData, string nom)
    {
        var erreur = viewData.ModelState.TryGetValue(nom, out var entree) ? entree?.Errors.FirstOrDefault()?.ErrorMessage : null;
        return string.IsNullOrEmpty(erreur) ? null : erreur;
    }
}
