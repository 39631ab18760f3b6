using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Titres;

/// <summary>A person who signs titres: nom, prénoms and qualité (président, vice-président délégué…).</summary>
public sealed record Signataire(string Nom, string Prenoms, string Qualite)
{
    public override string ToString() => $"{Prenoms} {Nom}, {Qualite}";
}

/// <summary>The budget imputation of one catalogue service: compte par nature and fonction.</summary>
public sealed class ImputationService
{
    public const int LongueurMaxCode = 30;
    public const int LongueurMaxCompte = 20;

    public int Id { get; private set; }

    public string CodeService { get; private set; } = string.Empty;

    public string CompteNature { get; private set; } = string.Empty;

    public string Fonction { get; private set; } = string.Empty;

    private ImputationService()
    {
    }

    public ImputationService(string codeService, string compteNature, string fonction)
    {
        CodeService = codeService;
        CompteNature = compteNature;
        Fonction = fonction;
    }

    public override string ToString() => $"{CompteNature} / fonction {Fonction}";
}

/// <summary>
/// The billing identity of the issuing body (the EPCI), one row per deployment: what every titre and its
/// avis des sommes à payer must show. <see cref="Manquants"/> lists, in French, what is still missing;
/// issuing is refused until that list is empty.
/// </summary>
public sealed class ParametresEmetteur
{
    public const int LongueurMaxTexte = 200;
    public const int LongueurMaxLong = 1000;
    public const int LongueurMaxCodeBudget = 20;

    /// <summary>The default threshold below which no titre is issued (CGCT D1611-1): 15 €.</summary>
    public static readonly Montant SeuilReglementaire = new(15m);

    private readonly List<ImputationService> _imputations = [];

    public int Id { get; private set; }

    public string? Nom { get; private set; }

    public string? Siren { get; private set; }

    public string? Siret { get; private set; }

    public string? AdresseLigne { get; private set; }

    public string? AdresseCodePostal { get; private set; }

    public string? AdresseVille { get; private set; }

    public string? OrdonnateurNom { get; private set; }

    public string? OrdonnateurPrenoms { get; private set; }

    public string? OrdonnateurQualite { get; private set; }

    /// <summary>The delegate who signs by delegation, when there is one (all three or none).</summary>
    public string? DelegueNom { get; private set; }

    public string? DeleguePrenoms { get; private set; }

    public string? DelegueQualite { get; private set; }

    /// <summary>The comptable public assignataire (e.g. « Service de gestion comptable de Redon »), with its address.</summary>
    public string? Comptable { get; private set; }

    public string? ComptableAdresse { get; private set; }

    /// <summary>How to pay, as printed on the avis (virement, IBAN, TIPI/PayFiP…).</summary>
    public string? ModesDePaiement { get; private set; }

    /// <summary>The competent court, named (« Tribunal administratif de Rennes »), with its address.</summary>
    public string? Tribunal { get; private set; }

    public string? TribunalAdresse { get; private set; }

    public string? CodeBudget { get; private set; }

    /// <summary>No titre under this amount (CGCT D1611-1).</summary>
    public Montant Seuil { get; private set; } = SeuilReglementaire;

    public IReadOnlyCollection<ImputationService> Imputations => _imputations;

    public Signataire? Ordonnateur =>
        Complet(OrdonnateurNom, OrdonnateurPrenoms, OrdonnateurQualite) ? new(OrdonnateurNom!, OrdonnateurPrenoms!, OrdonnateurQualite!) : null;

    public Signataire? Delegue =>
        Complet(DelegueNom, DeleguePrenoms, DelegueQualite) ? new(DelegueNom!, DeleguePrenoms!, DelegueQualite!) : null;

    /// <summary>Who signs: the delegate when there is one, the ordonnateur otherwise.</summary>
    public Signataire? SignatairePar => Delegue ?? Ordonnateur;

    public string Adresse => string.Join(", ", new[] { AdresseLigne, string.Join(' ', new[] { AdresseCodePostal, AdresseVille }.Where(s => !string.IsNullOrWhiteSpace(s))) }
        .Where(s => !string.IsNullOrWhiteSpace(s)));

    public ImputationService? ImputationDe(string codeService) =>
        _imputations.FirstOrDefault(i => string.Equals(i.CodeService, codeService, StringComparison.OrdinalIgnoreCase));

