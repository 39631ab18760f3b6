namespace Mutualisation.Billing;

/// <summary>
/// Prorata temporis by twelfths (CCCF art. 5): a service active from month m of the exercice to
/// December counts 13 − m twelfths; a month started counts as a whole month.
/// </summary>
public static class Douziemes
{
    public static int Mois(int exercice, DateOnly debut, DateOnly? fin = null)
    {
        var (premier, dernier) = Plage(exercice, debut, fin);
        return Math.Max(0, dernier - premier + 1);
    }

    /// <summary>First and last month (1–12) of the exercice covered; first &gt; last when none is.</summary>
    public static (int Premier, int Dernier) Plage(int exercice, DateOnly debut, DateOnly? fin = null)
    {
        if (fin is { } f && f < debut)
        {
            throw new TarificationImpossibleException($"La fin ({Fr.Date(f)}) précède le début ({Fr.Date(debut)}).", "dates-contradictoires");
        }

        var premier = debut.Year < exercice ? 1 : debut.Year > exercice ? 13 : debut.Month;
        var dernier = fin is null || fin.Value.Year > exercice ? 12 : fin.Value.Year < exercice ? 0 : fin.Value.Month;
        return (premier, dernier);
    }

    public static decimal Appliquer(decimal montantAnnuel, int mois) => montantAnnuel * mois / 12m;
}
