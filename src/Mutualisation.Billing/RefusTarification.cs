namespace Mutualisation.Billing;

/// <summary>
/// The rules' refusal to price valid facts: no automatic price, the amount must be negotiated and
/// justified (deeper examination, quantity outside the grid) or a quantity must first be declared.
/// A result, never an exception: broken facts or catalogues throw <see cref="TarificationImpossibleException"/>.
/// </summary>
public sealed record RefusTarification(string Code, string Message)
{
    public const string CodeExamenApprofondi = "examen-approfondi";
    public const string CodeHorsGrille = "hors-grille";
    public const string CodeQuantiteManquante = "quantite-manquante";

    /// <summary>The facts are valid but the rules give no automatic price (the amount must be negotiated).</summary>
    public bool ExigeNegociation => Code is CodeExamenApprofondi or CodeHorsGrille;

    /// <summary>The service whose rules refused (set by <see cref="Tarification.Evaluer"/>): a negotiated amount replaces that service.</summary>
    public string? CodeService { get; init; }

    /// <summary>For callers that want an exception (<see cref="Tarification.Tarifer"/>).</summary>
    public TarificationImpossibleException EnException() => new(Message, Code);
}
