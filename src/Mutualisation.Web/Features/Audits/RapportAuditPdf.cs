using Mutualisation.Domain.Audits;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Audits;

/// <summary>
/// The report of an audit, in French: the commune and the dates, the findings grouped by axis (severity and
/// recommendation), the inventory with what could be transferred to the EPCI, then the recommendations by theme.
/// Produced once, at delivery; the stored bytes are what every download serves.
/// </summary>
public static class RapportAuditPdf
{
    public static byte[] Produire(Audit audit, string commune, string codeInsee, DateOnly livreLe, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var titre = $"Rapport d'audit du système d'information — {commune}";
        using var document = new DocumentPdf(titre, $"Mutualisation — rapport d'audit — {commune} — livré le {FormatFr.Date(livreLe)}", maintenant);
        document.Titre(titre);
        document.Paragraphe($"Commune : {commune} (code INSEE {codeInsee})", gras: true);
        document.Paragraphe(string.Join("\n", new[]
        {
            $"Demande reçue le {FormatFr.Date(audit.DemandeLe)}",
            audit.PrevuLe is { } prevu ? $"Audit prévu le {FormatFr.Date(prevu)}" : null,
            audit.DebuteLe is { } debut ? $"Audit débuté le {FormatFr.Date(debut)}" : null,
            $"Rapport livré le {FormatFr.Date(livreLe)}",
        }.Where(l => l is not null)));
        document.Note("Audit réalisé au titre de l'article 4.1 de la convention cadre du service commun : état des lieux du système d'information, "
            + "mise à jour des inventaires et recommandations, selon trois axes orientés cybersécurité. La livraison du rapport ouvre une fenêtre de six mois "
            + $"pendant laquelle l'audit est déduit du socle (jusqu'au {FormatFr.Date(livreLe.AddMonths(Audit.MoisDeDeduction))}).");

        document.Intertitre("Synthèse");
        document.Tableau(
            [new("Axe", 52), new("Constats", 12, Alignement.Droite), new("Dont élevés ou critiques", 36, Alignement.Droite)],
            Enum.GetValues<AxeAudit>().Select(axe =>
            {
                var constats = audit.Constats.Where(c => c.Axe == axe).ToList();
                return (IReadOnlyList<string>)[axe.Libelle(), FormatFr.Entier(constats.Count),
                    FormatFr.Entier(constats.Count(c => c.Gravite is GraviteConstat.Elevee or GraviteConstat.Critique))];
            }));

        var numero = 0;
        foreach (var axe in Enum.GetValues<AxeAudit>())
        {
            numero++;
            document.Reserver(120); // the heading, the table header and a first finding of a few lines
            document.Intertitre($"Axe {numero} — {axe.Libelle()}");
            var constats = audit.Constats.Where(c => c.Axe == axe).OrderByDescending(c => c.Gravite).ThenBy(c => c.Id).ToList();
            if (constats.Count == 0)
            {
                document.Paragraphe("Aucun constat sur cet axe.");
                continue;
            }

            document.Tableau(
                [new("Gravité", 13), new("Thème", 20), new("Constat", 34), new("Recommandation", 33)],
                constats.Select(c => (IReadOnlyList<string>)[c.Gravite.Libelle(), c.Theme.Libelle(), c.Texte, c.Recommandation]));
        }

        document.Reserver(100);
        document.Intertitre("Inventaire");
        if (audit.Inventaire.Count == 0)
        {
            document.Paragraphe("Aucun élément inventorié.");
        }
        else
        {
            document.Tableau(
                [new("Nature", 17), new("Élément", 30), new("Détails", 35), new("Transférable à l'EPCI", 18)],
                audit.Inventaire.OrderBy(e => e.Nature).ThenBy(e => e.Libelle, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
                    .Select(e => (IReadOnlyList<string>)[e.Nature.Libelle(), e.Libelle, e.Details ?? "—", e.TransferableEpci ? "Oui" : "Non"]));
            var transferables = audit.Inventaire.Count(e => e.TransferableEpci);
            document.Note(transferables == 0
                ? "Aucun actif ni contrat n'est identifié comme transférable à l'EPCI."
                : $"Éléments transférables à l'EPCI : {transferables} sur {audit.Inventaire.Count}.");
        }

        document.Intertitre("Recommandations par thème");
        foreach (var theme in Enum.GetValues<ThemeRecommandation>())
        {
            var recommandations = audit.Constats.Where(c => c.Theme == theme).OrderByDescending(c => c.Gravite).ThenBy(c => c.Id).ToList();
            if (recommandations.Count == 0)
            {
                continue;
            }

            document.Paragraphe(theme.Libelle(), gras: true);
            foreach (var c in recommandations)
            {
                document.Paragraphe($"• {c.Recommandation} (gravité {c.Gravite.Libelle().ToLowerInvariant()}, axe {c.Axe.Libelle().ToLowerInvariant()})");
            }
        }

        return document.Enregistrer();
    }
}
