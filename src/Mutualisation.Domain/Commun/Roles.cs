namespace Mutualisation.Domain.Commun;

/// <summary>The four roles of the portal.</summary>
public static class Roles
{
    public const string AdministrateurDSI = "AdministrateurDSI";
    public const string AgentDSI = "AgentDSI";
    public const string Finance = "Finance";
    public const string Mairie = "Mairie";

    public static readonly IReadOnlyList<string> Tous = [AdministrateurDSI, AgentDSI, Finance, Mairie];

    /// <summary>Roles that see every member (the EPCI's own staff).</summary>
    public static readonly IReadOnlyList<string> Intercommunaux = [AdministrateurDSI, AgentDSI, Finance];

    public static string Libelle(string role) => role switch
    {
        AdministrateurDSI => "Administrateur DSI",
        AgentDSI => "Agent DSI",
        Finance => "Finances",
        Mairie => "Mairie (secrétariat)",
        _ => role,
    };
}
