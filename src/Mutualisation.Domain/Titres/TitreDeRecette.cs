using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Titres;

/// <summary>Why an action on a titre (or on the issuer's settings) is refused: a French message, and the form field when there is one.</summary>
public sealed record RefusTitre(string Message, string? Champ = null);

public enum StatutTitre
{
    Brouillon,
    Emis,
}

public enum NatureTitre
{
    /// <summary>An ordinary titre: what the member owes.</summary>
    Ordinaire,

    /// <summary>A titre d'annulation / réduction of an issued titre (its amount is the reduction).</summary>
    AnnulationReduction,
}

/// <summary>What an issued titre has become once its reductions are counted (derived, never stored on the issued row).</summary>
public enum EtatTitre
{
    Brouillon,
    Emis,
    Reduit,
    Annule,
}

/// <summary>A line as the caller gives it: label, bases de liquidation in words, amount (already rounded to the cent), imputation.</summary>
public sealed record LignePrevue(string Libelle, string Bases, Montant Montant, string? CodeService, string? CompteNature, string? Fonction);

/// <summary>The debtor as printed on the titre, copied when the draft is made (a later change of the member's record never alters a titre).</summary>
public sealed record Debiteur(string Nom, string Siren, string? CodeInsee, string Adresse);

/// <summary>
/// A titre de recette for one member: its lines (bases de liquidation, amount, imputation), its total (the sum of
/// its lines, never negative) and its history. Brouillon → émis by <see cref="Emettre"/> only (number, bordereau,
/// date, signatory, PDF and its SHA-256 set at once); an issued titre refuses every change (the database refuses
/// them too: triggers of the migrations). A correction is a new titre of nature
/// <see cref="NatureTitre.AnnulationReduction"/> made by <see cref="Reduction"/>, which references the original
/// and states why.
/// </summary>
public sealed class TitreDeRecette : IPerimetreMembre
{
    public const int LongueurMaxObjet = 300;
    public const int LongueurMaxFondement = 1000;
    public const int LongueurMaxMotif = 500;
    public const int NombreMaxLignes = 200;

    private readonly List<LigneTitre> _lignes = [];
    private readonly List<EvenementTitre> _evenements = [];

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    /// <summary>The exercice whose series numbers the titre (the year it is issued in).</summary>
    public int Exercice { get; private set; }

    /// <summary>The exercice whose services are billed (usually the previous one).</summary>
    public int ExerciceFacture { get; private set; }

    public string Budget { get; private set; } = string.Empty;

    public NatureTitre Nature { get; private set; }

    public StatutTitre Statut { get; private set; }

    /// <summary>Nature of the debt (« Contribution au service commun — socle complet, exercice 2025 »).</summary>
    public string Objet { get; private set; } = string.Empty;

    /// <summary>What the debt rests on: convention, délibérations, catalogue version.</summary>
    public string Fondement { get; private set; } = string.Empty;

    public string DebiteurNom { get; private set; } = string.Empty;

    public string DebiteurSiren { get; private set; } = string.Empty;

    public string? DebiteurCodeInsee { get; private set; }

    public string DebiteurAdresse { get; private set; } = string.Empty;

    public Montant Total { get; private set; }

    /// <summary>The original titre a titre d'annulation / réduction reduces, and why.</summary>
    public int? TitreOrigineId { get; private set; }

    /// <summary>The invoicing campaign whose dry run made this titre (one per member and campaign), null outside a campaign.</summary>
    public int? CampagneId { get; private set; }

    public int? TitreOrigineNumero { get; private set; }

    public string? Motif { get; private set; }

    /// <summary>The cancelled titre this one replaces (a titre de remplacement, made by <see cref="Remplacement"/>).</summary>
    public int? TitreRemplaceId { get; private set; }

    public int? TitreRemplaceNumero { get; private set; }

    public int? Numero { get; private set; }

    /// <summary>The audit whose delivered report this titre bills (Redon rule 2: the audit titre at delivery), or null.</summary>
    public int? AuditId { get; private set; }

    public int? BordereauId { get; private set; }

    public int? BordereauNumero { get; private set; }

