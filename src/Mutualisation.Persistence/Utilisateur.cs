using Microsoft.AspNetCore.Identity;

namespace Mutualisation.Persistence;

/// <summary>A person who signs in. A Mairie user is bound to one member.</summary>
public sealed class Utilisateur : IdentityUser
{
    public string NomComplet { get; set; } = string.Empty;

    public int? MembreId { get; set; }

    public bool Actif { get; set; } = true;
}
