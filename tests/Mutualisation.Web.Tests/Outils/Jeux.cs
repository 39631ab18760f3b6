using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>Test data builders with unique, valid identifiers.</summary>
public static class Jeux
{
    private static int _compteur = Random.Shared.Next(100_000, 900_000);

    /// <summary>A unique SIREN with a valid Luhn key (starting with 9, which no commune uses).</summary>
    public static string SirenUnique()
    {
        var base8 = "9" + Interlocked.Increment(ref _compteur).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        for (var cle = 0; cle <= 9; cle++)
        {
            var candidat = base8 + cle.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Siren.EstValide(candidat))
            {
                return candidat;
            }
        }

        throw new InvalidOperationException("Impossible : une clé de Luhn existe toujours.");
    }

    public static string InseeUnique() =>
        "9" + (Interlocked.Increment(ref _compteur) % 10_000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    public static Membre Commune(string? nom = null, int population = 1200)
    {
        var membre = new Membre(nom ?? "Commune test " + Guid.NewGuid().ToString("N")[..8], NatureMembre.Commune, InseeCode.Parse(InseeUnique()), Siren.Parse(SirenUnique()));
        membre.EnregistrerPopulation(2023, population, population - 10, "test");
        return membre;
    }
}