    /// <summary>The day it was made executory (Paris).</summary>
    public DateOnly? EmisLe { get; private set; }

    public string? SignataireNom { get; private set; }

    public string? SignatairePrenoms { get; private set; }

    public string? SignataireQualite { get; private set; }

    public IReadOnlyList<LigneTitre> Lignes => _lignes;

    public IReadOnlyCollection<EvenementTitre> Evenements => _evenements;

    private TitreDeRecette()
    {
    }

    /// <summary>A draft titre from given lines; refused (French reason) when a line or the total is not acceptable.</summary>
    public static RefusTitre? Creer(int membreId, Debiteur debiteur, int exercice, int exerciceFacture, string budget, string objet, string fondement,
        IReadOnlyList<LignePrevue> lignes, Auteur auteur, DateTimeOffset quand, out TitreDeRecette? titre) =>
        Preparer(membreId, debiteur, exercice, exerciceFacture, budget, objet, fondement, lignes, NatureTitre.Ordinaire, null, null, auteur, quand, out titre);

    /// <summary>
    /// A titre d'annulation / réduction of an issued titre: <paramref name="montant"/> (at most what is left of the
    /// original after <paramref name="dejaReduit"/>), with a mandatory reason. It is a draft, issued like any titre.
    /// </summary>
    public static RefusTitre? Reduction(TitreDeRecette original, Montant dejaReduit, Montant montant, string motif, int exercice, Auteur auteur, DateTimeOffset quand,
        out TitreDeRecette? reduction)
    {
        ArgumentNullException.ThrowIfNull(original);
        reduction = null;
        if (original.Statut != StatutTitre.Emis || original.Nature != NatureTitre.Ordinaire)
        {
            return new("Seul un titre émis (ni brouillon, ni lui-même une annulation) peut être annulé ou réduit.");
        }

        if (string.IsNullOrWhiteSpace(motif))
        {
            return new("Le motif de l'annulation ou de la réduction est obligatoire.", "Motif");
        }

        if (Limites.Refus(motif.Trim(), LongueurMaxMotif, "Le motif") is { } refusMotif)
        {
            return new(refusMotif, "Motif");
        }

        var reste = original.Total.Euros - dejaReduit.Euros;
        if (montant.Euros <= 0 || montant.Euros > reste)
        {
            return new($"Le montant réduit doit être positif et au plus égal au reste du titre ({new Montant(Math.Max(0, reste))}).", "Montant");
        }

        var annulation = montant.Euros == reste;
        var ligne = new LignePrevue(
            annulation ? $"Annulation du titre n° {original.Numero} (exercice {original.Exercice})" : $"Réduction du titre n° {original.Numero} (exercice {original.Exercice})",
            $"Titre n° {original.Numero} émis le {original.EmisLe:dd/MM/yyyy} pour {Insecable(original.Total)} ; motif : {motif.Trim()}",
            montant, null, original._lignes.FirstOrDefault()?.CompteNature, original._lignes.FirstOrDefault()?.Fonction);
        var debiteur = new Debiteur(original.DebiteurNom, original.DebiteurSiren, original.DebiteurCodeInsee, original.DebiteurAdresse);
        return Preparer(original.MembreId, debiteur, exercice, original.ExerciceFacture, original.Budget,
            (annulation ? "Annulation" : "Réduction") + $" du titre n° {original.Numero} : {original.Objet}",
            original.Fondement, [ligne], NatureTitre.AnnulationReduction, original, motif.Trim(), auteur, quand, out reduction);
    }

