using System.Globalization;
using System.Text.Json;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Web.Infrastructure;

/// <summary>One changed field of an audit-trail entry, ready to read: « Nom : Ancien → Nouveau ».</summary>
public sealed record ChampModifie(string Libelle, string? Ancienne, string? Nouvelle);

/// <summary>
/// Turns the recorded changes of an <c>EntreeHistorique</c> (JSON, culture-neutral values) into French lines:
/// labels per entity and property, values in fr-FR formats (dates 31/12/2026, money 1 234,56 €,
/// populations 2 355). The labels of every audited entity are here, in one place; technical columns
/// (search keys, foreign keys) are not shown.
/// </summary>
public static class HistoriqueLisible
{
    private static readonly CultureInfo Invariante = CultureInfo.InvariantCulture;

    private sealed record Champ(string Libelle, Func<string, string> Formater);

    private static Champ Texte(string libelle) => new(libelle, v => v);

    private static Champ Annee(string libelle) => new(libelle, v => v);

    private static Champ Population(string libelle) => new(libelle, v => long.TryParse(v, NumberStyles.Integer, Invariante, out var n) ? FormatFr.Population(n) : v);

    private static Champ Argent(string libelle) => new(libelle, v => decimal.TryParse(v, NumberStyles.Number, Invariante, out var euros) ? FormatFr.Euros(euros) : v);

    private static Champ Nombre(string libelle) => new(libelle, v => decimal.TryParse(v, NumberStyles.Number, Invariante, out var n) ? FormatFr.Nombre(n) : v);

    private static Champ Date(string libelle) => new(libelle, FormaterDate);

    private static Champ Booleen(string libelle) => new(libelle, v => bool.TryParse(v, out var b) ? (b ? "oui" : "non") : v);

    private static Champ Nature(string libelle) => new(libelle, v => Enum.TryParse<NatureMembre>(v, out var n) ? n.Libelle() : v);

    private static Champ ChampStatutConvention(string libelle) => new(libelle, v => Enum.TryParse<Domain.Conventions.StatutConvention>(v, out var n) ? n.Libelle() : v);

    private static Champ ChampModeleConvention(string libelle) => new(libelle, v => Enum.TryParse<Domain.Conventions.ModeleConvention>(v, out var n) ? n.Libelle() : v);

    private static readonly Dictionary<string, string> Entites = new(StringComparer.Ordinal)
    {
        ["Convention"] = "Convention",
        ["DocumentConvention"] = "Document de convention",
        ["Membre"] = "Membre",
        ["PopulationLegale"] = "Population légale",
        ["QuantiteMembre"] = "Quantité déclarée",
        ["VersionCatalogue"] = "Version du catalogue",
        ["ServiceCatalogue"] = "Service du catalogue",
        ["ComposanteTarif"] = "Composante de tarif",
        ["FormuleCatalogue"] = "Formule du catalogue",
        ["AnnexeCatalogue"] = "Annexe du catalogue",
    };

    /// <summary>Per entity, the fields shown, in this order, with their label and format.</summary>
    private static readonly Dictionary<string, IReadOnlyList<(string Propriete, Champ Champ)>> Champs = new(StringComparer.Ordinal)
    {
        ["Membre"] =
        [
            ("Nom", Texte("Nom")),
            ("Nature", Nature("Nature")),
            ("CodeInsee", Texte("Code INSEE")),
            ("Siren", Texte("SIREN")),
            ("Adresse.Ligne", Texte("Adresse")),
            ("Adresse.CodePostal", Texte("Code postal")),
            ("Adresse.Ville", Texte("Ville")),
            ("Decideur.Nom", Texte("Nom du décideur")),
            ("Decideur.Fonction", Texte("Fonction du décideur")),
            ("Decideur.Courriel", Texte("Courriel du décideur")),
            ("Decideur.Telephone", Texte("Téléphone du décideur")),
            ("Technique.Nom", Texte("Nom du contact technique")),
            ("Technique.Fonction", Texte("Fonction du contact technique")),
            ("Technique.Courriel", Texte("Courriel du contact technique")),
            ("Technique.Telephone", Texte("Téléphone du contact technique")),
            ("PopulationMillesime", Annee("Millésime de la population")),
            ("PopulationTotale", Population("Population totale")),
            ("PopulationMunicipale", Population("Population municipale")),
        ],
        ["PopulationLegale"] =
        [
            ("Millesime", Annee("Millésime")),
            ("Totale", Population("Population totale")),
            ("Municipale", Population("Population municipale")),
            ("Source", Texte("Source")),
        ],
        ["QuantiteMembre"] =
        [
            ("Code", Texte("Quantité")),
            ("Depuis", Date("À partir du")),
            ("Valeur", Nombre("Valeur")),
            ("Source", Texte("Source")),
        ],
        ["VersionCatalogue"] =
        [
            ("Exercice", Annee("Exercice")),
            ("Intitule", Texte("Intitulé")),
            ("Statut", Texte("Statut")),
            ("DeliberationNumero", Texte("Numéro de délibération")),
            ("DeliberationLe", Date("Délibération du")),
            ("EnVigueurLe", Date("En vigueur le")),
        ],
        ["ComposanteTarif"] =
        [
            ("Libelle", Texte("Libellé")),
            ("Taux", Texte("Taux")),
            ("Montant", Argent("Montant")),
            ("MontantPremiereAnnee", Argent("Montant la première année")),
            ("Plancher", Argent("Plancher")),
            ("Plafond", Argent("Plafond")),
        ],
        ["Convention"] =
        [
            ("Modele", ChampModeleConvention("Modèle")),
            ("Statut", ChampStatutConvention("Statut")),
            ("DeliberationMembreNumero", Texte("Délibération de la commune")),
            ("DeliberationMembreDate", Date("Délibération de la commune du")),
            ("DeliberationMembreOrgane", Texte("Organe délibérant de la commune")),
            ("DeliberationEpciNumero", Texte("Délibération de l'EPCI")),
            ("DeliberationEpciDate", Date("Délibération de l'EPCI du")),
            ("DeliberationEpciOrgane", Texte("Organe délibérant de l'EPCI")),
            ("DateSignatureMembre", Date("Signée par la commune le")),
            ("DateSignatureEpci", Date("Signée par l'EPCI le")),
            ("DatePvMiseEnService", Date("Procès-verbal de mise en service")),
            ("ControleLegaliteIdentifiant", Texte("Identifiant du contrôle de légalité")),
            ("ControleLegaliteDate", Date("Transmise au contrôle de légalité le")),
            ("DateEffet", Date("Date d'effet")),
            ("DateDenonciation", Date("Dénonciation reçue le")),
            ("ReferenceDenonciation", Texte("Courrier de dénonciation")),
            ("DenonceePar", Texte("Dénoncée par")),
            ("DateSortieConvenue", Date("Sortie convenue le")),
            ("ReferenceAccordSortie", Texte("Accord de sortie")),
            ("DateSortie", Date("Date de sortie")),
        ],
        ["DocumentConvention"] =
        [
            ("Titre", Texte("Titre")),
            ("Nature", Texte("Nature")),
            ("NomFichier", Texte("Nom du fichier")),
            ("Taille", Population("Taille (octets)")),
            ("DeposeLe", Date("Déposé le")),
            ("DeposePar", Texte("Déposé par")),
        ],
        ["AnnexeCatalogue"] =
        [
            ("Titre", Texte("Titre")),
            ("NomFichier", Texte("Nom du fichier")),
            ("Taille", Population("Taille (octets)")),
            ("DeposeeLe", Date("Déposée le")),
        ],
    };

