namespace Mutualisation.Billing;

/// <summary>The rules refuse to price these facts (unknown, contradictory, or needing a negotiated amount). Never a default amount.</summary>
public sealed class TarificationImpossibleException(string message, string code) : Exception(message)
{
    public const string CodeExamenApprofondi = "examen-approfondi";
    public const string CodeHorsGrille = "hors-grille";

    public string Code { get; } = code;

    /// <summary>The facts are valid but the rules give no automatic price (the amount must be negotiated).</summary>
    public bool ExigeNegociation => Code is CodeExamenApprofondi or CodeHorsGrille;
}