    /// <summary>
    /// A titre de remplacement of an issued ordinary titre (being cancelled): a draft copying its debtor, lines and
    /// imputations, that references it; its lines may be changed (<see cref="RemplacerLignes"/>) until it is issued.
    /// </summary>
    public static RefusTitre? Remplacement(TitreDeRecette original, int exercice, Auteur auteur, DateTimeOffset quand, out TitreDeRecette? remplacement)
    {
        ArgumentNullException.ThrowIfNull(original);
        remplacement = null;
        if (original.Statut != StatutTitre.Emis || original.Nature != NatureTitre.Ordinaire)
        {
            return new("Seul un titre émis (ni brouillon, ni lui-même une annulation) peut être remplacé.");
        }

        var objetOriginal = original.Objet.StartsWith("Remplace le titre n° ", StringComparison.Ordinal) && original.Objet.IndexOf(" : ", StringComparison.Ordinal) is > 0 and var fin
            ? original.Objet[(fin + 3)..]
            : original.Objet;
        var objet = $"Remplace le titre n° {original.Numero} (exercice {original.Exercice}) : {objetOriginal}";
        var debiteur = new Debiteur(original.DebiteurNom, original.DebiteurSiren, original.DebiteurCodeInsee, original.DebiteurAdresse);
        var lignes = original._lignes.OrderBy(l => l.Ordre).Select(l => new LignePrevue(l.Libelle, l.Bases, l.Montant, l.CodeService, l.CompteNature, l.Fonction)).ToList();
        var refus = Preparer(original.MembreId, debiteur, exercice, original.ExerciceFacture, original.Budget, Couper(objet, LongueurMaxObjet), original.Fondement,
            lignes, NatureTitre.Ordinaire, null, null, auteur, quand, out remplacement);
        if (remplacement is not null)
        {
            remplacement.TitreRemplaceId = original.Id;
            remplacement.TitreRemplaceNumero = original.Numero;
        }

        return refus;
    }

    private static RefusTitre? Preparer(int membreId, Debiteur debiteur, int exercice, int exerciceFacture, string budget, string objet, string fondement,
        IReadOnlyList<LignePrevue> lignes, NatureTitre nature, TitreDeRecette? origine, string? motif, Auteur auteur, DateTimeOffset quand, out TitreDeRecette? titre)
    {
        ArgumentNullException.ThrowIfNull(debiteur);
        ArgumentNullException.ThrowIfNull(lignes);
        ArgumentNullException.ThrowIfNull(auteur);
        titre = null;
        if (exercice is < 2000 or > 2100 || exerciceFacture is < 2000 or > 2100)
        {
            return new("L'exercice doit être compris entre 2000 et 2100.", "Exercice");
        }

        if (string.IsNullOrWhiteSpace(budget) || Limites.Refus(budget.Trim(), ParametresEmetteur.LongueurMaxCodeBudget, "Le budget") is not null)
        {
            return new("Le code du budget est obligatoire (20 caractères au plus).", "Budget");
        }

        if (string.IsNullOrWhiteSpace(objet) || string.IsNullOrWhiteSpace(fondement))
        {
            return new("La nature de la créance et son fondement (convention, délibération, catalogue) sont obligatoires.", "Objet");
        }

        if ((Limites.Refus(objet.Trim(), LongueurMaxObjet, "L'objet") ?? Limites.Refus(fondement.Trim(), LongueurMaxFondement, "Le fondement")) is { } refusTexte)
        {
            return new(refusTexte, "Objet");
        }

        if (lignes.Count == 0 || lignes.Count > NombreMaxLignes)
        {
            return new($"Un titre compte de 1 à {NombreMaxLignes} lignes.", "Lignes");
        }

        foreach (var l in lignes)
        {
            if (string.IsNullOrWhiteSpace(l.Libelle) || string.IsNullOrWhiteSpace(l.Bases))
            {
                return new("Chaque ligne a un libellé et ses bases de liquidation (sans elles un titre est irrégulier).", "Lignes");
            }

            if ((Limites.Refus(l.Libelle.Trim(), LigneTitre.LongueurMaxLibelle, "Le libellé d'une ligne")
                ?? Limites.Refus(l.Bases.Trim(), LigneTitre.LongueurMaxBases, "Les bases de liquidation")
                ?? Limites.Refus(l.CodeService, ImputationService.LongueurMaxCode, "Le code du service")
                ?? Limites.Refus(l.CompteNature, ImputationService.LongueurMaxCompte, "Le compte par nature")
                ?? Limites.Refus(l.Fonction, ImputationService.LongueurMaxCompte, "La fonction")) is { } refusLigne)
            {
                return new(refusLigne, "Lignes");
            }

            if (Math.Abs(l.Montant.Euros) > 100_000_000m)
            {
                return new("Le montant d'une ligne ne peut pas dépasser 100 000 000 €.", "Lignes");
            }
        }

        var total = lignes.Aggregate(Montant.Zero, (s, l) => s + l.Montant);
        if (total.Euros < 0)
        {
            return new($"Le total d'un titre ne peut pas être négatif ({total}).", "Lignes");
        }

        if (total.Euros == 0)
        {
            return new("Un titre d'un montant nul ne s'émet pas.", "Lignes");
        }

        titre = new TitreDeRecette
        {
            MembreId = membreId,
            Exercice = exercice,
            ExerciceFacture = exerciceFacture,
            Budget = budget.Trim(),
            Nature = nature,
            Statut = StatutTitre.Brouillon,
            Objet = objet.Trim(),
            Fondement = fondement.Trim(),
            DebiteurNom = Couper(debiteur.Nom, 200),
            DebiteurSiren = Couper(debiteur.Siren, 9),
            DebiteurCodeInsee = debiteur.CodeInsee,
            DebiteurAdresse = Couper(debiteur.Adresse, 400),
            Total = total,
            TitreOrigineId = origine?.Id,
            TitreOrigineNumero = origine?.Numero,
            Motif = motif,
        };
        var ordre = 0;
        foreach (var l in lignes)
        {
            titre._lignes.Add(new LigneTitre(++ordre, l.Libelle.Trim(), l.Bases.Trim(), l.Montant, l.CodeService?.Trim(), l.CompteNature?.Trim(), l.Fonction?.Trim()));
        }

        titre._evenements.Add(new EvenementTitre(quand, nature == NatureTitre.Ordinaire ? "Brouillon créé" : "Brouillon d'annulation / réduction créé",
            null, StatutTitre.Brouillon, auteur, $"{lignes.Count} ligne(s), total {total}." + (motif is null ? string.Empty : $" Motif : {motif}")));
        return null;
    }

