using FluentValidation;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Catalogue;

public sealed class ParametresFormulaire
{
    public string? Intitule { get; set; }

    public ReferencePopulation Population { get; set; }
}

public sealed class ParametresFormulaireValidator : AbstractValidator<ParametresFormulaire>
{
    public ParametresFormulaireValidator()
    {
        RuleFor(f => f.Intitule).MaximumLength(200).WithMessage("L'intitulé fait au plus 200 caractères.");
        RuleFor(f => f.Population).IsInEnum().WithMessage("Choisissez la population totale ou municipale.");
    }
}

public sealed class VoteFormulaire
{
    public string? Numero { get; set; }

    public string? Le { get; set; }

    public string? EnVigueurLe { get; set; }
}

public sealed class VoteFormulaireValidator : AbstractValidator<VoteFormulaire>
{
    public VoteFormulaireValidator()
    {
        RuleFor(f => f.Numero).NotEmpty().WithMessage("Le numéro de la délibération est obligatoire.")
            .MaximumLength(60).WithMessage("Le numéro fait au plus 60 caractères.");
        RuleFor(f => f.Le).NotEmpty().WithMessage("La date de la délibération est obligatoire.")
            .Must(d => SaisieFr.Date(d) is not null).When(f => !SaisieFr.EstVide(f.Le), ApplyConditionTo.CurrentValidator)
            .WithMessage("Date attendue au format JJ/MM/AAAA.");
        RuleFor(f => f.EnVigueurLe).Must(d => SaisieFr.EstVide(d) || SaisieFr.Date(d) is not null).WithMessage("Date attendue au format JJ/MM/AAAA.");
    }
}

public sealed class ServiceFormulaire
{
    public string? Code { get; set; }

    public string? Libelle { get; set; }

    public string? Famille { get; set; }

    public string? Annexes { get; set; }

    public string? ExonereSiAbonneA { get; set; }

    public string? MotifExoneration { get; set; }

    public string? ExamenPopulationMaximale { get; set; }

    public bool ExamenSiServiceInformatiquePropre { get; set; }

    public string? DeductionCodeService { get; set; }

    public string? DeductionDelaiMois { get; set; }

    public string? DeductionReference { get; set; }

    public static ServiceFormulaire Depuis(ServiceCatalogue s) => new()
    {
        Code = s.Code,
        Libelle = s.Libelle,
        Famille = s.Famille,
        Annexes = s.Annexes,
        ExonereSiAbonneA = s.ExonereSiAbonneA,
        MotifExoneration = s.MotifExoneration,
        ExamenPopulationMaximale = s.ExamenPopulationMaximale?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ExamenSiServiceInformatiquePropre = s.ExamenSiServiceInformatiquePropre,
        DeductionCodeService = s.DeductionCodeService,
        DeductionDelaiMois = s.DeductionDelaiMois?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DeductionReference = s.DeductionReference,
    };

    public IReadOnlyList<string> CodesExoneration =>
        (ExonereSiAbonneA ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).ToList();

    public DonneesService Donnees() => new(Code!, Libelle!, Famille!)
    {
        Annexes = Annexes,
        ExonereSiAbonneA = CodesExoneration,
        MotifExoneration = MotifExoneration,
        ExamenPopulationMaximale = SaisieFr.Nombre(ExamenPopulationMaximale) is { } max ? (int)max : null,
        ExamenSiServiceInformatiquePropre = ExamenSiServiceInformatiquePropre,
        DeductionCodeService = DeductionCodeService,
        DeductionDelaiMois = SaisieFr.Nombre(DeductionDelaiMois) is { } delai ? (int)delai : null,
        DeductionReference = DeductionReference,
    };
}

