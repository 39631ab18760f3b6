namespace Mutualisation.Domain.Missions;

/// <summary>
/// The service hours of the Redon convention (Annexe 2): Monday to Thursday 8:00–12:30 and 13:30–18:00,
/// Friday 8:00–12:30 and 13:30–17:00; nothing on weekends nor on French public holidays. An entry outside
/// them is flagged, never refused (an emergency is still work done).
/// </summary>
public static class PlagesHoraires
{
    public static readonly TimeOnly DebutMatin = new(8, 0);
    public static readonly TimeOnly FinMatin = new(12, 30);
    public static readonly TimeOnly DebutApresMidi = new(13, 30);

    /// <summary>The end of the afternoon: 18:00, 17:00 on Fridays.</summary>
    public static TimeOnly FinApresMidi(DateOnly date) => date.DayOfWeek == DayOfWeek.Friday ? new(17, 0) : new(18, 0);

    /// <summary>A working day of the service: Monday to Friday, not a public holiday.</summary>
    public static bool EstOuvre(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !JoursFeries.EstFerie(date);

    /// <summary>Why a period of work is outside the service hours (in French), or null when it is within them.</summary>
    public static string? HorsPlages(DateOnly date, Creneau creneau, TimeOnly? debut, TimeOnly? fin)
    {
        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return "le week-end, hors des plages d'intervention";
        }

        if (JoursFeries.Nom(date) is { } ferie)
        {
            return $"jour férié ({ferie}), hors des plages d'intervention";
        }

        if (creneau != Creneau.Horaires || debut is not { } d || fin is not { } f)
        {
            return null;
        }

        var finApresMidi = FinApresMidi(date);
        var dansLeMatin = d >= DebutMatin && f <= FinMatin;
        var dansLApresMidi = d >= DebutApresMidi && f <= finApresMidi;
        var surLesDeux = d >= DebutMatin && f <= finApresMidi;
        if (dansLeMatin || dansLApresMidi)
        {
            return null;
        }

        if (!surLesDeux)
        {
            return $"de {Heure(d)} à {Heure(f)}, hors des plages {Plages(date)}";
        }

        // From the morning into the afternoon: the lunch break is outside the service hours, only a span that covers it is flagged.
        return d < FinMatin && f > DebutApresMidi
            ? null
            : $"de {Heure(d)} à {Heure(f)}, pendant la pause de 12 h 30 à 13 h 30";
    }

    /// <summary>The service hours of a day, as people read them.</summary>
    public static string Plages(DateOnly date) =>
        $"8 h – 12 h 30 et 13 h 30 – {(date.DayOfWeek == DayOfWeek.Friday ? "17 h" : "18 h")}";

    private static string Heure(TimeOnly heure) => heure.Minute == 0 ? $"{heure.Hour} h" : $"{heure.Hour} h {heure.Minute:00}";
}

/// <summary>French public holidays (jours fériés légaux, Code du travail L3133-1), Easter computed.</summary>
public static class JoursFeries
{
    public static bool EstFerie(DateOnly date) => Nom(date) is not null;

    /// <summary>The holiday's name, or null.</summary>
    public static string? Nom(DateOnly date)
    {
        switch (date.Month, date.Day)
        {
            case (1, 1): return "jour de l'An";
            case (5, 1): return "fête du Travail";
            case (5, 8): return "victoire de 1945";
            case (7, 14): return "fête nationale";
            case (8, 15): return "Assomption";
            case (11, 1): return "Toussaint";
            case (11, 11): return "armistice de 1918";
            case (12, 25): return "Noël";
        }

        var paques = Paques(date.Year);
        return (date.DayNumber - paques.DayNumber) switch
        {
            1 => "lundi de Pâques",
            39 => "Ascension",
            50 => "lundi de Pentecôte",
            _ => null,
        };
    }

    /// <summary>Easter Sunday (Gregorian calendar, anonymous algorithm of Meeus/Jones/Butcher).</summary>
    public static DateOnly Paques(int annee)
    {
        var a = annee % 19;
        var b = annee / 100;
        var c = annee % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var mois = (h + l - (7 * m) + 114) / 31;
        var jour = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(annee, mois, jour);
    }
}