    /// <summary>Marks a draft as the titre of an audit's delivery (set once, before it is saved with the delivery).</summary>
    public void RattacherAudit(int auditId)
    {
        if (Statut == StatutTitre.Brouillon && AuditId is null)
        {
            AuditId = auditId;
        }
    }

    /// <summary>Links a new draft to the campaign that computed it (before it is first saved).</summary>
    public void RattacherACampagne(int campagneId)
    {
        if (Statut != StatutTitre.Brouillon || Id != 0)
        {
            throw new InvalidOperationException("Seul un nouveau brouillon se rattache à une campagne.");
        }

        CampagneId = campagneId;
    }

    /// <summary>The codes of the services the lines bill (each needs its imputation before issuing).</summary>
    public IEnumerable<string> CodesServices => _lignes.Where(l => l.CodeService is not null).Select(l => l.CodeService!);

    /// <summary>
    /// Why this draft cannot be issued with these settings (missing items named), or null. The threshold does not
    /// apply to a titre d'annulation / réduction.
    /// </summary>
    public RefusTitre? RefusEmission(ParametresEmetteur emetteur)
    {
        ArgumentNullException.ThrowIfNull(emetteur);
        if (Statut != StatutTitre.Brouillon)
        {
            return new($"Le titre n° {Numero} est déjà émis : il ne change plus.");
        }

        var manquants = emetteur.Manquants(CodesServices);
        if (manquants.Count > 0)
        {
            return new("Émission impossible, il manque dans les paramètres de l'émetteur : " + string.Join(" ; ", manquants) + ".");
        }

        if (!string.Equals(Budget, emetteur.CodeBudget, StringComparison.Ordinal))
        {
            return new($"Le titre relève du budget {Budget}, l'émetteur est paramétré pour le budget {emetteur.CodeBudget}.");
        }

        if (Nature == NatureTitre.Ordinaire && Total.Euros < emetteur.Seuil.Euros)
        {
            return new($"Aucun titre n'est émis en dessous de {emetteur.Seuil} (CGCT, art. D1611-1) : ce titre s'élève à {Total}.");
        }

        return null;
    }

