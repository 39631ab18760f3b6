namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// "Today" and "the current exercice" for the EPCI, read from the injected <see cref="TimeProvider"/>
/// and seen from Europe/Paris whatever the server's time zone: at 00:30 on 1 January in Paris the
/// exercice has changed although UTC (and a server on UTC) is still on 31 December.
/// </summary>
public static class HorlogeParis
{
    public static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTimeOffset MaintenantAParis(this TimeProvider horloge) => TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), Paris);

    public static DateOnly AujourdHui(this TimeProvider horloge) => DateOnly.FromDateTime(horloge.MaintenantAParis().DateTime);

    /// <summary>The calendar year in Paris: the exercice in progress.</summary>
    public static int ExerciceCourant(this TimeProvider horloge) => horloge.MaintenantAParis().Year;
}
