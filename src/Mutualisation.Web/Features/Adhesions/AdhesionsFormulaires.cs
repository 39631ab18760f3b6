using FluentValidation;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Adhesions;

/// <summary>The Art. 8 form as typed: the formule, its date d'effet and the deciding act.</summary>
public sealed record ChoixFormulaire
{
    public string? CodeFormule { get; init; }

    public string? DateEffet { get; init; }

    public NatureActe ActeNature { get; init; } = NatureActe.Deliberation;

    public string? ActeNumero { get; init; }

    public string? ActeDate { get; init; }

    /// <summary>The act, once validated.</summary>
    public ActeAdhesion Acte() => new(ActeNature, ActeNumero?.Trim() ?? string.Empty, SaisieFr.Date(ActeDate)!.Value);
}

public sealed class ChoixFormulaireValidator : AbstractValidator<ChoixFormulaire>
{
    public ChoixFormulaireValidator()
    {
        RuleFor(f => f.CodeFormule).NotEmpty().WithMessage("Choisissez une formule du catalogue.");
        RuleFor(f => f.DateEffet).Must(ChampsAdhesion.EstUneDate).WithMessage(ChampsAdhesion.Message("d'effet"));
        ChampsAdhesion.Acte(this, f => f.ActeNature, f => f.ActeNumero, f => f.ActeDate);
    }
}

/// <summary>A subscription to a catalogue service as typed: service, start (1st of a month), optional end, quantity, act.</summary>
public sealed record SouscriptionFormulaire
{
    public string? CodeService { get; init; }

    public string? Debut { get; init; }

    public string? Fin { get; init; }

    public string? Quantite { get; init; }

    public NatureActe ActeNature { get; init; } = NatureActe.Deliberation;

    public string? ActeNumero { get; init; }

    public string? ActeDate { get; init; }

    public ActeAdhesion Acte() => new(ActeNature, ActeNumero?.Trim() ?? string.Empty, SaisieFr.Date(ActeDate)!.Value);
}

public sealed class SouscriptionFormulaireValidator : AbstractValidator<SouscriptionFormulaire>
{
    public SouscriptionFormulaireValidator()
    {
        RuleFor(f => f.CodeService).NotEmpty().WithMessage("Choisissez un service du catalogue.");
        RuleFor(f => f.Debut).Must(ChampsAdhesion.EstUneDate).WithMessage(ChampsAdhesion.Message("de début"));
        RuleFor(f => f.Fin).Must(d => SaisieFr.EstVide(d) || SaisieFr.Date(d) is not null)
            .WithMessage("Date de fin invalide : saisissez-la au format jj/mm/aaaa (ex. 31/12/2026), ou laissez-la vide.");
        RuleFor(f => f.Quantite).Must(q => SaisieFr.EstVide(q) || SaisieFr.Nombre(q) is >= 0)
            .WithMessage((_, q) => $"La quantité est un nombre positif ou nul (reçu « {SaisieFr.Extrait(q ?? string.Empty)} »).");
        ChampsAdhesion.Acte(this, f => f.ActeNature, f => f.ActeNumero, f => f.ActeDate);
    }
}

/// <summary>A dated change of a subscription's quantity.</summary>
public sealed record QuantiteSouscriptionFormulaire
{
    public string? Depuis { get; init; }

    public string? Valeur { get; init; }
}

public sealed class QuantiteSouscriptionFormulaireValidator : AbstractValidator<QuantiteSouscriptionFormulaire>
{
    public QuantiteSouscriptionFormulaireValidator()
    {
        RuleFor(f => f.Depuis).Must(ChampsAdhesion.EstUneDate).WithMessage(ChampsAdhesion.Message("d'effet de la nouvelle quantité"));
        RuleFor(f => f.Valeur).Must(q => SaisieFr.Nombre(q) is >= 0)
            .WithMessage((_, q) => $"La quantité est un nombre positif ou nul (reçu « {SaisieFr.Extrait(q ?? string.Empty)} »).");
    }
}

/// <summary>The end of a subscription: its last day and the act that decides it.</summary>
public sealed record FinSouscriptionFormulaire
{
    public string? Fin { get; init; }

    public NatureActe ActeNature { get; init; } = NatureActe.Decision;

    public string? ActeNumero { get; init; }

    public string? ActeDate { get; init; }

    public ActeAdhesion Acte() => new(ActeNature, ActeNumero?.Trim() ?? string.Empty, SaisieFr.Date(ActeDate)!.Value);
}

public sealed class FinSouscriptionFormulaireValidator : AbstractValidator<FinSouscriptionFormulaire>
{
    public FinSouscriptionFormulaireValidator()
    {
        RuleFor(f => f.Fin).Must(ChampsAdhesion.EstUneDate).WithMessage(ChampsAdhesion.Message("de fin (dernier jour de l'abonnement)"));
        ChampsAdhesion.Acte(this, f => f.ActeNature, f => f.ActeNumero, f => f.ActeDate);
    }
}

internal static class ChampsAdhesion
{
    public static bool EstUneDate(string? texte) => SaisieFr.Date(texte) is not null;

    public static string Message(string quoi) => $"Indiquez la date {quoi} au format jj/mm/aaaa (ex. 01/03/2026).";

    public static void Acte<T>(AbstractValidator<T> validateur,
        System.Linq.Expressions.Expression<Func<T, NatureActe>> nature,
        System.Linq.Expressions.Expression<Func<T, string?>> numero,
        System.Linq.Expressions.Expression<Func<T, string?>> date)
    {
        validateur.RuleFor(nature).IsInEnum().WithMessage("Choisissez la nature de l'acte : délibération ou décision.");
        validateur.RuleFor(numero).NotEmpty().WithMessage("Le numéro de l'acte est obligatoire (ex. 2026-18).");
        validateur.RuleFor(numero).Must(n => Limites.Refus(n?.Trim(), ActeAdhesion.LongueurMaxNumero, "Le numéro de l'acte") is null)
            .WithMessage((_, n) => Limites.Refus(n?.Trim(), ActeAdhesion.LongueurMaxNumero, "Le numéro de l'acte"));
        validateur.RuleFor(date).Must(EstUneDate).WithMessage(Message("de l'acte"));
    }
}