    /// <summary>
    /// Brouillon → émis, inside the issuing transaction that gave the number: number, bordereau, date, signatory,
    /// the imputation of each line from the settings. Its avis des sommes à payer is produced from the issued titre
    /// afterwards (<see cref="AvisTitre.Produire"/>).
    /// </summary>
    public RefusTitre? Emettre(ParametresEmetteur emetteur, int numero, Bordereau bordereau, DateOnly emisLe, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(bordereau);
        if (RefusEmission(emetteur) is { } refus)
        {
            return refus;
        }

        if (numero <= 0)
        {
            return new("Le numéro d'un titre est un entier positif.");
        }

        if (emisLe.Year != Exercice)
        {
            return new($"Un titre de l'exercice {Exercice} s'émet pendant cet exercice (date d'émission : {emisLe:dd/MM/yyyy}).");
        }

        if (_lignes.Any(l => l.CodeService is not null && l.CompteNature is null))
        {
            return new("Les lignes s'imputent (ImputerLignes) et s'enregistrent avant l'émission.");
        }

        var signataire = emetteur.SignatairePar!;
        Numero = numero;
        BordereauId = bordereau.Id == 0 ? null : bordereau.Id;
        BordereauNumero = bordereau.Numero;
        Bordereau = bordereau;
        EmisLe = emisLe;
        (SignataireNom, SignatairePrenoms, SignataireQualite) = (signataire.Nom, signataire.Prenoms, signataire.Qualite);
        _evenements.Add(new EvenementTitre(quand, "Titre émis", StatutTitre.Brouillon, StatutTitre.Emis, auteur,
            $"Titre n° {numero}, bordereau n° {bordereau.Numero}, exercice {Exercice}, budget {Budget}, rendu exécutoire le {emisLe:dd/MM/yyyy} par {signataire}."));
        Statut = StatutTitre.Emis;
        return null;
    }

    /// <summary>Copies onto the draft's lines the imputation of their service, from the settings (before issuing).</summary>
    public void ImputerLignes(ParametresEmetteur emetteur)
    {
        ArgumentNullException.ThrowIfNull(emetteur);
        if (Statut != StatutTitre.Brouillon)
        {
            return;
        }

        foreach (var ligne in _lignes.Where(l => l.CodeService is not null && emetteur.ImputationDe(l.CodeService) is not null))
        {
            ligne.Imputer(emetteur.ImputationDe(ligne.CodeService!)!);
        }
    }

    /// <summary>The bordereau (navigation set at issue, so that EF writes its key with the titre).</summary>
    public Bordereau? Bordereau { get; private set; }

    /// <summary>What the titre has become once the reductions (already issued) are counted.</summary>
    public EtatTitre Etat(Montant reduit) =>
        Statut == StatutTitre.Brouillon ? EtatTitre.Brouillon
        : reduit.Euros <= 0 ? EtatTitre.Emis
        : reduit.Euros >= Total.Euros ? EtatTitre.Annule
        : EtatTitre.Reduit;

    /// <summary>Lines and amount of a draft may be changed (replaced) until it is issued.</summary>
    public RefusTitre? RemplacerLignes(IReadOnlyList<LignePrevue> lignes, Auteur auteur, DateTimeOffset quand)
    {
        if (Statut != StatutTitre.Brouillon)
        {
            return new($"Le titre n° {Numero} est émis : il ne change plus (une erreur se corrige par un titre d'annulation ou de réduction).");
        }

        var refus = Preparer(MembreId, new Debiteur(DebiteurNom, DebiteurSiren, DebiteurCodeInsee, DebiteurAdresse), Exercice, ExerciceFacture, Budget, Objet, Fondement,
            lignes, Nature, null, Motif, auteur, quand, out var nouveau);
        if (refus is not null)
        {
            return refus;
        }

        _lignes.Clear();
        _lignes.AddRange(nouveau!._lignes);
        Total = nouveau.Total;
        _evenements.Add(new EvenementTitre(quand, "Brouillon recalculé", StatutTitre.Brouillon, StatutTitre.Brouillon, auteur, $"{lignes.Count} ligne(s), total {Total}."));
        return null;
    }

