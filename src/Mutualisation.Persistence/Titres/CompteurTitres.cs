namespace Mutualisation.Persistence.Titres;

/// <summary>
/// The last number given in one series (titres or bordereaux) of an exercice and a budget. Read and moved only
/// inside the issuing transaction (<see cref="EmissionTitres"/>, ADR 0016), so a number is taken for good only
/// when the titre that carries it is committed: no gap, no duplicate.
/// </summary>
public sealed class CompteurTitres
{
    public const string SerieTitres = "titres";
    public const string SerieBordereaux = "bordereaux";

    /// <summary>The PES V2 bordereaux of one <c>TypBord</c> (« pes-01 » ordinary, « pes-02 » annulation / réduction): Hélios checks each series.</summary>
    public static string SeriePes(string typBord) => "pes-" + typBord;

    public int Exercice { get; set; }

    public string Budget { get; set; } = string.Empty;

    public string Serie { get; set; } = string.Empty;

    public int Dernier { get; set; }
}
