using FluentValidation;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Web.Features.Membres;

/// <summary>The create/edit form of a member, as typed (strings where users type numbers, to give them back as typed).</summary>
public sealed record MembreFormulaire
{
    public string? Nom { get; init; }

    public NatureMembre Nature { get; init; } = NatureMembre.Commune;

    public string? CodeInsee { get; init; }

    public string? Siren { get; init; }

    public string? AdresseLigne { get; init; }

    public string? AdresseCodePostal { get; init; }

    public string? AdresseVille { get; init; }

    public string? DecideurNom { get; init; }

    public string? DecideurFonction { get; init; }

    public string? DecideurCourriel { get; init; }

    public string? DecideurTelephone { get; init; }

    public string? TechniqueNom { get; init; }

    public string? TechniqueFonction { get; init; }

    public string? TechniqueCourriel { get; init; }

    public string? TechniqueTelephone { get; init; }

    public string? PopulationMillesime { get; init; }

    public string? PopulationTotale { get; init; }

    public string? PopulationMunicipale { get; init; }

    public static MembreFormulaire Depuis(Membre m) => new()
    {
        Nom = m.Nom,
        Nature = m.Nature,
        CodeInsee = m.CodeInsee.Valeur,
        Siren = m.Siren.Valeur,
        AdresseLigne = m.Adresse.Ligne,
        AdresseCodePostal = m.Adresse.CodePostal,
        AdresseVille = m.Adresse.Ville,
        DecideurNom = m.Decideur.Nom,
        DecideurFonction = m.Decideur.Fonction,
        DecideurCourriel = m.Decideur.Courriel,
        DecideurTelephone = m.Decideur.Telephone,
        TechniqueNom = m.Technique.Nom,
        TechniqueFonction = m.Technique.Fonction,
        TechniqueCourriel = m.Technique.Courriel,
        TechniqueTelephone = m.Technique.Telephone,
        PopulationMillesime = m.PopulationMillesime?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PopulationTotale = m.PopulationTotale?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        PopulationMunicipale = m.PopulationMunicipale?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Adresse Adresse() => new(Vide(AdresseLigne), Vide(AdresseCodePostal), Vide(AdresseVille));

    public Contact Decideur() => new(Vide(DecideurNom), Vide(DecideurFonction), Vide(DecideurCourriel), Vide(DecideurTelephone));

    public Contact Technique() => new(Vide(TechniqueNom), Vide(TechniqueFonction), Vide(TechniqueCourriel), Vide(TechniqueTelephone));

    /// <summary>The population typed, or null when the three fields are empty. Call after validation.</summary>
    public (int Millesime, int Totale, int Municipale)? Population() =>
        string.IsNullOrWhiteSpace(PopulationMillesime) && string.IsNullOrWhiteSpace(PopulationTotale) && string.IsNullOrWhiteSpace(PopulationMunicipale)
            ? null
            : (Entier(PopulationMillesime)!.Value, Entier(PopulationTotale)!.Value, Entier(PopulationMunicipale)!.Value);

    internal static int? Entier(string? texte) =>
        int.TryParse(texte?.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal),
            System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var valeur)
            ? valeur
            : null;

