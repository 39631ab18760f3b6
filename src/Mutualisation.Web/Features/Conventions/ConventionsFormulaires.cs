using FluentValidation;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Conventions;

/// <summary>A draft convention as typed: the member (on creation), the model, the délibération of each side.</summary>
public sealed record ConventionFormulaire
{
    public string? MembreId { get; init; }

    public ModeleConvention Modele { get; init; } = ModeleConvention.ServiceCommun;

    public string? DeliberationMembreNumero { get; init; }

    public string? DeliberationMembreDate { get; init; }

    public string? DeliberationMembreOrgane { get; init; }

    public string? DeliberationEpciNumero { get; init; }

    public string? DeliberationEpciDate { get; init; }

    public string? DeliberationEpciOrgane { get; init; }

    public static ConventionFormulaire Depuis(Convention c) => new()
    {
        MembreId = c.MembreId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Modele = c.Modele,
        DeliberationMembreNumero = c.DeliberationMembreNumero,
        DeliberationMembreDate = Date(c.DeliberationMembreDate),
        DeliberationMembreOrgane = c.DeliberationMembreOrgane,
        DeliberationEpciNumero = c.DeliberationEpciNumero,
        DeliberationEpciDate = Date(c.DeliberationEpciDate),
        DeliberationEpciOrgane = c.DeliberationEpciOrgane,
    };

    /// <summary>The member's délibération, or null when neither its number nor its date is typed. Call after validation.</summary>
    public Deliberation? DeliberationMembre() => Lire(DeliberationMembreNumero, DeliberationMembreDate, DeliberationMembreOrgane, "Conseil municipal");

    public Deliberation? DeliberationEpci() => Lire(DeliberationEpciNumero, DeliberationEpciDate, DeliberationEpciOrgane, "Conseil communautaire");

    internal static string? Date(DateOnly? date) => date is { } d ? FormatFr.Date(d) : null;

    private static Deliberation? Lire(string? numero, string? date, string? organe, string organeParDefaut) =>
        SaisieFr.EstVide(numero) && SaisieFr.EstVide(date)
            ? null
            : new Deliberation(numero!.Trim(), SaisieFr.Date(date)!.Value, SaisieFr.EstVide(organe) ? organeParDefaut : organe!.Trim());
}

public sealed class ConventionFormulaireValidator : AbstractValidator<ConventionFormulaire>
{
    public ConventionFormulaireValidator()
    {
        RuleFor(f => f.Modele).IsInEnum().WithMessage("Choisissez le modèle de convention.");
        Deliberation(f => f.DeliberationMembreNumero, f => f.DeliberationMembreDate, f => f.DeliberationMembreOrgane, "de la commune");
        Deliberation(f => f.DeliberationEpciNumero, f => f.DeliberationEpciDate, f => f.DeliberationEpciOrgane, "de l'EPCI");
    }

    private void Deliberation(
        System.Linq.Expressions.Expression<Func<ConventionFormulaire, string?>> numero,
        System.Linq.Expressions.Expression<Func<ConventionFormulaire, string?>> date,
        System.Linq.Expressions.Expression<Func<ConventionFormulaire, string?>> organe,
        string partie)
    {
        var lireNumero = numero.Compile();
        var lireDate = date.Compile();
        const int MaxNumero = Domain.Conventions.Deliberation.LongueurMaxNumero;
        const int MaxOrgane = Domain.Conventions.Deliberation.LongueurMaxOrgane;
        RuleFor(numero).Must(n => !SaisieFr.EstVide(n)).When(f => !SaisieFr.EstVide(lireDate(f)))
            .WithMessage($"Indiquez le numéro de la délibération {partie}.");
        RuleFor(numero).Must(n => Limites.Refus(n?.Trim(), MaxNumero, "Le numéro") is null)
            .WithMessage((_, n) => Limites.Refus(n?.Trim(), MaxNumero, "Le numéro"));
        RuleFor(date).Must(d => !SaisieFr.EstVide(d)).When(f => !SaisieFr.EstVide(lireNumero(f)))
            .WithMessage($"Indiquez la date de la délibération {partie} (jj/mm/aaaa).");
        RuleFor(date).Must(d => SaisieFr.EstVide(d) || SaisieFr.Date(d) is not null)
            .WithMessage("Date invalide : saisissez-la au format jj/mm/aaaa (ex. 27/06/2024).");
        RuleFor(organe).Must(o => Limites.Refus(o?.Trim(), MaxOrgane, "L'organe") is null)
            .WithMessage((_, o) => Limites.Refus(o?.Trim(), MaxOrgane, "L'organe"));
    }
}

