using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>
/// A fiche projet printed as Redon's Annexe 3: the header (direction pilote, type, date, version), diffusion, visas,
/// version history, then « La demande », « Le projet » with its planning and the cost table, « Objectifs du projet »,
/// « Contraintes à respecter », « Structure de suivi du projet », « Conditions de réussite / incertitudes » and the
/// indicators, in the annex's order and with its headings. Either the current content or one submitted version.
/// Amounts in fr-FR; fonts embedded by <see cref="DocumentPdf"/>.
/// </summary>
public static class FicheProjetPdf
{
    private static readonly Colonne[] ColonnesEnTete = [new("Rubrique", 30), new("Valeur", 70)];
    private static readonly Colonne[] ColonnesVisas = [new("Rédacteur", 50), new("Pour validation", 50)];
    private static readonly Colonne[] ColonnesVersions = [new("Version", 14), new("Auteur", 30), new("Date", 20), new("Commentaire évolution", 36)];
    private static readonly Colonne[] ColonnesCouts = [new("Poste", 70), new("Montant estimé", 30, Alignement.Droite)];

    /// <param name="fiche">The fiche, with its versions.</param>
    /// <param name="version">The submitted version to print, or null for the content as last saved.</param>
    public static byte[] Produire(FicheProjet fiche, string membre, VersionFiche? version, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        var contenu = version?.Contenu ?? fiche.Contenu;
        var titre = version?.Titre ?? fiche.Titre;
        var numero = fiche.Numero ?? "brouillon";
        var libelleVersion = version?.Libelle ?? (fiche.Etat.EstModifiableParLaCommune() ? "en cours de rédaction" : fiche.Versions.OrderBy(v => v.Numero).LastOrDefault()?.Libelle ?? "—");
        var date = version is not null ? FormatFr.Horodatage(version.Horodatage) : fiche.DeposeeLe is { } d ? FormatFr.Date(d) : FormatFr.Horodatage(fiche.CreeLe);
        using var document = new DocumentPdf($"Fiche projet {numero} — {titre}", $"Fiche projet {numero} — {membre} — version {libelleVersion}", maintenant);

        document.Titre("ANNEXE 3. Fiche projet");
        document.Paragraphe(titre, gras: true);
        document.Tableau(ColonnesEnTete,
        [
            ["Commune", membre],
            ["Numéro", numero],
            ["Direction pilote", Texte(contenu.DirectionPilote)],
            ["Type de projet", contenu.Type?.Libelle() ?? "Non renseigné."],
            ["Date", date],
            ["Version", libelleVersion],
        ]);

        document.Intertitre("DIFFUSION");
        document.Paragraphe(Texte(contenu.Diffusion));

        document.Intertitre("VISAS");
        document.Tableau(ColonnesVisas, [[Texte(contenu.Redacteur), Texte(contenu.Validation)]]);

        document.Intertitre("HISTORIQUE DES VERSIONS");
        var versions = fiche.Versions.Where(v => version is null || v.Numero <= version.Numero).OrderBy(v => v.Numero).ToList();
        if (versions.Count == 0)
        {
            document.Paragraphe("Aucune version déposée : la fiche est un brouillon.");
        }
        else
        {
            document.Tableau(ColonnesVersions, versions.Select(v => (IReadOnlyList<string>)[v.Libelle, v.UtilisateurNom, FormatFr.Horodatage(v.Horodatage), v.Commentaire]));
        }

        document.Intertitre("LA DEMANDE");
        Rubrique(document, "Origine de la demande", contenu.Origine);
        Rubrique(document, "Le demandeur", contenu.Demandeur);
        Rubrique(document, "Les enjeux", contenu.Enjeux);
        Rubrique(document, "La nature du projet", contenu.Nature?.Libelle());
        if (contenu.ProjetsConnexes is not null)
        {
            Rubrique(document, "Projets connexes", contenu.ProjetsConnexes);
        }

        Rubrique(document, "Projet sectoriel ou transversal", contenu.Type?.Libelle());

        document.Intertitre("LE PROJET");
        Rubrique(document, "La description du projet", contenu.Description);
        document.Paragraphe("Planification du projet", gras: true);
        Rubrique(document, "Période de mise en application souhaitée par la maîtrise d'ouvrage", contenu.PeriodeSouhaitee);
        Rubrique(document, "Durée maximale du projet estimée par la DSI", fiche.DureeEstimeeMois is { } mois ? $"{mois} mois" : "Pas encore estimée.");
        Rubrique(document, "Présentation des étapes initiales du projet", contenu.EtapesInitiales);

        document.Reserver(140);
        document.Paragraphe("Enveloppe financière", gras: true);
        document.Note("Estimation du coût global du projet (somme inscrite au PPI), décomposé en :");
        document.Tableau(ColonnesCouts,
        [
            ["Projet informatique", Euros(contenu.CoutInformatique)],
            ["Projet organisation", Euros(contenu.CoutOrganisation)],
            ["Projet formation métier", Euros(contenu.CoutFormation)],
            ["Dépenses associées", Euros(contenu.DepensesAssociees)],
            ["Coût global estimé", contenu.CoutGlobal.ToString()],
        ]);
        Rubrique(document, "Financement extérieur escompté (subventions, participations…)",
            contenu.FinancementExterieur is null && contenu.MontantFinancementExterieur is null ? null
            : string.Join(" — ", new[] { contenu.FinancementExterieur, contenu.MontantFinancementExterieur?.ToString() }.Where(t => t is not null)));

        document.Intertitre("OBJECTIFS DU PROJET");
        Rubrique(document, "Objectifs attendus (par ou) pour l'usager", contenu.ObjectifsUsagers);
        Rubrique(document, "Objectifs attendus par la direction", contenu.ObjectifsDirection);
        Rubrique(document, "Objectifs attendus par les utilisateurs", contenu.ObjectifsUtilisateurs);

        document.Intertitre("CONTRAINTES À RESPECTER");
        Rubrique(document, "Contraintes organisationnelles du service demandeur", contenu.ContraintesOrganisationnelles);
        Rubrique(document, "Compétences - Métiers - Formation", contenu.ContraintesCompetences);
        Rubrique(document, "Contraintes extérieures", contenu.ContraintesExterieures);

        document.Intertitre("STRUCTURE DE SUIVI DU PROJET");
        document.Paragraphe("Cf. article 6 : gouvernance et pilotage de la convention.");

        document.Intertitre("CONDITIONS DE RÉUSSITE / INCERTITUDES");
        Rubrique(document, "Conditions de réussite", contenu.ConditionsReussite);
        Rubrique(document, "Incertitudes", contenu.Incertitudes);

        document.Intertitre("INDICATEURS DE SUIVI DU PROJET");
        document.Paragraphe(Texte(contenu.IndicateursSuivi));
        return document.Enregistrer();
    }

    /// <summary>A file name for the download: the fiche's number and title, cleaned.</summary>
    public static string NomDeFichier(FicheProjet fiche, VersionFiche? version)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        var titre = version?.Titre ?? fiche.Titre;
        var suffixe = version is null ? string.Empty : $" v{version.Numero}";
        return Infrastructure.NomDeFichier.Nettoyer($"Fiche projet {fiche.Numero ?? "brouillon"} {(titre.Length > 60 ? titre[..60] : titre)}{suffixe}.pdf");
    }

    private static void Rubrique(DocumentPdf document, string libelle, string? texte)
    {
        document.Paragraphe(libelle, gras: true);
        document.Paragraphe(Texte(texte));
    }

    private static string Texte(string? texte) => texte ?? "Non renseigné.";

    private static string Euros(Montant? montant) => montant?.ToString() ?? "—";
}