    private static string? Vide(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}

public sealed class MembreFormulaireValidator : AbstractValidator<MembreFormulaire>
{
    public MembreFormulaireValidator()
    {
        RuleFor(m => m.Nom).Must(n => Membre.RefusNom(n) is null).WithMessage(m => Membre.RefusNom(m.Nom));
        RuleFor(m => m.Nature).IsInEnum().WithMessage("Choisissez la nature du membre.");
        RuleFor(m => m.CodeInsee).NotEmpty().WithMessage("Le code INSEE est obligatoire.")
            .Must(InseeCode.EstValide).When(m => !string.IsNullOrEmpty(m.CodeInsee), ApplyConditionTo.CurrentValidator)
            .WithMessage("Le code INSEE compte 5 caractères : 5 chiffres, ou 2A/2B suivi de 3 chiffres en Corse (ex. 35236).");
        RuleFor(m => m.Siren).NotEmpty().WithMessage("Le SIREN est obligatoire.")
            .Matches("^[0-9]{9}$").When(m => !string.IsNullOrEmpty(m.Siren), ApplyConditionTo.CurrentValidator).WithMessage("Le SIREN compte exactement 9 chiffres (ex. 213502362).")
            .Must(Domain.Commun.Siren.EstValide).When(m => m.Siren is { Length: 9 } s && s.All(char.IsAsciiDigit), ApplyConditionTo.CurrentValidator)
            .WithMessage("Ce SIREN n'est pas valide : sa clé de contrôle (Luhn) ne correspond pas. Vérifiez les chiffres.");
        Longueur(m => m.AdresseLigne, Domain.Membres.Adresse.LongueurMaxLigne, "L'adresse");
        Longueur(m => m.AdresseVille, Domain.Membres.Adresse.LongueurMaxVille, "La ville");
        Longueur(m => m.DecideurNom, Contact.LongueurMaxNom, "Le nom");
        Longueur(m => m.DecideurFonction, Contact.LongueurMaxFonction, "La fonction");
        Longueur(m => m.DecideurCourriel, Contact.LongueurMaxCourriel, "L'adresse électronique");
        Longueur(m => m.DecideurTelephone, Contact.LongueurMaxTelephone, "Le téléphone");
        Longueur(m => m.TechniqueNom, Contact.LongueurMaxNom, "Le nom");
        Longueur(m => m.TechniqueFonction, Contact.LongueurMaxFonction, "La fonction");
        Longueur(m => m.TechniqueCourriel, Contact.LongueurMaxCourriel, "L'adresse électronique");
        Longueur(m => m.TechniqueTelephone, Contact.LongueurMaxTelephone, "Le téléphone");
        RuleFor(m => m.AdresseCodePostal).Matches("^[0-9]{5}$").When(m => !string.IsNullOrWhiteSpace(m.AdresseCodePostal), ApplyConditionTo.CurrentValidator)
            .WithMessage("Le code postal compte 5 chiffres.");
        RuleFor(m => m.DecideurCourriel).EmailAddress().When(m => !string.IsNullOrWhiteSpace(m.DecideurCourriel), ApplyConditionTo.CurrentValidator)
            .WithMessage("Cette adresse électronique n'est pas valide.");
        RuleFor(m => m.TechniqueCourriel).EmailAddress().When(m => !string.IsNullOrWhiteSpace(m.TechniqueCourriel), ApplyConditionTo.CurrentValidator)
            .WithMessage("Cette adresse électronique n'est pas valide.");

        When(m => !string.IsNullOrWhiteSpace(m.PopulationMillesime) || !string.IsNullOrWhiteSpace(m.PopulationTotale) || !string.IsNullOrWhiteSpace(m.PopulationMunicipale), () =>
        {
            RuleFor(m => m.PopulationMillesime).Must(t => MembreFormulaire.Entier(t) is >= 1900 and <= 2200)
                .WithMessage("Le millésime est une année (ex. 2023).");
            RuleFor(m => m.PopulationTotale).Must(t => MembreFormulaire.Entier(t) is not null)
                .WithMessage("La population totale est un nombre entier supérieur ou égal à 0.");
            RuleFor(m => m.PopulationMunicipale).Must(t => MembreFormulaire.Entier(t) is not null)
                .WithMessage("La population municipale est un nombre entier supérieur ou égal à 0.");
            RuleFor(m => m.PopulationMunicipale).Must((m, t) => MembreFormulaire.Entier(t) <= MembreFormulaire.Entier(m.PopulationTotale))
                .When(m => MembreFormulaire.Entier(m.PopulationTotale) is not null && MembreFormulaire.Entier(m.PopulationMunicipale) is not null, ApplyConditionTo.CurrentValidator)
                .WithMessage("La population municipale ne peut pas dépasser la population totale.");
        });
    }

    /// <summary>The domain's limit for an optional text, checked on what will be stored (trimmed).</summary>
    private void Longueur(System.Linq.Expressions.Expression<Func<MembreFormulaire, string?>> champ, int longueurMax, string libelle)
    {
        var lire = champ.Compile();
        RuleFor(champ).Must(t => Limites.Refus(t?.Trim(), longueurMax, libelle) is null)
            .WithMessage(m => Limites.Refus(lire(m)?.Trim(), longueurMax, libelle));
    }
}