    /// <summary>Never shown: search keys derived from a shown field.</summary>
    private static readonly HashSet<string> Masques = new(StringComparer.Ordinal) { "NomRecherche" };

    public static string Entite(string entite) => Entites.GetValueOrDefault(entite, entite);

    /// <summary>The changed fields of one entry: known fields in their order, then the others under their own name.</summary>
    public static IReadOnlyList<ChampModifie> Lire(string entite, string action, string changementsJson)
    {
        Dictionary<string, JsonElement>? valeurs;
        try
        {
            valeurs = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(changementsJson);
        }
        catch (JsonException)
        {
            return [];
        }

        if (valeurs is null)
        {
            return [];
        }

        var connus = Champs.GetValueOrDefault(entite) ?? [];
        var ordre = connus.Select(c => c.Propriete)
            .Concat(valeurs.Keys.Where(k => connus.All(c => c.Propriete != k)).Order(StringComparer.Ordinal));
        var lignes = new List<ChampModifie>();
        foreach (var propriete in ordre)
        {
            if (!valeurs.TryGetValue(propriete, out var valeur) || Masques.Contains(propriete) || EstUneCle(propriete))
            {
                continue;
            }

            var champ = connus.Where(c => c.Propriete == propriete).Select(c => c.Champ).FirstOrDefault() ?? Texte(propriete);
            string? ancienne;
            string? nouvelle;
            if (valeur.ValueKind == JsonValueKind.Array && valeur.GetArrayLength() == 2)
            {
                ancienne = Formater(champ, valeur[0]);
                nouvelle = Formater(champ, valeur[1]);
            }
            else if (action == "Suppression")
            {
                (ancienne, nouvelle) = (Formater(champ, valeur), null);
            }
            else
            {
                (ancienne, nouvelle) = (null, Formater(champ, valeur));
            }

            // A creation or deletion lists only the fields that had a value.
            if (ancienne is null && nouvelle is null)
            {
                continue;
            }

            lignes.Add(new ChampModifie(champ.Libelle, ancienne, nouvelle));
        }

        return lignes;
    }

    /// <summary>Foreign keys (MembreId, VersionCatalogueId…) say nothing to a reader: the page already says which row.</summary>
    private static bool EstUneCle(string propriete) => propriete.EndsWith("Id", StringComparison.Ordinal);

    private static string? Formater(Champ champ, JsonElement valeur) => valeur.ValueKind switch
    {
        JsonValueKind.String when valeur.GetString() is { Length: > 0 } texte => champ.Formater(texte),
        JsonValueKind.Number => champ.Formater(valeur.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => champ.Formater(valeur.GetRawText()),
        _ => null,
    };

    private static string FormaterDate(string valeur)
    {
        if (DateOnly.TryParseExact(valeur, "yyyy-MM-dd", Invariante, DateTimeStyles.None, out var jour)
            || DateOnly.TryParse(valeur, Invariante, DateTimeStyles.None, out jour))
        {
            return FormatFr.Date(jour);
        }

        return DateTimeOffset.TryParse(valeur, Invariante, DateTimeStyles.AssumeUniversal, out var instant)
            ? FormatFr.Horodatage(instant)
            : valeur;
    }
}