    /// <summary>Records, on an issued original, that a titre d'annulation / réduction was issued against it (an event only: the issued row does not change).</summary>
    public void NoterReduction(TitreDeRecette reduction, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(reduction);
        _evenements.Add(new EvenementTitre(quand, reduction.Lignes[0].Libelle.StartsWith("Annulation", StringComparison.Ordinal) ? "Titre annulé" : "Titre réduit",
            Statut, Statut, auteur, $"Par le titre n° {reduction.Numero} de {reduction.Total} ; motif : {reduction.Motif}."));
    }

    /// <summary>An amount whose « € » never wraps away from its figures.</summary>
    private static string Insecable(Montant montant) => montant.ToString().Replace(" €", "\u00A0€", StringComparison.Ordinal);

    private static string Couper(string texte, int max) => texte.Length > max ? texte[..max] : texte;
}

/// <summary>One line of a titre: label, bases de liquidation in words, amount, imputation.</summary>
public sealed class LigneTitre
{
    public const int LongueurMaxLibelle = 300;
    public const int LongueurMaxBases = 2000;

    public int Id { get; private set; }

    public int Ordre { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    public string Bases { get; private set; } = string.Empty;

    public Montant Montant { get; private set; }

    public string? CodeService { get; private set; }

    public string? CompteNature { get; private set; }

    public string? Fonction { get; private set; }

    private LigneTitre()
    {
    }

    internal LigneTitre(int ordre, string libelle, string bases, Montant montant, string? codeService, string? compteNature, string? fonction)
    {
        Ordre = ordre;
        Libelle = libelle;
        Bases = bases;
        Montant = montant;
        CodeService = codeService;
        CompteNature = compteNature;
        Fonction = fonction;
    }

    internal void Imputer(ImputationService imputation) => (CompteNature, Fonction) = (imputation.CompteNature, imputation.Fonction);

    public string Imputation => CompteNature is null ? "—" : $"{CompteNature} / {Fonction}";
}

/// <summary>One dated, attributed line of a titre's history (creation, issue, reduction…); never changed afterwards.</summary>
public sealed class EvenementTitre
{
    public const int LongueurMaxDetail = 1000;

    public int Id { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    public string Libelle { get; private set; } = string.Empty;

    public StatutTitre? StatutAvant { get; private set; }

    public StatutTitre StatutApres { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public string? Detail { get; private set; }

    private EvenementTitre()
    {
    }

    internal EvenementTitre(DateTimeOffset horodatage, string libelle, StatutTitre? avant, StatutTitre apres, Auteur auteur, string? detail)
    {
        Horodatage = horodatage.ToUniversalTime();
        Libelle = libelle;
        StatutAvant = avant;
        StatutApres = apres;
        UtilisateurId = auteur.UtilisateurId;
        UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
        Detail = detail is { Length: > LongueurMaxDetail } ? detail[..LongueurMaxDetail] : detail;
    }
}

/// <summary>
/// A bordereau: the titres issued together, numbered in its own continuous series per exercice and budget,
/// signed by the ordonnateur (or the delegate) whose nom, prénoms and qualité it keeps.
/// </summary>
public sealed class Bordereau
{
    public int Id { get; private set; }

    public int Exercice { get; private set; }

    public string Budget { get; private set; } = string.Empty;

    public int Numero { get; private set; }

    public DateOnly EmisLe { get; private set; }

    public DateTimeOffset Horodatage { get; private set; }

    public string SignataireNom { get; private set; } = string.Empty;

    public string SignatairePrenoms { get; private set; } = string.Empty;

    public string SignataireQualite { get; private set; } = string.Empty;

    public string? EmisParId { get; private set; }

    public string EmisParNom { get; private set; } = string.Empty;

    private Bordereau()
    {
    }

    public Bordereau(int exercice, string budget, int numero, DateOnly emisLe, Signataire signataire, Auteur auteur, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(signataire);
        ArgumentNullException.ThrowIfNull(auteur);
        Exercice = exercice;
        Budget = budget;
        Numero = numero;
        EmisLe = emisLe;
        Horodatage = quand.ToUniversalTime();
        (SignataireNom, SignatairePrenoms, SignataireQualite) = (signataire.Nom, signataire.Prenoms, signataire.Qualite);
        EmisParId = auteur.UtilisateurId;
        EmisParNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
    }
}
