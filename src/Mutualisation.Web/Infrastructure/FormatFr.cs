using System.Globalization;

namespace Mutualisation.Web.Infrastructure;

/// <summary>fr-FR formats, explicit, whatever the thread's culture: 1 234,56 €, 31/12/2026.</summary>
public static class FormatFr
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Euros(decimal montant) => montant.ToString("#,##0.00 €", Fr);

    public static string Entier(int? valeur) => valeur?.ToString("#,##0", Fr) ?? "—";

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Fr);

    public static string DateHeure(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Paris).ToString("dd/MM/yyyy HH:mm", Fr);
}