    /// <summary>Sets the identity, signatories, accountant, court, budget and threshold; returns why not (French, with the field), or null.</summary>
    public RefusTitre? Modifier(
        string? nom, string? siren, string? siret, string? adresseLigne, string? codePostal, string? ville,
        Signataire? ordonnateur, Signataire? delegue,
        string? comptable, string? comptableAdresse, string? modesDePaiement, string? tribunal, string? tribunalAdresse,
        string? codeBudget, Montant seuil)
    {
        var textes = new (string? Valeur, int Max, string Libelle, string Champ)[]
        {
            (nom, LongueurMaxTexte, "Le nom", "Nom"),
            (adresseLigne, LongueurMaxTexte, "L'adresse", "AdresseLigne"),
            (codePostal, 10, "Le code postal", "AdresseCodePostal"),
            (ville, 100, "La ville", "AdresseVille"),
            (ordonnateur?.Nom, 100, "Le nom de l'ordonnateur", "OrdonnateurNom"),
            (ordonnateur?.Prenoms, 100, "Les prénoms de l'ordonnateur", "OrdonnateurPrenoms"),
            (ordonnateur?.Qualite, LongueurMaxTexte, "La qualité de l'ordonnateur", "OrdonnateurQualite"),
            (delegue?.Nom, 100, "Le nom du délégataire", "DelegueNom"),
            (delegue?.Prenoms, 100, "Les prénoms du délégataire", "DeleguePrenoms"),
            (delegue?.Qualite, LongueurMaxTexte, "La qualité du délégataire", "DelegueQualite"),
            (comptable, LongueurMaxTexte, "Le comptable assignataire", "Comptable"),
            (comptableAdresse, LongueurMaxTexte, "L'adresse du comptable", "ComptableAdresse"),
            (modesDePaiement, LongueurMaxLong, "Les modes de paiement", "ModesDePaiement"),
            (tribunal, LongueurMaxTexte, "Le tribunal administratif", "Tribunal"),
            (tribunalAdresse, LongueurMaxTexte, "L'adresse du tribunal", "TribunalAdresse"),
            (codeBudget, LongueurMaxCodeBudget, "Le code du budget", "CodeBudget"),
        };
        foreach (var (valeur, max, libelle, champ) in textes)
        {
            if (Limites.Refus(valeur?.Trim(), max, libelle) is { } refus)
            {
                return new(refus, champ);
            }
        }

        if (!string.IsNullOrWhiteSpace(siren) && !Commun.Siren.EstValide(siren.Trim()))
        {
            return new("Le SIREN compte 9 chiffres et respecte la clé de Luhn.", "Siren");
        }

        var siretNet = siret?.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(siretNet) && (siretNet.Length != 14 || !siretNet.All(char.IsAsciiDigit)))
        {
            return new("Le SIRET compte 14 chiffres.", "Siret");
        }

        if (!string.IsNullOrWhiteSpace(siretNet) && !string.IsNullOrWhiteSpace(siren) && !siretNet.StartsWith(siren.Trim(), StringComparison.Ordinal))
        {
            return new("Le SIRET commence par le SIREN de l'émetteur.", "Siret");
        }

        if (seuil.Euros < 0)
        {
            return new("Le seuil ne peut pas être négatif.", "Seuil");
        }

        if (seuil.Euros > 1_000_000m)
        {
            return new("Le seuil ne peut pas dépasser 1 000 000 €.", "Seuil");
        }

