using System.Globalization;
using System.Security.Cryptography;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Titres;

/// <summary>
/// A supporting document attached to a titre (the paid supplier invoice of a purchase made as mandataire, Redon
/// 2.3.4): the file as received (checked by its content before), its SHA-256, and what the invoice says. Added with
/// the draft; once the titre is issued the database refuses any change to it (<c>DeclencheursTitres</c>).
/// </summary>
public sealed class PieceJustificative : IPerimetreMembre
{
    public const int LongueurMaxTexte = 200;
    public const int LongueurMaxNumero = 50;
    public const int TailleMaximale = 10 * 1024 * 1024;

    private PieceJustificative()
    {
    }

    internal PieceJustificative(TitreDeRecette titre, AchatMandataire achat, string nomFichier, string typeContenu, byte[] contenu, Auteur auteur, DateTimeOffset quand)
    {
        Titre = titre;
        MembreId = titre.MembreId;
        Fournisseur = achat.Fournisseur;
        NumeroFacture = achat.NumeroFacture;
        DateFacture = achat.DateFacture;
        PayeeLe = achat.PayeeLe;
        Montant = achat.Montant;
        NomFichier = nomFichier.Length > LongueurMaxTexte ? nomFichier[^LongueurMaxTexte..] : nomFichier;
        TypeContenu = typeContenu;
        Contenu = contenu;
        Taille = contenu.Length;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(contenu));
        DeposeLe = quand.ToUniversalTime();
        DeposeParNom = auteur.Nom.Length > LongueurMaxTexte ? auteur.Nom[..LongueurMaxTexte] : auteur.Nom;
    }

    public int Id { get; private set; }

    public int TitreId { get; private set; }

    public TitreDeRecette? Titre { get; private set; }

    public int MembreId { get; private set; }

    public string Fournisseur { get; private set; } = string.Empty;

    public string NumeroFacture { get; private set; } = string.Empty;

    public DateOnly DateFacture { get; private set; }

    public DateOnly PayeeLe { get; private set; }

    /// <summary>The amount TTC of the invoice, reimbursed as is.</summary>
    public Montant Montant { get; private set; }

    public string NomFichier { get; private set; } = string.Empty;

    public string TypeContenu { get; private set; } = string.Empty;

    public int Taille { get; private set; }

    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>The file (not loaded unless asked for).</summary>
    public byte[] Contenu { get; private set; } = [];

    public DateTimeOffset DeposeLe { get; private set; }

    public string DeposeParNom { get; private set; } = string.Empty;

    /// <summary>« Facture n° F-12 du 03/02/2026 de Fournisseur, acquittée le 10/02/2026 ».</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"facture n° {NumeroFacture} du {DateFacture:dd/MM/yyyy} de {Fournisseur}, acquittée le {PayeeLe:dd/MM/yyyy}");
}

/// <summary>A purchase the EPCI made and paid on a member's behalf, as the reimbursement form gives it.</summary>
public sealed record AchatMandataire(string Fournisseur, string NumeroFacture, DateOnly DateFacture, DateOnly PayeeLe, string Objet, Montant Montant);

/// <summary>One member's weight in a groupement's market, and its share once split.</summary>
public sealed record PartIndemnite(int MembreId, Debiteur Debiteur, decimal Poids, Montant Part);

/// <summary>
/// The titres made outside the campaign (domain.md rules 2, 9, 10): the reimbursement of a purchase made as mandataire
/// with its paid invoice attached, and a member's share of a groupement's indemnity. Each is an ordinary draft titre,
/// issued afterwards like any other. The audit titre is priced by the engine (Web) and made by <see cref="TitreDeRecette.Creer"/>.
/// </summary>
public static class TitresHorsCampagne
{
    public const string ObjetMandataire = "Remboursement de frais engagés en qualité de mandataire";

    public const int LongueurMaxLibelleGroupement = 200;

