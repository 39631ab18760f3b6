using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Web.Features.Catalogue;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Tests.Outils;

public static class TitresHorsCampagneDeTest
{
    /// <summary>
    /// A mandataire reimbursement of 1 250,40 € for the member with the minimal PDF attached as its pièce justificative,
    /// issued today (the app's clock) unless <paramref name="emettre"/> is false. Returns the titre's and the piece's ids.
    /// </summary>
    public static async Task<(int Titre, int Piece)> AjouterRemboursementAsync(this PortailFactory portail, int membreId, bool emettre = true)
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        return await portail.ExecuterAsync(async db =>
        {
            var membre = await db.Membres.IgnoreQueryFilters().SingleAsync(m => m.Id == membreId);
            var budget = await db.ParametresEmetteur.Select(p => p.CodeBudget).FirstAsync() ?? SemisTitres.Budget;
            var achat = new AchatMandataire("Fournisseur de test", "F-" + Guid.NewGuid().ToString("N")[..6], aujourdHui.AddDays(-20), aujourdHui.AddDays(-10),
                "Licences de test", new Montant(1250.40m));
            var refus = TitresHorsCampagne.Mandataire(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, "Mairie"), aujourdHui.Year, budget,
                achat, "facture.pdf", VerificationAnnexe.TypePdf, Catalogues.Pdf, TitresDeTest.Test, quand, aujourdHui, out var titre, out var piece);
            Assert.Null(refus);
            db.TitresRecette.Add(titre!);
            db.Add(piece!);
            await db.SaveChangesAsync();
            if (emettre)
            {
                await TitresDeTest.EmettreAsync(db, [titre!.Id], quand, aujourdHui);
            }

            return (titre!.Id, piece!.Id);
        });
    }
}