        Nom = Net(nom);
        Siren = Net(siren);
        Siret = Net(siretNet);
        (AdresseLigne, AdresseCodePostal, AdresseVille) = (Net(adresseLigne), Net(codePostal), Net(ville));
        (OrdonnateurNom, OrdonnateurPrenoms, OrdonnateurQualite) = (Net(ordonnateur?.Nom), Net(ordonnateur?.Prenoms), Net(ordonnateur?.Qualite));
        (DelegueNom, DeleguePrenoms, DelegueQualite) = (Net(delegue?.Nom), Net(delegue?.Prenoms), Net(delegue?.Qualite));
        (Comptable, ComptableAdresse, ModesDePaiement) = (Net(comptable), Net(comptableAdresse), Net(modesDePaiement));
        (Tribunal, TribunalAdresse, CodeBudget) = (Net(tribunal), Net(tribunalAdresse), Net(codeBudget));
        Seuil = seuil;
        return null;
    }

    /// <summary>Replaces the imputations of the services (blank lines dropped); returns why not, or null.</summary>
    public RefusTitre? DefinirImputations(IEnumerable<(string Code, string? CompteNature, string? Fonction)> imputations)
    {
        ArgumentNullException.ThrowIfNull(imputations);
        var nouvelles = new List<ImputationService>();
        foreach (var (code, compte, fonction) in imputations)
        {
            if (string.IsNullOrWhiteSpace(code) || (string.IsNullOrWhiteSpace(compte) && string.IsNullOrWhiteSpace(fonction)))
            {
                continue;
            }

            var (c, k, f) = (code.Trim(), compte?.Trim() ?? string.Empty, fonction?.Trim() ?? string.Empty);
            if (Limites.Refus(c, ImputationService.LongueurMaxCode, "Le code du service") is { } r1)
            {
                return new(r1, "Imputations");
            }

            if (k.Length == 0 || f.Length == 0)
            {
                return new($"L'imputation du service {c} demande le compte par nature et la fonction.", "Imputations");
            }

            if ((Limites.Refus(k, ImputationService.LongueurMaxCompte, "Le compte par nature") ?? Limites.Refus(f, ImputationService.LongueurMaxCompte, "La fonction")) is { } r2)
            {
                return new(r2, "Imputations");
            }

            if (nouvelles.Any(i => string.Equals(i.CodeService, c, StringComparison.OrdinalIgnoreCase)))
            {
                return new($"Le service {c} a deux imputations.", "Imputations");
            }

            nouvelles.Add(new ImputationService(c, k, f));
        }

        _imputations.RemoveAll(i => !nouvelles.Any(n => string.Equals(n.CodeService, i.CodeService, StringComparison.OrdinalIgnoreCase) && n.CompteNature == i.CompteNature && n.Fonction == i.Fonction));
        foreach (var n in nouvelles.Where(n => !_imputations.Any(i => string.Equals(n.CodeService, i.CodeService, StringComparison.OrdinalIgnoreCase))))
        {
            _imputations.Add(n);
        }

        return null;
    }

    /// <summary>
    /// What is still missing before a titre may be issued, in French (empty when complete). The service codes
    /// given are those the titres to issue bill: each needs its imputation.
    /// </summary>
    public IReadOnlyList<string> Manquants(IEnumerable<string>? codesServices = null)
    {
        var manquants = new List<string>();
        void Si(bool manque, string libelle)
        {
            if (manque)
            {
                manquants.Add(libelle);
            }
        }

        Si(string.IsNullOrWhiteSpace(Nom), "le nom de l'émetteur");
        Si(string.IsNullOrWhiteSpace(Siren), "le SIREN de l'émetteur");
        Si(string.IsNullOrWhiteSpace(Siret), "le SIRET de l'émetteur");
        Si(string.IsNullOrWhiteSpace(AdresseLigne) || string.IsNullOrWhiteSpace(AdresseCodePostal) || string.IsNullOrWhiteSpace(AdresseVille), "l'adresse de l'émetteur (voie, code postal, ville)");
        Si(Ordonnateur is null, "l'ordonnateur (nom, prénoms et qualité)");
        var partiel = new[] { DelegueNom, DeleguePrenoms, DelegueQualite }.Count(s => !string.IsNullOrWhiteSpace(s));
        Si(partiel is 1 or 2, "le délégataire complet (nom, prénoms et qualité) ou aucun");
        Si(string.IsNullOrWhiteSpace(Comptable), "le comptable public assignataire");
        Si(string.IsNullOrWhiteSpace(ModesDePaiement), "les modes de paiement");
        Si(string.IsNullOrWhiteSpace(Tribunal), "le tribunal administratif compétent");
        Si(string.IsNullOrWhiteSpace(CodeBudget), "le code du budget");
        foreach (var code in (codesServices ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            Si(ImputationDe(code) is null, $"l'imputation (compte par nature, fonction) du service {code}");
        }

        return manquants;
    }

    private static bool Complet(params string?[] valeurs) => valeurs.All(v => !string.IsNullOrWhiteSpace(v));

    private static string? Net(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}
