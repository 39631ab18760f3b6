using FluentValidation;
using Mutualisation.Domain.Audits;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Audits;

/// <summary>A request for an audit: the member and the date the request was received.</summary>
public sealed record DemandeAuditFormulaire
{
    public string? MembreId { get; init; }

    public string? DemandeLe { get; init; }
}

public sealed class DemandeAuditFormulaireValidator : AbstractValidator<DemandeAuditFormulaire>
{
    public DemandeAuditFormulaireValidator() =>
        RuleFor(f => f.DemandeLe).Must(SaisiesAudit.EstUneDate).WithMessage(SaisiesAudit.MessageDate("de la demande"));
}

/// <summary>One date of a step (planned day, start, delivery).</summary>
public sealed record DateAuditFormulaire
{
    public string? Date { get; init; }
}

public sealed class DateAuditFormulaireValidator : AbstractValidator<DateAuditFormulaire>
{
    public DateAuditFormulaireValidator() =>
        RuleFor(f => f.Date).Must(SaisiesAudit.EstUneDate).WithMessage(SaisiesAudit.MessageDate(string.Empty));
}

/// <summary>A cancellation: its date and reason.</summary>
public sealed record AnnulationAuditFormulaire
{
    public string? Date { get; init; }

    public string? Motif { get; init; }
}

public sealed class AnnulationAuditFormulaireValidator : AbstractValidator<AnnulationAuditFormulaire>
{
    public AnnulationAuditFormulaireValidator()
    {
        RuleFor(f => f.Date).Must(SaisiesAudit.EstUneDate).WithMessage(SaisiesAudit.MessageDate("d'annulation"));
        RuleFor(f => f.Motif).Must(m => !SaisieFr.EstVide(m)).WithMessage("Le motif de l'annulation est obligatoire.");
    }
}

/// <summary>A finding as typed; the choices arrive as text so that an unknown value gets a French message.</summary>
public sealed record ConstatFormulaire
{
    public string? Axe { get; init; }

    public string? Theme { get; init; }

    public string? Gravite { get; init; }

    public string? Texte { get; init; }

    public string? Recommandation { get; init; }

    public static ConstatFormulaire Depuis(Constat c) => new()
    {
        Axe = c.Axe.ToString(), Theme = c.Theme.ToString(), Gravite = c.Gravite.ToString(), Texte = c.Texte, Recommandation = c.Recommandation,
    };
}

public sealed class ConstatFormulaireValidator : AbstractValidator<ConstatFormulaire>
{
    public ConstatFormulaireValidator()
    {
        RuleFor(f => f.Axe).Must(SaisiesAudit.Est<AxeAudit>).WithMessage("Choisissez l'axe du constat.");
        RuleFor(f => f.Theme).Must(SaisiesAudit.Est<ThemeRecommandation>).WithMessage("Choisissez le thème de la recommandation.");
        RuleFor(f => f.Gravite).Must(SaisiesAudit.Est<GraviteConstat>).WithMessage("Choisissez la gravité du constat.");
        RuleFor(f => f.Texte).Must(t => !SaisieFr.EstVide(t)).WithMessage("Décrivez le constat.");
        RuleFor(f => f.Recommandation).Must(t => !SaisieFr.EstVide(t)).WithMessage("Indiquez la recommandation qui répond au constat.");
    }
}

/// <summary>An inventory line as typed.</summary>
public sealed record ElementFormulaire
{
    public string? Nature { get; init; }

    public string? Libelle { get; init; }

    public string? Details { get; init; }

    /// <summary>The checkbox: "true" when ticked, absent otherwise.</summary>
    public string? TransferableEpci { get; init; }

    public bool EstTransferable => string.Equals(TransferableEpci, "true", StringComparison.OrdinalIgnoreCase);

    public static ElementFormulaire Depuis(ElementInventaire e) => new()
    {
        Nature = e.Nature.ToString(), Libelle = e.Libelle, Details = e.Details, TransferableEpci = e.TransferableEpci ? "true" : null,
    };
}

public sealed class ElementFormulaireValidator : AbstractValidator<ElementFormulaire>
{
    public ElementFormulaireValidator()
    {
        RuleFor(f => f.Nature).Must(SaisiesAudit.Est<NatureElementInventaire>)
            .WithMessage("Choisissez la nature de l'élément (logiciel, matériel, actif immatériel ou contrat).");
        RuleFor(f => f.Libelle).Must(t => !SaisieFr.EstVide(t)).WithMessage("Le libellé de l'élément est obligatoire.");
        RuleFor(f => f.TransferableEpci).Must(t => t is null || t is "true" or "false")
            .WithMessage("Cochez la case ou laissez-la vide.");
    }
}

public static class SaisiesAudit
{
    public static bool EstUneDate(string? texte) => SaisieFr.Date(texte) is not null;

    public static string MessageDate(string quoi) => $"Indiquez la date{(quoi.Length == 0 ? string.Empty : " " + quoi)} au format jj/mm/aaaa (ex. 15/10/2026).";

    /// <summary>A defined value of the enum, by its name (numbers are refused: a value is always named).</summary>
    public static bool Est<T>(string? texte)
        where T : struct, Enum => Lire<T>(texte) is not null;

    public static T? Lire<T>(string? texte)
        where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(texte) && !char.IsAsciiDigit(texte.Trim()[0]) && texte.Trim()[0] != '-'
            && Enum.TryParse<T>(texte.Trim(), ignoreCase: false, out var valeur) && Enum.IsDefined(valeur)
            ? valeur
            : null;
}

/// <summary>What the audit views' <c>_Choix</c> (select) and <c>_Texte</c> (textarea) partials draw.</summary>
public sealed record ChoixAudit(string Nom, string Libelle, string? Valeur, IReadOnlyList<(string Code, string Libelle)> Options)
{
    public string Classe { get; init; } = string.Empty;

    public bool Obligatoire { get; init; }
}
