using System.Globalization;

namespace Mutualisation.Billing;

/// <summary>French formats for labels the engine writes, whatever the server's locale.</summary>
internal static class Fr
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Euros(decimal montant) => montant.ToString("#,##0.00 '€'", Culture);

    public static string Nombre(decimal valeur) => valeur.ToString("#,##0.##", Culture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Culture);

    public static string Mois(int mois) => Culture.DateTimeFormat.GetMonthName(mois);
}
