using System.Globalization;

namespace Mutualisation.Domain.Conventions;

/// <summary>
/// The dates the two conventions fix, as pure functions (domain.md, "Members and conventions"; CCCF art. 7,
/// Redon art. 2.2 and 2.4). An exit date is the first day the member is out: billing counts up to the day before.
/// </summary>
public static class RegleConvention
{
    /// <summary>
    /// CCCF: executory from the 1st day of the month following the signature of the PV de mise en service
    /// and its registration at the contrôle de légalité (the later of both when the registration is known).
    /// </summary>
    public static DateOnly DateEffetGlobale(DateOnly pvMiseEnService, DateOnly? controleLegalite)
    {
        var dernier = controleLegalite is { } controle && controle > pvMiseEnService ? controle : pvMiseEnService;
        return new DateOnly(dernier.Year, dernier.Month, 1).AddMonths(1);
    }

    /// <summary>Redon: from the signature of both parties (the later signature).</summary>
    public static DateOnly DateEffetServiceCommun(DateOnly signatureMembre, DateOnly signatureEpci) =>
        signatureMembre > signatureEpci ? signatureMembre : signatureEpci;

    /// <summary>
    /// CCCF: leaving takes effect only on 1 January, with at least 3 months' notice: a notice received on or
    /// before 1 October leaves on the next 1 January, one received later on the 1 January after.
    /// </summary>
    public static DateOnly DateSortieGlobale(DateOnly denonciation) =>
        denonciation <= new DateOnly(denonciation.Year, 10, 1)
            ? new DateOnly(denonciation.Year + 1, 1, 1)
            : new DateOnly(denonciation.Year + 2, 1, 1);

    /// <summary>Redon: twelve months' notice, unless both parties agreed in writing on an earlier date.</summary>
    public static DateOnly DateSortieServiceCommun(DateOnly denonciation, DateOnly? dateConvenue) =>
        dateConvenue ?? denonciation.AddMonths(12);

    /// <summary>Redon: the next anniversary of the effective date after <paramref name="aujourdHui"/> (one year, renewed tacitly).</summary>
    public static DateOnly ProchainRenouvellement(DateOnly dateEffet, DateOnly aujourdHui)
    {
        // Whole years already run, then the first anniversary after today (AddYears keeps 29 February on the 28th).
        var annees = Math.Max(1, aujourdHui.Year - dateEffet.Year);
        while (annees > 1 && dateEffet.AddYears(annees - 1) > aujourdHui)
        {
            annees--;
        }

        while (dateEffet.AddYears(annees) <= aujourdHui)
        {
            annees++;
        }

        return dateEffet.AddYears(annees);
    }

    internal static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
