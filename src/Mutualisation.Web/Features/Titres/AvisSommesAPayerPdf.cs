using Mutualisation.Domain.Titres;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// The avis des sommes à payer of an issued titre, with every mention the debtor must find (domain.md, « Titres de
/// recette »): issuer and signatory, exercice, number, bordereau, date, debtor, nature and basis of the debt, bases de
/// liquidation line by line, total, comptable assignataire and payment, voies et délais de recours naming the court,
/// executory formula. Produced once, at issue (<see cref="TitreDeRecette.Emettre"/>), and stored with its SHA-256.
/// </summary>
public static class AvisSommesAPayerPdf
{
    public const string FormuleExecutoire =
        "Titre exécutoire en application de l'article L. 252 A du Livre des procédures fiscales, pris, émis et rendu exécutoire conformément aux articles R. 2342-4 et D. 3342-11 du CGCT.";

    private static readonly Colonne[] Colonnes =
    [
        new("Objet", 28),
        new("Bases de liquidation", 42),
        new("Imputation", 14),
        new("Montant", 16, Alignement.Droite),
    ];

    public static byte[] Produire(TitreDeRecette titre, ParametresEmetteur emetteur)
    {
        ArgumentNullException.ThrowIfNull(titre);
        ArgumentNullException.ThrowIfNull(emetteur);
        if (titre.Numero is null || titre.EmisLe is null)
        {
            throw new InvalidOperationException("Un avis des sommes à payer ne se produit que pour un titre émis.");
        }

        var reduction = titre.Nature == NatureTitre.AnnulationReduction;
        var intitule = reduction ? "Titre d'annulation / réduction" : "Avis des sommes à payer";
        var horodatage = new DateTimeOffset(titre.EmisLe.Value.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        using var document = new DocumentPdf(
            $"{intitule} — titre n° {titre.Numero} — exercice {titre.Exercice}",
            $"{emetteur.Nom} — exercice {titre.Exercice}, budget {titre.Budget}, titre n° {titre.Numero}, bordereau n° {titre.BordereauNumero}",
            horodatage);

        document.Paragraphe(emetteur.Nom!, gras: true);
        document.Note($"SIREN {emetteur.Siren} — SIRET {emetteur.Siret}\n{emetteur.Adresse}");
        document.Espace(6);
        document.Titre(intitule);
        document.Paragraphe($"Exercice {titre.Exercice} — budget {titre.Budget} — titre n° {titre.Numero} — bordereau n° {titre.BordereauNumero}", gras: true);
        document.Paragraphe($"Émis et rendu exécutoire le {FormatFr.Date(titre.EmisLe.Value)}.");

        document.Intertitre("Débiteur");
        document.Paragraphe(titre.DebiteurNom, gras: true);
        document.Paragraphe($"SIREN {titre.DebiteurSiren}" + (titre.DebiteurCodeInsee is { } insee ? $" — code INSEE {insee}" : string.Empty));
        if (!string.IsNullOrWhiteSpace(titre.DebiteurAdresse))
        {
            document.Paragraphe(titre.DebiteurAdresse);
        }

        document.Intertitre("Nature et fondement de la créance");
        document.Paragraphe(titre.Objet);
        document.Paragraphe(titre.Fondement);
        if (reduction)
        {
            document.Paragraphe($"Ce titre réduit ou annule le titre n° {titre.TitreOrigineNumero} ; motif : {titre.Motif}", gras: true);
        }

        document.Intertitre("Bases de liquidation");
        document.Tableau(Colonnes, titre.Lignes.OrderBy(l => l.Ordre).Select(l => (IReadOnlyList<string>)[l.Libelle, l.Bases, l.Imputation, FormatFr.Euros(l.Montant.Euros)]));
        document.Paragraphe((reduction ? "Montant réduit : " : "Montant total à payer : ") + FormatFr.Euros(titre.Total.Euros), gras: true);

        document.Intertitre("Paiement");
        document.Paragraphe($"Comptable public assignataire : {emetteur.Comptable}" + (emetteur.ComptableAdresse is { } adresse ? $", {adresse}" : string.Empty) + ".");
        document.Paragraphe($"Modes de paiement : {emetteur.ModesDePaiement}");

        document.Intertitre("Voies et délais de recours");
        document.Paragraphe(
            "Dans le délai de deux mois suivant la réception du présent avis, vous pouvez contester la somme mentionnée en saisissant directement le "
            + emetteur.Tribunal + (emetteur.TribunalAdresse is { } tribunal ? $" ({tribunal})" : string.Empty)
            + " (article L. 1617-5 du code général des collectivités territoriales). Un recours n'est recevable que dans ce délai.");

        document.Espace(6);
        document.Paragraphe(FormuleExecutoire, gras: true);
        document.Espace(6);
        var parDelegation = emetteur.Delegue is not null
            && string.Equals(emetteur.Delegue.Nom, titre.SignataireNom, StringComparison.Ordinal)
            && string.Equals(emetteur.Delegue.Prenoms, titre.SignatairePrenoms, StringComparison.Ordinal);
        document.Paragraphe(parDelegation ? "Pour l'ordonnateur et par délégation," : "L'ordonnateur,");
        document.Paragraphe($"{titre.SignatairePrenoms} {titre.SignataireNom}, {titre.SignataireQualite}", gras: true);
        return document.Enregistrer();
    }
}
