using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Tests.Outils;

public static class TitresDeTest
{
    public static readonly Auteur Test = new(null, "Test des titres");

    /// <summary>
    /// A titre for a member of <paramref name="population"/> inhabitants on Redon's socle complet, priced by the engine
    /// (2 355 inhabitants: 5 532,50 €), issued today (the app's clock) in its own bordereau unless <paramref name="emettre"/> is false.
    /// Its lines carry their imputation, so it does not depend on the issuer's imputation table.
    /// </summary>
    public static async Task<int> AjouterTitreAsync(this PortailFactory portail, int membreId, bool emettre = true, int population = 2355)
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        var contribution = Tarification.Tarifer(CataloguesDeReference.Redon(aujourdHui.Year - 1),
            new FaitsMembre(population, aujourdHui.Year - 4)
            {
                Abonnements = [new Abonnement(CataloguesDeReference.Socle, new DateOnly(aujourdHui.Year - 1, 1, 1))],
                Quantites = new Dictionary<string, decimal> { [Quantites.DemiJourneesN1] = 0m },
            });
        return await portail.ExecuterAsync(async db =>
        {
            var membre = await db.Membres.IgnoreQueryFilters().SingleAsync(m => m.Id == membreId);
            // The issuer's budget as it stands (the hostile-value sweep may have changed it in its own database).
            var budget = await db.ParametresEmetteur.Select(p => p.CodeBudget).FirstAsync() ?? SemisTitres.Budget;
            var lignes = contribution.Lignes.Where(l => l.Montant != 0)
                .Select(l => new LignePrevue(l.Libelle, FormatFr.Bases(l.Bases), new Montant(l.Montant), null, "70876", "020")).ToList();
            Verifier(TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, "Mairie, 1 place de la Mairie"),
                aujourdHui.Year, aujourdHui.Year - 1, budget, $"Contribution au socle complet, exercice {aujourdHui.Year - 1}",
                "Convention cadre du service commun (art. L5211-4-2 CGCT) ; délibération CC_2020_77", lignes, Test, quand, out var titre));
            db.TitresRecette.Add(titre!);
            await db.SaveChangesAsync();
            if (emettre)
            {
                await EmettreAsync(db, [titre!.Id], quand, aujourdHui);
            }

            return titre!.Id;
        });
    }

    public static async Task<ResultatEmission> EmettreAsync(MutualisationDbContext db, IReadOnlyCollection<int> ids, DateTimeOffset quand, DateOnly emisLe)
    {
        var resultat = await new EmissionTitres(db).EmettreAsync(ids, Test, quand, emisLe, AvisSommesAPayerPdf.Produire);
        if (resultat.Refus is not null)
        {
            throw new InvalidOperationException(resultat.Refus.Message);
        }

        return resultat;
    }

    private static void Verifier(RefusTitre? refus)
    {
        if (refus is not null)
        {
            throw new InvalidOperationException(refus.Message);
        }
    }
}