public sealed class ServiceFormulaireValidator : AbstractValidator<ServiceFormulaire>
{
    public ServiceFormulaireValidator()
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage("Le code est obligatoire.")
            .Matches("^[A-Za-z0-9_-]{1,30}$").When(f => !SaisieFr.EstVide(f.Code), ApplyConditionTo.CurrentValidator)
            .WithMessage("Le code fait 1 à 30 caractères : lettres sans accent, chiffres, tiret ou souligné.");
        RuleFor(f => f.Libelle).NotEmpty().WithMessage("Le libellé est obligatoire.").MaximumLength(200).WithMessage("Le libellé fait au plus 200 caractères.");
        RuleFor(f => f.Famille).NotEmpty().WithMessage("Le niveau ou la famille est obligatoire.").MaximumLength(100).WithMessage("La famille fait au plus 100 caractères.");
        RuleFor(f => f.Annexes).MaximumLength(300).WithMessage("300 caractères au plus.");
        RuleFor(f => f.MotifExoneration).MaximumLength(200).WithMessage("200 caractères au plus.");
        RuleFor(f => f.ExonereSiAbonneA).MaximumLength(200).WithMessage("200 caractères au plus.");
        RuleFor(f => f.DeductionCodeService).MaximumLength(30).WithMessage("30 caractères au plus.");
        RuleFor(f => f.DeductionReference).MaximumLength(100).WithMessage("100 caractères au plus.");
        RuleFor(f => f.ExamenPopulationMaximale).Must(EntierPositifOuVide).WithMessage("Un nombre entier d'habitants, positif.");
        RuleFor(f => f.DeductionDelaiMois).Must(EntierPositifOuVide).WithMessage("Un nombre entier de mois, positif.")
            .NotEmpty().When(f => !SaisieFr.EstVide(f.DeductionCodeService), ApplyConditionTo.CurrentValidator)
            .WithMessage("Indiquez le délai (en mois) dans lequel le service préalable est déduit.");
    }

    private static bool EntierPositifOuVide(string? texte) =>
        SaisieFr.EstVide(texte) || (SaisieFr.Nombre(texte) is { } d && d >= 0 && d == decimal.Truncate(d) && d <= int.MaxValue);
}

public sealed class TrancheFormulaire
{
    public string? Libelle { get; set; }

    public string? Minimum { get; set; }

    public string? MaximumExclu { get; set; }

    public string? Montant { get; set; }

    public string? MontantPremiereAnnee { get; set; }

    public string? Taux { get; set; }

    public string? Coefficient { get; set; }

    public bool EstVide => new[] { Libelle, Minimum, MaximumExclu, Montant, MontantPremiereAnnee, Taux, Coefficient }.All(SaisieFr.EstVide);
}

public sealed class ComposanteFormulaire
{
    /// <summary>Empty rows offered on a new component.</summary>
    public const int LignesVides = 3;

    public string? Libelle { get; set; }

    public NatureComposante Nature { get; set; }

    public Frequence Frequence { get; set; }

    public Prorata Prorata { get; set; }

    public string? Quantite { get; set; } = QuantiteCatalogue.CodePopulation;

    public string? QuantiteTranche { get; set; }

    public string? Taux { get; set; }

    public string? BaseParUnite { get; set; }

    public string? Montant { get; set; }

    public string? MontantPremiereAnnee { get; set; }

    public string? Plancher { get; set; }

    public string? Plafond { get; set; }

    public List<TrancheFormulaire> Tranches { get; set; } = [];

    public static ComposanteFormulaire Depuis(ComposanteTarif c) => new()
    {
        Libelle = c.Libelle,
        Nature = c.Nature,
        Frequence = c.Frequence,
        Prorata = c.Prorata,
        Quantite = c.Quantite,
        QuantiteTranche = c.QuantiteTranche,
        Taux = SaisieFr.Texte(c.Taux == 0 ? null : c.Taux),
        BaseParUnite = SaisieFr.Texte(c.BaseParUnite),
        Montant = SaisieFr.Texte(c.Montant.Euros == 0 ? null : c.Montant.Euros),
        MontantPremiereAnnee = SaisieFr.Texte(c.MontantPremiereAnnee?.Euros),
        Plancher = SaisieFr.Texte(c.Plancher?.Euros),
        Plafond = SaisieFr.Texte(c.Plafond?.Euros),
        Tranches = c.Tranches.Select(t => new TrancheFormulaire
        {
            Libelle = t.Libelle,
            Minimum = SaisieFr.Texte(t.Minimum),
            MaximumExclu = SaisieFr.Texte(t.MaximumExclu),
            Montant = SaisieFr.Texte(t.Montant.Euros == 0 ? null : t.Montant.Euros),
            MontantPremiereAnnee = SaisieFr.Texte(t.MontantPremiereAnnee?.Euros),
            Taux = t.Coefficient is null ? SaisieFr.Texte(t.Taux == 0 ? null : t.Taux) : null,
            Coefficient = SaisieFr.Texte(t.Coefficient),
        }).ToList(),
    };

