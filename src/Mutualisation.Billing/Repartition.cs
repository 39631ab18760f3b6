namespace Mutualisation.Billing;

/// <summary>Splits an amount by weights into cents that add up exactly to the total (largest remainder).</summary>
public static class Repartition
{
    public static IReadOnlyList<decimal> AuPlusFortReste(decimal total, IReadOnlyList<decimal> poids)
    {
        if (poids.Count == 0 || poids.Any(p => p < 0) || poids.Sum() <= 0)
        {
            throw new TarificationImpossibleException("La répartition exige des poids positifs dont la somme n'est pas nulle.", "poids-invalides");
        }

        var centimes = decimal.ToInt64(Arrondi.AuCentime(total) * 100m);
        var somme = poids.Sum();
        var exacts = poids.Select(p => centimes * p / somme).ToList();
        var parts = exacts.Select(e => (long)decimal.Floor(e)).ToArray();
        var reste = centimes - parts.Sum();
        foreach (var i in exacts.Select((e, i) => (Reste: e - decimal.Floor(e), i)).OrderByDescending(x => x.Reste).ThenBy(x => x.i).Take((int)reste).Select(x => x.i))
        {
            parts[i]++;
        }

        return parts.Select(p => p / 100m).ToList();
    }
}
