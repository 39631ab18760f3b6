namespace Mutualisation.Billing;

/// <summary>The rules refuse to price these facts (unknown, contradictory, or needing a negotiated amount). Never a default amount.</summary>
public sealed class TarificationImpossibleException(string message, string code) : Exception(message)
{
    public string Code { get; } = code;
}