    /// <summary>Rows shown: those posted or stored, in their order (so errors stay on their row), plus empty ones to add brackets (three on a new grid).</summary>
    public ComposanteFormulaire AvecLignesVides(int lignesVides)
    {
        var total = Tranches.All(t => t.EstVide) ? Math.Max(LignesVides, Tranches.Count + lignesVides) : Tranches.Count + lignesVides;
        while (Tranches.Count < total)
        {
            Tranches.Add(new TrancheFormulaire());
        }

        return this;
    }

    /// <summary>The field of the form for a field the version names (its brackets are the rows typed, empty rows skipped).</summary>
    public string ChampDuFormulaire(string champ)
    {
        var saisies = Tranches.Select((t, i) => (t, i)).Where(x => !x.t.EstVide).Select(x => x.i).ToList();
        var match = System.Text.RegularExpressions.Regex.Match(champ, @"^Tranches\[(\d+)\](.*)$");
        return match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is var k && k < saisies.Count
            ? $"Tranches[{saisies[k]}]{match.Groups[2].Value}"
            : champ;
    }

    public ComposanteTarif VersComposante() =>
        new(Libelle ?? string.Empty, Nature, ComposanteTarif.UtiliseDesTranches(Nature) ? Tranches.Where(t => !t.EstVide).Select(VersTranche) : [])
        {
            Frequence = Frequence,
            Prorata = Prorata,
            Quantite = (Quantite ?? string.Empty).Trim(),
            QuantiteTranche = SaisieFr.EstVide(QuantiteTranche) ? null : QuantiteTranche!.Trim(),
            Taux = SaisieFr.Nombre(Taux) ?? 0m,
            BaseParUnite = SaisieFr.Nombre(BaseParUnite),
            Montant = EnMontant(Montant) ?? default,
            MontantPremiereAnnee = EnMontant(MontantPremiereAnnee),
            Plancher = EnMontant(Plancher),
            Plafond = EnMontant(Plafond),
        };

    private static TrancheTarif VersTranche(TrancheFormulaire t) =>
        new(t.Libelle ?? string.Empty, SaisieFr.Nombre(t.Minimum) ?? 0m, SaisieFr.Nombre(t.MaximumExclu), EnMontant(t.Montant) ?? default, SaisieFr.Nombre(t.Taux) ?? 0m, EnMontant(t.MontantPremiereAnnee), SaisieFr.Nombre(t.Coefficient));

    /// <summary>An amount in cents, or null (empty, or not in cents: the validator has put its error beside the field).</summary>
    private static Montant? EnMontant(string? texte) => SaisieFr.Nombre(texte) is { } d && decimal.Round(d, 2) == d ? new Montant(d) : null;
}

/// <summary>What the form parses; every rule of the tariff itself is the version's (<see cref="VersionCatalogue.ErreursDe"/>).</summary>
public sealed class ComposanteFormulaireValidator : AbstractValidator<ComposanteFormulaire>
{
    private const string MessageMontant = "Un montant en euros, positif, au centime près (ex. 1 500,00).";
    private const string MessageNombre = "Un nombre (ex. 1,50).";

