using Mutualisation.Billing;
using Mutualisation.Web.Features.Tarifs;

namespace Mutualisation.Web.Features.Adhesions;

/// <summary>One member's contribution from its stored adhésions: the engine's lines, or why it gives no automatic price.</summary>
public sealed record ContributionReelle(FaitsReels Membre, Contribution? Contribution, string? Refus)
{
    /// <summary>The rules' refusal (its service, whether a negotiated amount may replace it), when the engine refused.</summary>
    public RefusTarification? RefusTarification { get; init; }

    public string? Tranche => Contribution is null ? null : Billing.Simulation.Tranche(Contribution);
}

/// <summary>
/// Prices the real adhésions of the members for an exercice with the catalogue that applies to it, through the same
/// engine as the simulator and the titres (<see cref="Tarification.Evaluer"/>), from the facts read by
/// <see cref="FaitsDesMembres.LireAdhesionsAsync"/>. A refusal of the rules (deeper examination above 8 000
/// inhabitants…) and a fact the engine cannot price are shown on the member's line, never thrown.
/// </summary>
public sealed class ContributionsReelles(FaitsDesMembres faits)
{
    public async Task<IReadOnlyList<ContributionReelle>> CalculerAsync(ExerciceTarifaire tarif, IReadOnlyCollection<int>? membres, CancellationToken annulation)
    {
        var lus = await faits.LireAdhesionsAsync(tarif, membres, annulation);
        return lus.Where(m => m.Adhere).Select(m => Tarifer(tarif.Catalogue, m)).ToList();
    }

    /// <param name="negocies">
    /// Services of the member whose amount was negotiated (the invoicing campaign): the engine prices no line for them
    /// instead of refusing; the campaign adds the negotiated line.
    /// </param>
    public static ContributionReelle Tarifer(CatalogueTarifaire catalogue, FaitsReels membre, IReadOnlySet<string>? negocies = null)
    {
        if (membre.Manque is { } manque)
        {
            return new(membre, null, manque);
        }

        try
        {
            var faits = negocies is { Count: > 0 } ? membre.Faits with { ServicesNegocies = negocies } : membre.Faits;
            var resultat = Tarification.Evaluer(catalogue, faits);
            return new(membre, resultat.Contribution, resultat.Refus?.Message) { RefusTarification = resultat.Refus };
        }
        catch (TarificationImpossibleException erreur)
        {
            return new(membre, null, erreur.Message);
        }
    }
}