/// <summary>The signature dates of both parties.</summary>
public sealed record SignatureFormulaire
{
    public string? SignatureMembre { get; init; }

    public string? SignatureEpci { get; init; }
}

public sealed class SignatureFormulaireValidator : AbstractValidator<SignatureFormulaire>
{
    public SignatureFormulaireValidator()
    {
        RuleFor(f => f.SignatureMembre).Must(ChampsDate.EstUneDate).WithMessage(ChampsDate.Message("de signature de la commune"));
        RuleFor(f => f.SignatureEpci).Must(ChampsDate.EstUneDate).WithMessage(ChampsDate.Message("de signature de l'EPCI"));
    }
}

/// <summary>One date (the PV de mise en service).</summary>
public sealed record DateFormulaire
{
    public string? Date { get; init; }
}

public sealed class DateFormulaireValidator : AbstractValidator<DateFormulaire>
{
    public DateFormulaireValidator() =>
        RuleFor(f => f.Date).Must(ChampsDate.EstUneDate).WithMessage(ChampsDate.Message("du procès-verbal"));
}

/// <summary>The contrôle de légalité registration: ACTES identifier as typed, and its transmission date.</summary>
public sealed record ControleLegaliteFormulaire
{
    public string? Identifiant { get; init; }

    public string? Date { get; init; }
}

public sealed class ControleLegaliteFormulaireValidator : AbstractValidator<ControleLegaliteFormulaire>
{
    public ControleLegaliteFormulaireValidator()
    {
        RuleFor(f => f.Identifiant).Must(IdentifiantActes.EstValide).WithMessage(f => IdentifiantActes.Refus(f.Identifiant));
        RuleFor(f => f.Date).Must(ChampsDate.EstUneDate).WithMessage(ChampsDate.Message("de transmission"));
    }
}

/// <summary>A notice (dénonciation) received: date, letter, who gave it; for Redon an earlier date agreed in writing.</summary>
public sealed record DenonciationFormulaire
{
    public string? DateReception { get; init; }

    public string? Reference { get; init; }

    public AuteurDenonciation Par { get; init; } = AuteurDenonciation.Membre;

    public string? DateConvenue { get; init; }

    public string? ReferenceAccord { get; init; }
}

public sealed class DenonciationFormulaireValidator : AbstractValidator<DenonciationFormulaire>
{
    public DenonciationFormulaireValidator()
    {
        RuleFor(f => f.DateReception).Must(ChampsDate.EstUneDate).WithMessage(ChampsDate.Message("de réception du courrier"));
        RuleFor(f => f.Reference).NotEmpty().WithMessage("La référence du courrier de dénonciation est obligatoire (ex. LRAR 1A 234 567 8901 2).");
        RuleFor(f => f.Par).IsInEnum().WithMessage("Dites qui dénonce la convention.");
        RuleFor(f => f.DateConvenue).Must(d => SaisieFr.EstVide(d) || SaisieFr.Date(d) is not null)
            .WithMessage("Date invalide : saisissez-la au format jj/mm/aaaa (ex. 31/03/2027).");
    }
}

/// <summary>An avenant: its date and object, and optionally its signed document.</summary>
public sealed record AvenantFormulaire
{
    public string? Date { get; init; }

    public string? Objet { get; init; }
}

public sealed class AvenantFormulaireValidator : AbstractValidator<AvenantFormulaire>
{
    public AvenantFormulaireValidator()
    {
        RuleFor(f => f.Date).Must(ChampsDate.EstUneDate).WithMessage(ChampsDate.Message("de l'avenant"));
        RuleFor(f => f.Objet).NotEmpty().WithMessage("L'objet de l'avenant est obligatoire.");
    }
}

/// <summary>A signed document deposited on a convention.</summary>
public sealed record DocumentFormulaire
{
    public NatureDocumentConvention Nature { get; init; } = NatureDocumentConvention.ConventionSignee;

    public string? Titre { get; init; }
}

internal static class ChampsDate
{
    public static bool EstUneDate(string? texte) => SaisieFr.Date(texte) is not null;

    public static string Message(string quoi) => $"Indiquez la date {quoi} au format jj/mm/aaaa (ex. 15/10/2026).";
}
