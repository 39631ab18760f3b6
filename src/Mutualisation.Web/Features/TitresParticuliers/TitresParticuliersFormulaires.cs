using FluentValidation;
using Mutualisation.Domain.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.TitresParticuliers;

/// <summary>A purchase made as mandataire, as typed (the paid invoice arrives as the file « fichier »).</summary>
public sealed record MandataireFormulaire
{
    public string? MembreId { get; init; }

    public string? Fournisseur { get; init; }

    public string? NumeroFacture { get; init; }

    public string? DateFacture { get; init; }

    public string? PayeeLe { get; init; }

    public string? Objet { get; init; }

    public string? Montant { get; init; }
}

public sealed class MandataireFormulaireValidator : AbstractValidator<MandataireFormulaire>
{
    public MandataireFormulaireValidator()
    {
        RuleFor(f => f.Fournisseur).Must(t => !SaisieFr.EstVide(t)).WithMessage("Le fournisseur est obligatoire.")
            .MaximumLength(PieceJustificative.LongueurMaxTexte).WithMessage($"Le fournisseur tient en {PieceJustificative.LongueurMaxTexte} caractères.");
        RuleFor(f => f.NumeroFacture).Must(t => !SaisieFr.EstVide(t)).WithMessage("Le numéro de la facture est obligatoire.")
            .MaximumLength(PieceJustificative.LongueurMaxNumero).WithMessage($"Le numéro de la facture tient en {PieceJustificative.LongueurMaxNumero} caractères.");
        RuleFor(f => f.DateFacture).Must(d => SaisieFr.Date(d) is not null).WithMessage("Date de la facture attendue au format JJ/MM/AAAA.");
        RuleFor(f => f.PayeeLe).Must(d => SaisieFr.Date(d) is not null).WithMessage("Date de paiement attendue au format JJ/MM/AAAA.");
        RuleFor(f => f.Objet).Must(t => !SaisieFr.EstVide(t)).WithMessage("L'objet de l'achat est obligatoire.")
            .MaximumLength(PieceJustificative.LongueurMaxTexte).WithMessage($"L'objet tient en {PieceJustificative.LongueurMaxTexte} caractères.");
        RuleFor(f => f.Montant).Must(m => !SaisieFr.EstVide(m) && SaisieFr.EstMontantOuVide(m) && SaisieFr.Nombre(m) > 0)
            .WithMessage("Montant TTC attendu en euros, positif, au centime près (par exemple 1 250,40).");
    }
}

/// <summary>An indemnity to split: the groupement or market, the total, its nature, and one weight per member (« Poids[id] »).</summary>
public sealed record IndemniteFormulaire
{
    public string? Libelle { get; init; }

    public string? Total { get; init; }

    public string? Nature { get; init; }

    /// <summary>Each member's share of the market (an amount or a weight), by member id; empty: not in the split.</summary>
    public Dictionary<string, string?> Poids { get; init; } = [];
}

public sealed class IndemniteFormulaireValidator : AbstractValidator<IndemniteFormulaire>
{
    public IndemniteFormulaireValidator()
    {
        RuleFor(f => f.Libelle).Must(t => !SaisieFr.EstVide(t)).WithMessage("Le groupement ou le marché est obligatoire.")
            .MaximumLength(TitresHorsCampagne.LongueurMaxLibelleGroupement).WithMessage($"Le groupement tient en {TitresHorsCampagne.LongueurMaxLibelleGroupement} caractères.");
        RuleFor(f => f.Nature).Must(t => !SaisieFr.EstVide(t)).WithMessage("La nature de l'indemnité est obligatoire (dommages reçus, indemnité versée…).")
            .MaximumLength(TitresHorsCampagne.LongueurMaxLibelleGroupement).WithMessage($"La nature tient en {TitresHorsCampagne.LongueurMaxLibelleGroupement} caractères.");
        RuleFor(f => f.Total).Must(m => !SaisieFr.EstVide(m) && SaisieFr.EstMontantOuVide(m) && SaisieFr.Nombre(m) > 0)
            .WithMessage("Montant total attendu en euros, positif, au centime près (par exemple 1 000,00).");
    }
}
