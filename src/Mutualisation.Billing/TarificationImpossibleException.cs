namespace Mutualisation.Billing;

/// <summary>
/// Facts or a catalogue the engine cannot price (negative quantity, unknown service, contradictory
/// dates, overlapping brackets…), or a <see cref="RefusTarification"/> thrown for callers of
/// <see cref="Tarification.Tarifer"/> that want an exception. Never a default amount.
/// </summary>
public sealed class TarificationImpossibleException(string message, string code) : Exception(message)
{
    public const string CodeExamenApprofondi = RefusTarification.CodeExamenApprofondi;
    public const string CodeHorsGrille = RefusTarification.CodeHorsGrille;

    public string Code { get; } = code;

    /// <summary>The facts are valid but the rules give no automatic price (the amount must be negotiated).</summary>
    public bool ExigeNegociation => Code is CodeExamenApprofondi or CodeHorsGrille;
}
