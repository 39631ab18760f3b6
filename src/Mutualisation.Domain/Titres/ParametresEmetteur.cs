using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Titres;

/// <summary>A person who signs titres: nom, prénoms and qualité (président, vice-président délégué…).</summary>
public sealed record Signataire(string Nom, string Prenoms, string Qualite)
{
    public override string ToString() => $"{Prenoms} {Nom}, {Qualite}";
}

/// <summary>Who sends the avis des sommes à payer of a titre sent in PES V2 (<c>Edition</c>).</summary>
public enum EditionAsap
{
    /// <summary>01: the DGFiP prints and posts the avis.</summary>
    EditeParLaDgfip = 1,

    /// <summary>02: the avis goes to the debtor through Chorus Pro.</summary>
    ChorusPro = 2,
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

    /// <summary>The local product code the comptable knows the service by (PES V2 <c>CodProdLoc</c>: 1 to 4 letters or digits).</summary>
    public string? CodeProduitLocal { get; private set; }

    private ImputationService()
    {
    }

    public ImputationService(string codeService, string compteNature, string fonction, string? codeProduitLocal = null)
    {
        CodeService = codeService;
        CompteNature = compteNature;
        Fonction = fonction;
        CodeProduitLocal = codeProduitLocal;
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

    // PES V2 (issue 12): how the comptable's Hélios knows the issuer, and who prints the avis.

    /// <summary>The poste comptable's codique (<c>IdPost</c>: 6 or 7 digits, or 02A/02B and 3 or 4 digits).</summary>
    public string? PesIdPost { get; private set; }

    /// <summary>The SIRET of the budget collectivité (<c>IdColl</c>), often the issuer's own.</summary>
    public string? PesIdColl { get; private set; }

    /// <summary>The collectivité's code in Hélios (<c>CodCol</c>, 3 digits).</summary>
    public string? PesCodCol { get; private set; }

    /// <summary>The budget's code in Hélios (<c>CodBud</c>, 2 characters, « 00 » for the main budget).</summary>
    public string? PesCodBud { get; private set; }

    /// <summary>The budget's label (<c>LibelleColBud</c>, optional).</summary>
    public string? PesLibelleBudget { get; private set; }

    /// <summary>The envelope's software identification: the editor (<c>Sigle</c>) and the software with its version (<c>Adresse</c>).</summary>
    public string? PesLogicielEditeur { get; private set; }

    public string? PesLogicielNom { get; private set; }

    /// <summary>Who sends the avis des sommes à payer: printed by the DGFiP (<c>Edition</c> 01) or through Chorus Pro (02).</summary>
    public EditionAsap PesEdition { get; private set; } = EditionAsap.EditeParLaDgfip;

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
    public RefusTitre? DefinirImputations(IEnumerable<(string Code, string? CompteNature, string? Fonction, string? CodeProduitLocal)> imputations)
    {
        ArgumentNullException.ThrowIfNull(imputations);
        var nouvelles = new List<ImputationService>();
        foreach (var (code, compte, fonction, produit) in imputations)
        {
            if (string.IsNullOrWhiteSpace(code) || (string.IsNullOrWhiteSpace(compte) && string.IsNullOrWhiteSpace(fonction) && string.IsNullOrWhiteSpace(produit)))
            {
                continue;
            }

            var (c, k, f) = (code.Trim(), compte?.Trim() ?? string.Empty, fonction?.Trim() ?? string.Empty);
            var p = string.IsNullOrWhiteSpace(produit) ? null : produit.Trim().ToUpperInvariant();
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

            if (p is not null && (p.Length > 4 || !p.All(char.IsAsciiLetterOrDigit)))
            {
                return new($"Le code produit local du service {c} compte 1 à 4 lettres ou chiffres (par exemple 7087).", "Imputations");
            }

            if (nouvelles.Any(i => string.Equals(i.CodeService, c, StringComparison.OrdinalIgnoreCase)))
            {
                return new($"Le service {c} a deux imputations.", "Imputations");
            }

            nouvelles.Add(new ImputationService(c, k, f, p));
        }

        _imputations.RemoveAll(i => !nouvelles.Any(n => string.Equals(n.CodeService, i.CodeService, StringComparison.OrdinalIgnoreCase)
            && n.CompteNature == i.CompteNature && n.Fonction == i.Fonction && n.CodeProduitLocal == i.CodeProduitLocal));
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

    /// <summary>Sets the PES V2 identifiers (blank = not yet known); returns why not (French, with the field), or null.</summary>
    public RefusTitre? ModifierPes(string? idPost, string? idColl, string? codCol, string? codBud, string? libelleBudget, string? editeur, string? logiciel, EditionAsap edition)
    {
        var (post, coll, col, bud) = (Net(idPost)?.ToUpperInvariant(), Net(idColl)?.Replace(" ", string.Empty, StringComparison.Ordinal), Net(codCol), Net(codBud)?.ToUpperInvariant());
        if (post is not null && !(post.Length is 6 or 7 && post.All(char.IsAsciiDigit)) && !(post.Length is 6 or 7 && post.StartsWith("02", StringComparison.Ordinal)
            && post[2] is 'A' or 'B' && post[3..].All(char.IsAsciiDigit)))
        {
            return new("Le codique du poste comptable compte 6 ou 7 chiffres (ou 02A / 02B suivi de 3 ou 4 chiffres).", "PesIdPost");
        }

        if (coll is not null && (coll.Length != 14 || !coll.All(char.IsAsciiDigit)))
        {
            return new("Le SIRET de la collectivité (IdColl) compte 14 chiffres.", "PesIdColl");
        }

        if (col is not null && (col.Length != 3 || !col.All(char.IsAsciiDigit)))
        {
            return new("Le code collectivité (CodCol) compte 3 chiffres.", "PesCodCol");
        }

        if (bud is not null && (bud.Length != 2 || !char.IsAsciiDigit(bud[1]) || !(char.IsAsciiDigit(bud[0]) || char.IsAsciiLetterUpper(bud[0]))))
        {
            return new("Le code budget (CodBud) compte 2 caractères : un chiffre ou une lettre, puis un chiffre (« 00 » pour le budget principal).", "PesCodBud");
        }

        foreach (var (valeur, max, libelle, champ) in new[]
        {
            (libelleBudget, 38, "Le libellé du budget", "PesLibelleBudget"),
            (editeur, 32, "L'éditeur du logiciel", "PesLogicielEditeur"),
            (logiciel, 38, "Le nom et la version du logiciel", "PesLogicielNom"),
        })
        {
            if (Limites.Refus(valeur?.Trim(), max, libelle) is { } refus)
            {
                return new(refus, champ);
            }
        }

        if (!Enum.IsDefined(edition))
        {
            return new("Choisissez qui édite les avis des sommes à payer.", "PesEdition");
        }

        (PesIdPost, PesIdColl, PesCodCol, PesCodBud) = (post, coll, col, bud);
        (PesLibelleBudget, PesLogicielEditeur, PesLogicielNom, PesEdition) = (Net(libelleBudget), Net(editeur), Net(logiciel), edition);
        return null;
    }

    /// <summary>
    /// What is still missing before a bordereau can be sent as a PES V2 file, in French (empty when complete): the
    /// identifiers of the envelope and header, and for each service billed its local product code and a numeric
    /// compte par nature and fonction (Hélios takes them as numbers).
    /// </summary>
    public IReadOnlyList<string> ManquantsPes(IEnumerable<string>? codesServices = null)
    {
        var manquants = new List<string>();
        void Si(bool manque, string libelle)
        {
            if (manque)
            {
                manquants.Add(libelle);
            }
        }

        Si(PesIdPost is null, "le codique du poste comptable (IdPost)");
        Si(PesIdColl is null, "le SIRET de la collectivité (IdColl)");
        Si(PesCodCol is null, "le code collectivité (CodCol)");
        Si(PesCodBud is null, "le code budget (CodBud)");
        Si(PesLogicielEditeur is null || PesLogicielNom is null, "l'identification du logiciel émetteur (éditeur, nom et version)");
        foreach (var code in (codesServices ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var imputation = ImputationDe(code);
            Si(imputation?.CodeProduitLocal is null, $"le code produit local (CodProdLoc) du service {code}");
            Si(imputation is not null && !Numerique(imputation.CompteNature, 12, zeroAdmis: false), $"un compte par nature numérique (12 chiffres au plus) pour le service {code}");
            Si(imputation is not null && !Numerique(imputation.Fonction, 10, zeroAdmis: true), $"une fonction numérique (10 chiffres au plus) pour le service {code}");
        }

        return manquants;
    }

    private static bool Numerique(string valeur, int max, bool zeroAdmis) =>
        valeur.Length is > 0 && valeur.Length <= max && valeur.All(char.IsAsciiDigit) && (zeroAdmis || valeur.Any(c => c != '0'));

    private static bool Complet(params string?[] valeurs) => valeurs.All(v => !string.IsNullOrWhiteSpace(v));

    private static string? Net(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}
