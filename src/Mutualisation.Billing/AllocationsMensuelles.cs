namespace Mutualisation.Billing;

/// <summary>
/// Storage billed on what is allocated, month by month (CCCF art. 5): an allocation counts from the
/// month it starts (a month started is a whole month); consecutive months at the same level make one line.
/// </summary>
internal static class AllocationsMensuelles
{
    public static void Ajouter(ServiceTarife service, Composante c, FaitsMembre faits, int exercice, int premier, int dernier, List<LignePrix> lignes)
    {
        var allocations = faits.Allocations.Where(a => a.Quantite == c.Quantite).OrderBy(a => a.Depuis).ToList();
        if (allocations.Any(a => a.Valeur < 0))
        {
            throw new TarificationImpossibleException($"Une allocation « {c.Quantite} » ne peut pas être négative.", "quantite-negative");
        }

        var niveaux = new decimal[13];
        for (var m = Math.Max(1, premier); m <= Math.Min(12, dernier); m++)
        {
            var finDuMois = new DateOnly(exercice, m, 1).AddMonths(1).AddDays(-1);
            niveaux[m] = allocations.LastOrDefault(a => a.Depuis <= finDuMois)?.Valeur ?? 0m;
        }

        var debut = Math.Max(1, premier);
        for (var m = debut; m <= Math.Min(12, dernier); m++)
        {
            if (m < Math.Min(12, dernier) && niveaux[m + 1] == niveaux[m])
            {
                continue;
            }

            var mois = m - debut + 1;
            if (niveaux[m] > 0)
            {
                var periode = mois == 1 ? Fr.Mois(debut) : $"de {Fr.Mois(debut)} à {Fr.Mois(m)}";
                var unite = c.UnitePour(niveaux[m]);
                lignes.Add(new LignePrix($"{service.Libelle} — {c.Libelle} : {Fr.Nombre(niveaux[m])} {unite}, {periode}",
                    new BasesDeLiquidation { Quantite = niveaux[m], Unite = unite, Taux = c.Taux, MoisProrata = mois },
                    Arrondi.AuCentime(niveaux[m] * c.Taux * mois / 12m)));
            }

            debut = m + 1;
        }
    }
}
