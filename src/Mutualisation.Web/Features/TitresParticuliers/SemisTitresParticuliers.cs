using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Features.Catalogue;
using Mutualisation.Web.Features.Missions;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.TitresParticuliers;

/// <summary>
/// Demo data (clearly marked « démo »), once, after the titres' seed: the titre of an audit delivered in the demo, priced
/// by the engine as at its delivery, and one mandataire reimbursement with a small generated invoice PDF as its pièce
/// justificative, both issued in the current year (the year the previous exercice's titres are issued in).
/// </summary>
public static class SemisTitresParticuliers
{
    private static readonly Auteur Semis = new(null, "Démonstration (données de démo)");

    public static async Task SemerAsync(MutualisationDbContext db, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(horloge);
        if (await db.Set<PieceJustificative>().AnyAsync() || await db.TitresRecette.AnyAsync(t => t.AuditId != null)
            || !await db.TitresRecette.AnyAsync(t => t.Statut == StatutTitre.Emis))
        {
            return;
        }

        var quand = horloge.GetUtcNow();
        var aujourdHui = horloge.AujourdHui();
        var ids = new List<int>();
        var audits = await db.Audits.AsNoTracking().Where(a => a.RapportLivreLe != null).OrderBy(a => a.RapportLivreLe).ToListAsync();
        var titreDAudit = new TitreDAudit(db, new TarifsDeLExercice(db, horloge), new FaitsDesMembres(db, new ConsommationN1(db)));
        foreach (var audit in audits.Where(a => a.RapportLivreLe!.Value.Year >= aujourdHui.Year - 1))
        {
            if ((await titreDAudit.PreparerAsync(audit, audit.RapportLivreLe!.Value, Semis, quand, CancellationToken.None)).Brouillon is { } titre)
            {
                db.TitresRecette.Add(titre);
                await db.SaveChangesAsync();
                ids.Add(titre.Id);
                break;
            }
        }

        var membre = await db.Membres.AsNoTracking().OrderBy(m => m.NomRecherche).FirstOrDefaultAsync();
        var budget = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).Select(p => p.CodeBudget).FirstOrDefaultAsync() ?? SemisTitres.Budget;
        if (membre is not null)
        {
            var payee = aujourdHui.AddDays(-3);
            var achat = new AchatMandataire("Éditeur Logiciels Bretons (démo)", "DEMO-2026-0042", payee.AddDays(-12), payee,
                "Licences de bureautique de démonstration pour les postes de la mairie", new Montant(1250.40m));
            var refus = TitresHorsCampagne.Mandataire(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, membre.Adresse.ToString()),
                aujourdHui.Year, budget, achat, "facture-acquittee-demo.pdf", VerificationAnnexe.TypePdf, Facture(achat, membre.Nom, quand), Semis, quand, aujourdHui,
                out var titre, out var piece);
            if (refus is null)
            {
                db.TitresRecette.Add(titre!);
                db.Add(piece!);
                await db.SaveChangesAsync();
                ids.Add(titre!.Id);
            }
        }

        if (ids.Count > 0)
        {
            await new EmissionTitres(db).EmettreAsync(ids, Semis, quand, aujourdHui, AvisSommesAPayerPdf.Produire);
        }
    }

    /// <summary>A one-page supplier invoice, marked as a demo and as paid.</summary>
    private static byte[] Facture(AchatMandataire achat, string client, DateTimeOffset quand)
    {
        using var document = new DocumentPdf($"Facture {achat.NumeroFacture} (démo)", $"{achat.Fournisseur} — facture {achat.NumeroFacture} — document de démonstration", quand);
        document.Paragraphe(achat.Fournisseur, gras: true);
        document.Titre($"Facture n° {achat.NumeroFacture}");
        document.Paragraphe($"Date : {FormatFr.Date(achat.DateFacture)}");
        document.Paragraphe($"Commande passée par l'EPCI pour le compte de : {client}");
        document.Tableau([new("Désignation", 70), new("Montant TTC", 30, Alignement.Droite)], [[achat.Objet, FormatFr.Euros(achat.Montant.Euros)]]);
        document.Paragraphe($"Total TTC : {FormatFr.Euros(achat.Montant.Euros)}", gras: true);
        document.Paragraphe($"ACQUITTÉE — payée le {FormatFr.Date(achat.PayeeLe)} par virement du comptable public.", gras: true);
        document.Note("Document de démonstration : ni le fournisseur ni la facture n'existent.");
        return document.Enregistrer();
    }
}
