using Mutualisation.Domain.Catalogue;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Tarifs;

/// <summary>A value of a declared quantity as a user types it (« 4 », « 12,5 »), in the simulator and on a member's page.</summary>
public static class SaisieQuantite
{
    /// <summary>Why a typed value cannot be a value of the quantity (French), or null with the value.</summary>
    public static string? Refus(QuantiteCatalogue q, string? texte, out decimal valeur)
    {
        valeur = 0;
        if (SaisieFr.EstVide(texte))
        {
            return $"Saisissez le nombre de {q.UnitePluriel}.";
        }

        if (SaisieFr.Nombre(texte) is not { } lue)
        {
            return $"« {q.Libelle} » est un nombre de {q.UnitePluriel} (reçu « {SaisieFr.Extrait(texte!)} »).";
        }

        if (lue < 0)
        {
            return $"« {q.Libelle} » ne peut pas être négatif.";
        }

        if (q.Type == TypeQuantite.Entiere && lue != decimal.Truncate(lue))
        {
            return $"« {q.Libelle} » se compte en nombre entier de {q.UnitePluriel}, sans décimale (reçu « {SaisieFr.Extrait(texte!)} »).";
        }

        if (decimal.Round(lue, 4) != lue)
        {
            return $"« {q.Libelle} » a au plus quatre décimales (reçu « {SaisieFr.Extrait(texte!)} »).";
        }

        valeur = lue;
        return null;
    }

}
