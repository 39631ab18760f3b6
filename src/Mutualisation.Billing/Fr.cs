using System.Globalization;

namespace Mutualisation.Billing;

/// <summary>French formats for labels the engine writes, whatever the server's locale.</summary>
internal static class Fr
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Euros(decimal montant) => montant.ToString("#,##0.00 '€'", Culture);

    /// <summary>A rate per unit, with up to four decimals: 0,25 €, 1,50 €, 0,1235 €.</summary>
    public static string Taux(decimal taux) => taux.ToString("#,##0.00## '€'", Culture);

    public static string Nombre(decimal valeur) => valeur.ToString("#,##0.##", Culture);

    /// <summary>A quantity with its unit agreed: « 1 poste », « 27 500 habitants ».</summary>
    public static string Quantite(decimal valeur, string singulier, string pluriel) => $"{Nombre(valeur)} {Unites.Accorder(valeur, singulier, pluriel)}";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Mois(int mois) => Culture.DateTimeFormat.GetMonthName(mois);
}