    public ComposanteFormulaireValidator()
    {
        RuleFor(f => f.Libelle).NotEmpty().WithMessage("Le libellé est obligatoire.").MaximumLength(200).WithMessage("200 caractères au plus.");
        RuleFor(f => f.Nature).IsInEnum().WithMessage("Calcul inconnu.");
        RuleFor(f => f.Frequence).IsInEnum().WithMessage("Facturation inconnue.");
        RuleFor(f => f.Prorata).IsInEnum().WithMessage("Prorata inconnu.");
        RuleFor(f => f.Quantite).NotEmpty().WithMessage("Choisissez la quantité facturée.").MaximumLength(50).WithMessage("50 caractères au plus.");
        RuleFor(f => f.QuantiteTranche).MaximumLength(50).WithMessage("50 caractères au plus.");
        RuleFor(f => f.Taux).Must(SaisieFr.EstDecimalOuVide).WithMessage(MessageNombre);
        RuleFor(f => f.BaseParUnite).Must(SaisieFr.EstMontantOuVide).WithMessage(MessageMontant);
        RuleFor(f => f.Montant).Must(SaisieFr.EstMontantOuVide).WithMessage(MessageMontant);
        RuleFor(f => f.MontantPremiereAnnee).Must(SaisieFr.EstMontantOuVide).WithMessage(MessageMontant);
        RuleFor(f => f.Plancher).Must(SaisieFr.EstMontantOuVide).WithMessage(MessageMontant);
        RuleFor(f => f.Plafond).Must(SaisieFr.EstMontantOuVide).WithMessage(MessageMontant);
        RuleForEach(f => f.Tranches).ChildRules(t =>
        {
            t.RuleFor(x => x.Libelle).MaximumLength(200).WithMessage("Le libellé de la tranche fait au plus 200 caractères.");
            t.RuleFor(x => x.Minimum).NotEmpty().When(x => !x.EstVide, ApplyConditionTo.CurrentValidator).WithMessage("Le minimum est obligatoire.")
                .Must(SaisieFr.EstDecimalOuVide).WithMessage(MessageNombre);
            t.RuleFor(x => x.MaximumExclu).Must(SaisieFr.EstDecimalOuVide).WithMessage(MessageNombre);
            t.RuleFor(x => x.Montant).Must(SaisieFr.EstMontantOuVide).WithMessage(MessageMontant);
            t.RuleFor(x => x.MontantPremiereAnnee).Must(SaisieFr.EstMontantOuVide).WithMessage(MessageMontant);
            t.RuleFor(x => x.Taux).Must(SaisieFr.EstDecimalOuVide).WithMessage(MessageNombre);
            t.RuleFor(x => x.Coefficient).Must(SaisieFr.EstDecimalOuVide).WithMessage("Un coefficient (ex. 0,9).");
        });
    }
}

public sealed class QuantiteFormulaire
{
    public string? Code { get; set; }

    public string? Libelle { get; set; }

    public string? UniteSingulier { get; set; }

    public string? UnitePluriel { get; set; }

    public TypeQuantite Type { get; set; }

    public static QuantiteFormulaire Depuis(QuantiteCatalogue q) => new()
    {
        Code = q.Code,
        Libelle = q.Libelle,
        UniteSingulier = q.UniteSingulier,
        UnitePluriel = q.UnitePluriel,
        Type = q.Type,
    };

    public DonneesQuantite Donnees() => new(Code ?? string.Empty, Libelle ?? string.Empty, UniteSingulier ?? string.Empty, UnitePluriel ?? string.Empty, Type);
}

/// <summary>Lengths and the enum; the code's shape and uniqueness are the version's rules.</summary>
public sealed class QuantiteFormulaireValidator : AbstractValidator<QuantiteFormulaire>
{
    public QuantiteFormulaireValidator()
    {
        RuleFor(f => f.Libelle).NotEmpty().WithMessage("Le libellé est obligatoire (ex. Postes de travail).").MaximumLength(200).WithMessage("200 caractères au plus.");
        RuleFor(f => f.UniteSingulier).NotEmpty().WithMessage("L'unité au singulier est obligatoire (ex. poste).").MaximumLength(50).WithMessage("50 caractères au plus.");
        RuleFor(f => f.UnitePluriel).MaximumLength(50).WithMessage("50 caractères au plus.");
        RuleFor(f => f.Type).IsInEnum().WithMessage("Choisissez entière ou décimale.");
    }
}

public sealed class FormuleFormulaire
{
    public string? Code { get; set; }

    public string? Libelle { get; set; }

    public string? Services { get; set; }

    public string CodesServices => string.Join(',', (Services ?? string.Empty)
        .Split([',', ' ', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(c => c.ToUpperInvariant()));
}

public sealed class FormuleFormulaireValidator : AbstractValidator<FormuleFormulaire>
{
    public FormuleFormulaireValidator()
    {
        RuleFor(f => f.Code).NotEmpty().WithMessage("Le code est obligatoire.")
            .Matches("^[a-z0-9-]{1,50}$").When(f => !SaisieFr.EstVide(f.Code), ApplyConditionTo.CurrentValidator)
            .WithMessage("Le code fait 1 à 50 caractères : minuscules sans accent, chiffres et tirets (ex. socle-complet).");
        RuleFor(f => f.Libelle).NotEmpty().WithMessage("Le libellé est obligatoire.").MaximumLength(200).WithMessage("200 caractères au plus.");
        RuleFor(f => f.Services).NotEmpty().WithMessage("Indiquez les codes des services de la formule (ex. AUDIT, GROUPEMENTS).")
            .MaximumLength(300).WithMessage("300 caractères au plus.");
    }
}
