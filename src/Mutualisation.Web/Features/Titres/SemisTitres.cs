using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Demarrage;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// Demo data (clearly marked « démo »): the issuer's settings of the profile (tribunal administratif de Rennes for
/// Redon, de Caen for CCCF) and, once, a bordereau of titres for the previous exercice, priced by the billing
/// engine on the demo members' populations (socle complet for Redon, messagerie and site internet for CCCF), with
/// one cancellation and its replacement. Real titres come from the campaign.
/// </summary>
public static class SemisTitres
{
    public const string Budget = "BP";

    private static readonly Auteur Semis = new(null, "Démonstration (données de démo)");

    public static async Task SemerAsync(MutualisationDbContext db, ProfilDemo profil, IReadOnlyList<string> sirensDesMairies, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(profil);
        var redon = profil == ProfilsDemo.Redon;
        var emetteur = await db.ParametresEmetteur.FirstOrDefaultAsync();
        if (emetteur is null)
        {
            emetteur = Emetteur(redon);
            db.ParametresEmetteur.Add(emetteur);
            await db.SaveChangesAsync();
        }

        if (await db.TitresRecette.AnyAsync() || emetteur.Manquants().Count > 0)
        {
            return;
        }

        var courant = horloge.ExerciceCourant();
        var facture = courant - 1;
        var version = await db.VersionsCatalogue.AsNoTracking().AvecTarifs().FirstOrDefaultAsync(v => v.Exercice == facture && v.Statut == StatutVersion.Votee);
        if (version is null)
        {
            return;
        }

        var catalogue = ConversionCatalogue.VersTarification(version);
        var membres = await db.Membres.AsNoTracking().Where(m => m.PopulationTotale != null && m.PopulationTotale <= 8000)
            .OrderBy(m => m.NomRecherche).ToListAsync();
        var choisis = membres.Where(m => sirensDesMairies.Contains(m.Siren.Valeur))
            .Concat(membres.Where(m => !sirensDesMairies.Contains(m.Siren.Valeur)).Take(3)).ToList();
        var abonnements = redon
            ? new[] { new Abonnement(CataloguesDeReference.Socle, new DateOnly(facture, 1, 1)) }
            : [new Abonnement("MESSAGERIE", new DateOnly(facture, 1, 1)), new Abonnement("SITE", new DateOnly(facture, 4, 1))];
        var quand = new DateTimeOffset(new DateTime(courant, 3, 2, 9, 0, 0, DateTimeKind.Unspecified), TimeSpan.FromHours(1));
        if (quand > horloge.GetUtcNow())
        {
            quand = horloge.GetUtcNow();
        }

        var emisLe = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        var ids = new List<int>();
        foreach (var membre in choisis)
        {
            if (Brouillon(membre, catalogue, abonnements, version, courant, facture, quand) is { } titre)
            {
                db.TitresRecette.Add(titre);
                await db.SaveChangesAsync();
                ids.Add(titre.Id);
            }
        }

        var emission = new EmissionTitres(db);
        var resultat = await emission.EmettreAsync(ids, Semis, quand, emisLe, AvisSommesAPayerPdf.Produire);
        if (resultat.Refus is not null || resultat.Titres.Count == 0)
        {
            return;
        }

        // One cancellation (a demo reason) and its replacement, in a second bordereau the same day.
        var annule = resultat.Titres[^1];
        var (reduction, _) = await emission.PreparerReductionAsync(annule.Id, annule.Total, "Erreur de débiteur constatée après émission (exemple de démonstration).", courant, Semis, quand);
        if (reduction is not null)
        {
            var membre = choisis.First(m => m.Id == annule.MembreId);
            var remplacement = Brouillon(membre, catalogue, abonnements, version, courant, facture, quand);
            db.TitresRecette.Add(remplacement!);
            await db.SaveChangesAsync();
            await emission.EmettreAsync([reduction.Id, remplacement!.Id], Semis, quand, emisLe, AvisSommesAPayerPdf.Produire);
        }
    }

