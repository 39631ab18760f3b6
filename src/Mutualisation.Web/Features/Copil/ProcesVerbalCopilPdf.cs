using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Copil;

/// <summary>
/// The minutes of a COPIL session: its date, place, attendees, and for each fiche of the agenda its number, commune,
/// title, the decision, its motivation and the schéma directeur year of an accepted project. A session still open prints
/// « projet de procès-verbal » and the fiches not yet decided as such.
/// </summary>
public static class ProcesVerbalCopilPdf
{
    private static readonly Colonne[] Colonnes =
    [
        new("Fiche", 15),
        new("Commune", 17),
        new("Projet", 24),
        new("Décision", 13),
        new("Motivation", 31),
    ];

    public static byte[] Produire(SeanceCopil seance, IReadOnlyList<PointOrdreDuJour> points, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(seance);
        ArgumentNullException.ThrowIfNull(points);
        var intitule = seance.EstCloturee ? "Procès-verbal du comité de pilotage" : "Projet de procès-verbal du comité de pilotage";
        using var document = new DocumentPdf($"{intitule} du {FormatFr.Date(seance.Date)}", $"COPIL du {FormatFr.Date(seance.Date)} — {seance.Libelle}", maintenant);
        document.Titre(intitule);
        document.Paragraphe($"Séance du {FormatFr.Date(seance.Date)} — {seance.Libelle}", gras: true);
        if (seance.ClotureeLe is { } close)
        {
            document.Note($"Séance close le {FormatFr.Horodatage(close)}.");
        }

        document.Intertitre("Participants");
        document.Paragraphe(seance.Participants ?? "Non renseignés.");

        document.Intertitre("Ordre du jour et décisions");
        if (points.Count == 0)
        {
            document.Paragraphe("Aucune fiche projet n'est inscrite à l'ordre du jour.");
        }
        else
        {
            document.Tableau(Colonnes, points.Select(p => (IReadOnlyList<string>)
            [
                p.Point.FicheNumero,
                p.Membre,
                p.Titre,
                p.Point.Decision switch
                {
                    null => "En attente",
                    DecisionCopil.Acceptee => $"Acceptée, schéma directeur {p.Point.AnneeSchemaDirecteur}",
                    var d => d.Value.Libelle(),
                },
                p.Point.Motivation ?? "—",
            ]));
            var acceptees = points.Count(p => p.Point.Decision == DecisionCopil.Acceptee);
            var refusees = points.Count(p => p.Point.Decision == DecisionCopil.Refusee);
            var ajournees = points.Count(p => p.Point.Decision == DecisionCopil.Ajournee);
            document.Paragraphe($"{points.Count} fiche(s) examinée(s) : {acceptees} acceptée(s), {refusees} refusée(s), {ajournees} ajournée(s).");
        }

        document.Espace(6);
        document.Note("Les projets acceptés intègrent le schéma directeur des systèmes d'information de l'EPCI (convention, art. 3.3.2 et 3.4.2).");
        return document.Enregistrer();
    }
}
