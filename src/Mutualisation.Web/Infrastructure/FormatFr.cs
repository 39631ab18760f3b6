using System.Globalization;

namespace Mutualisation.Web.Infrastructure;

/// <summary>fr-FR formats, explicit, whatever the thread's culture: 1 234,56 €, 31/12/2026.</summary>
public static class FormatFr
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>French alphabetical order of names, case ignored (« Étel » between « Erdeven » and « Fréhel »).</summary>
    public static readonly StringComparer Comparateur = StringComparer.Create(Fr, ignoreCase: true);

    /// <summary>Whether <paramref name="texte"/> contains <paramref name="recherche"/>, case and accents ignored (« etel » finds « Étel »).</summary>
    public static bool Contient(string texte, string recherche) =>
        Fr.CompareInfo.IndexOf(texte, recherche, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0;

    public static string Euros(decimal montant) => montant.ToString("#,##0.00 €", Fr);

    public static string Entier(int? valeur) => valeur?.ToString("#,##0", Fr) ?? "—";

    /// <summary>A number of inhabitants: 2 355.</summary>
    public static string Population(long valeur) => valeur.ToString("#,##0", Fr);

    public static string Taux(decimal taux) => taux.ToString("#,##0.00#### €", Fr);

    public static string Nombre(decimal valeur) => valeur.ToString("#,##0.##", Fr);

    /// <summary>The bases de liquidation of a line, in words a debtor can check.</summary>
    public static string Bases(Billing.BasesDeLiquidation b)
    {
        var parties = new List<string>();
        if (b.Population is { } population)
        {
            parties.Add($"population {Entier(population)} hab." + (b.Millesime is { } m ? $" (millésime {m})" : string.Empty));
        }

        if (b.Tranche is not null)
        {
            parties.Add($"tranche : {b.Tranche}");
        }

        if (b.Calcul is not null)
        {
            parties.Add(b.Calcul);
        }
        else if (b.Quantite is { } quantite)
        {
            parties.Add(b.Taux is { } taux ? $"{Nombre(quantite)} {b.Unite} × {Taux(taux)}" : $"{Nombre(quantite)} {b.Unite}");
        }

        if (b.MoisProrata is { } mois)
        {
            parties.Add($"prorata {mois}/12");
        }

        if (b.Deduction is { } deduction)
        {
            parties.Add($"déduction de {Euros(deduction)} : {b.MotifDeduction}");
        }

        if (b.Ajustement is not null)
        {
            parties.Add(b.Ajustement);
        }

        if (b.PremiereAnnee is not null)
        {
            parties.Add(b.PremiereAnnee);
        }

        return string.Join(" · ", parties);
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", Fr);

    /// <summary>When something happened, in Paris time: 23/11/2026 à 14:05.</summary>
    public static string Horodatage(DateTimeOffset instant) => AParis(instant, "dd/MM/yyyy 'à' HH:mm");

    /// <summary>A date and time in Paris time, in a table or a badge: 23/11/2026 14:05.</summary>
    public static string DateHeure(DateTimeOffset instant) => AParis(instant, "dd/MM/yyyy HH:mm");

    private static string AParis(DateTimeOffset instant, string format) =>
        TimeZoneInfo.ConvertTime(instant, HorlogeParis.Paris).ToString(format, Fr);
}