    /// <summary>A draft titre priced by the engine, one service at a time (so each line keeps its service code for the imputation).</summary>
    private static TitreDeRecette? Brouillon(Membre membre, CatalogueTarifaire catalogue, IEnumerable<Abonnement> abonnements, VersionCatalogue version,
        int exercice, int facture, DateTimeOffset quand)
    {
        var lignes = new List<LignePrevue>();
        foreach (var abonnement in abonnements)
        {
            var faits = new FaitsMembre(membre.PopulationTotale!.Value, membre.PopulationMillesime)
            {
                Abonnements = [abonnement],
                Quantites = new Dictionary<string, decimal> { [Quantites.DemiJourneesN1] = 0m },
            };
            var resultat = Tarification.Evaluer(catalogue, faits);
            if (resultat.Contribution is not { } contribution)
            {
                return null;
            }

            lignes.AddRange(contribution.Lignes.Where(l => l.Montant != 0)
                .Select(l => new LignePrevue(l.Libelle, FormatFr.Bases(l.Bases), new Montant(l.Montant), abonnement.CodeService, null, null)));
        }

        var refus = TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, membre.Adresse.ToString()),
            exercice, facture, Budget,
            $"Contribution aux services mutualisés, exercice {facture} (démo)",
            $"Convention d'adhésion du membre ; catalogue de l'exercice {facture} voté par délibération n° {version.DeliberationNumero} du {FormatFr.Date(version.DeliberationLe!.Value)}.",
            lignes, Semis, quand, out var titre);
        return refus is null ? titre : null;
    }

    private static ParametresEmetteur Emetteur(bool redon)
    {
        var p = new ParametresEmetteur();
        var refus = redon
            ? p.Modifier("REDON Agglomération", "243500741", "24350074100018", "3 rue Charles Sillard", "35600", "Redon",
                new Signataire("MARY", "Jean-François", "Président"), new Signataire("DÉLÉGUÉ", "Camille (démo)", "Vice-président délégué aux finances"),
                "Service de gestion comptable de Redon (démo)", "Redon",
                "Virement au Trésor public (IBAN de démonstration FR76 0000 0000 0000 0000 0000 000) ou paiement en ligne PayFiP, en rappelant le numéro du titre.",
                "Tribunal administratif de Rennes", "3 contour de la Motte, 35044 Rennes",
                Budget, ParametresEmetteur.SeuilReglementaire)
            : p.Modifier("CC Cœur Côte Fleurie", "241400415", "24140041500012", "12 rue Robert Fossorier", "14800", "Deauville",
                new Signataire("AUGIER", "Philippe", "Président"), null,
                "Service de gestion comptable de Lisieux (démo)", "Lisieux",
                "Virement au Trésor public (IBAN de démonstration FR76 0000 0000 0000 0000 0000 000) ou paiement en ligne PayFiP, en rappelant le numéro du titre.",
                "Tribunal administratif de Caen", "3 rue Arthur Le Duc, 14000 Caen",
                Budget, ParametresEmetteur.SeuilReglementaire);
        if (refus is not null)
        {
            throw new InvalidOperationException(refus.Message);
        }

        var codes = redon
            ? new[] { CataloguesDeReference.Socle, CataloguesDeReference.Audit, CataloguesDeReference.Groupements }
            : ["MESSAGERIE", "SITE", "SIG", "POSTES", "STOCKAGE", "RACCORDEMENT", "INTERVENTION"];
        p.DefinirImputations(codes.Select(c => (c, (string?)"70876", (string?)"020")));
        return p;
    }
}

/// <summary>The titres' services, registered with one line from <c>Services.cs</c>.</summary>
public static class ServicesTitres
{
    public static IServiceCollection AjouterTitres(this IServiceCollection services) => services.AddScoped<EmissionTitres>();
}