    /// <summary>
    /// A draft « Remboursement de frais engagés en qualité de mandataire » of the invoice's amount TTC (no fee), its bases
    /// citing the invoice, with the invoice attached as pièce justificative. Refused (field named) when the purchase is not acceptable.
    /// </summary>
    public static RefusTitre? Mandataire(int membreId, Debiteur debiteur, int exercice, string budget, AchatMandataire achat, string nomFichier, string typeContenu,
        byte[] contenu, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui, out TitreDeRecette? titre, out PieceJustificative? piece)
    {
        ArgumentNullException.ThrowIfNull(achat);
        ArgumentNullException.ThrowIfNull(contenu);
        ArgumentNullException.ThrowIfNull(auteur);
        (titre, piece) = (null, null);
        var refus = Texte(achat.Fournisseur, LongueurMaxTexte, "Le fournisseur", nameof(AchatMandataire.Fournisseur))
            ?? Texte(achat.NumeroFacture, PieceJustificative.LongueurMaxNumero, "Le numéro de facture", nameof(AchatMandataire.NumeroFacture))
            ?? Texte(achat.Objet, LongueurMaxTexte, "L'objet de l'achat", nameof(AchatMandataire.Objet));
        if (refus is not null)
        {
            return refus;
        }

        if (achat.DateFacture > aujourdHui)
        {
            return new("La date de la facture ne peut pas être dans le futur.", nameof(AchatMandataire.DateFacture));
        }

        if (achat.PayeeLe > aujourdHui)
        {
            return new("Le remboursement suit le paiement : la date de paiement ne peut pas être dans le futur.", nameof(AchatMandataire.PayeeLe));
        }

        if (achat.PayeeLe < achat.DateFacture)
        {
            return new($"La facture ne peut pas être payée avant d'être émise (le {achat.DateFacture:dd/MM/yyyy}).", nameof(AchatMandataire.PayeeLe));
        }

        if (achat.Montant.Euros <= 0 || achat.Montant.Euros > 10_000_000m)
        {
            return new("Le montant TTC de la facture est positif et au plus de 10 000 000 €.", nameof(AchatMandataire.Montant));
        }

        if (contenu.Length == 0 || contenu.Length > PieceJustificative.TailleMaximale)
        {
            return new("La facture acquittée (PDF de 10 Mo au plus) est la pièce justificative du titre : elle est obligatoire.", "fichier");
        }

        var a = achat with { Fournisseur = achat.Fournisseur.Trim(), NumeroFacture = achat.NumeroFacture.Trim(), Objet = achat.Objet.Trim() };
        var facture = $"facture n° {a.NumeroFacture} du {Fr(a.DateFacture)} de {a.Fournisseur}, acquittée le {Fr(a.PayeeLe)}";
        var ligne = new LignePrevue($"{ObjetMandataire} : {a.Objet}",
            $"{Capitale(facture)} : {Insecable(a.Montant)} TTC remboursés à l'identique, sans frais (achat pour le compte du membre, mandat)",
            a.Montant, null, null, null);
        refus = TitreDeRecette.Creer(membreId, debiteur, exercice, a.DateFacture.Year, budget, $"{ObjetMandataire} : {a.Objet}",
            $"Achat effectué par l'EPCI en qualité de mandataire pour le compte du membre, sans frais (convention, art. 2.3.4). Pièce justificative jointe : copie de la {facture}.",
            [ligne], auteur, quand, out titre);
        if (refus is not null)
        {
            return refus with { Champ = refus.Champ == "Objet" ? nameof(AchatMandataire.Objet) : refus.Champ };
        }

        piece = new PieceJustificative(titre!, a, nomFichier, typeContenu, contenu, auteur, quand);
        return null;
    }

    /// <summary>
    /// Splits <paramref name="total"/> among the members by their weights with the given split (the engine's largest remainder,
    /// shares adding up to the total to the cent). Refused when the label, the total or the weights are not acceptable.
    /// </summary>
    public static RefusTitre? Repartir(string libelle, Montant total, IReadOnlyList<(int MembreId, Debiteur Debiteur, decimal Poids)> poids,
        Func<decimal, IReadOnlyList<decimal>, IReadOnlyList<decimal>> repartition, out IReadOnlyList<PartIndemnite> parts)
    {
        ArgumentNullException.ThrowIfNull(poids);
        ArgumentNullException.ThrowIfNull(repartition);
        parts = [];
        if (Texte(libelle, LongueurMaxLibelleGroupement, "Le groupement ou le marché", "Libelle") is { } refus)
        {
            return refus;
        }

        if (total.Euros <= 0 || total.Euros > 100_000_000m)
        {
            return new("Le montant total de l'indemnité est positif et au plus de 100 000 000 €.", "Total");
        }

        if (poids.Count < 2)
        {
            return new("Une indemnité se répartit entre au moins deux membres : donnez le poids d'au moins deux membres.", "Poids");
        }

        if (poids.Select(p => p.MembreId).Distinct().Count() != poids.Count)
        {
            return new("Un membre ne figure qu'une fois dans la répartition.", "Poids");
        }

        if (poids.Any(p => p.Poids <= 0))
        {
            return new("Chaque poids (part du marché, en montant ou en proportion) est strictement positif.", "Poids");
        }

        var montants = repartition(total.Euros, poids.Select(p => p.Poids).ToList());
        parts = poids.Select((p, i) => new PartIndemnite(p.MembreId, p.Debiteur, p.Poids, new Montant(montants[i]))).ToList();
        return null;
    }

    /// <summary>The draft titre of one member's share of an indemnity (its bases: the total, the weights, the share).</summary>
    public static RefusTitre? Indemnite(PartIndemnite part, string libelle, string nature, Montant total, decimal sommeDesPoids, int exercice, string budget,
        Auteur auteur, DateTimeOffset quand, out TitreDeRecette? titre)
    {
        ArgumentNullException.ThrowIfNull(part);
        var poids = part.Poids.ToString("#,##0.##", CultureInfo.GetCultureInfo("fr-FR"));
        var somme = sommeDesPoids.ToString("#,##0.##", CultureInfo.GetCultureInfo("fr-FR"));
        var ligne = new LignePrevue($"Quote-part de l'indemnité : {nature.Trim()}",
            $"{Insecable(total)} répartis selon la part de chaque membre dans le marché : {poids} / {somme} ; plus fort reste au centime",
            part.Part, null, null, null);
        return TitreDeRecette.Creer(part.MembreId, part.Debiteur, exercice, exercice, budget, $"Quote-part de l'indemnité du groupement « {libelle.Trim()} »",
            $"Convention constitutive du groupement de commandes « {libelle.Trim()} » (convention, art. 4.2.6 et 4.2.7) : répartition entre les membres au prorata de leur part du marché.",
            [ligne], auteur, quand, out titre);
    }

    private const int LongueurMaxTexte = PieceJustificative.LongueurMaxTexte;

    private static RefusTitre? Texte(string? texte, int max, string libelle, string champ) =>
        string.IsNullOrWhiteSpace(texte) ? new($"{libelle} est obligatoire.", champ)
        : Limites.Refus(texte.Trim(), max, libelle) is { } refus ? new(refus, champ)
        : null;

    private static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Capitale(string texte) => char.ToUpperInvariant(texte[0]) + texte[1..];

    private static string Insecable(Montant montant) => montant.ToString().Replace(" €", "\u00A0€", StringComparison.Ordinal);
}
