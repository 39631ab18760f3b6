namespace Mutualisation.Persistence.Perimetre;

/// <summary>A restricted user tried to write another member's data.</summary>
public sealed class AccesHorsPerimetreException(string message) : Exception(message);
