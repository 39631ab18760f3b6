namespace Mutualisation.Domain.Commun;

/// <summary>
/// Marks data that belongs to one member. A commune user only reads and writes rows
/// whose <see cref="MembreId"/> is its own; persistence enforces it for every such type.
/// </summary>
public interface IPerimetreMembre
{
    int MembreId { get; }
}
