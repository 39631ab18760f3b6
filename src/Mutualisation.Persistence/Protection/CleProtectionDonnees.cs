namespace Mutualisation.Persistence.Protection;

/// <summary>One ASP.NET Core data-protection key, stored in the database so restarts and several instances share it.</summary>
public sealed class CleProtectionDonnees
{
    public int Id { get; set; }

    public string? NomConvivial { get; set; }

    public string Xml { get; set; } = string.Empty;
}
