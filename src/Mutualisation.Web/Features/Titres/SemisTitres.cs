using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Demarrage;
using Mutualisation.Web.Features.Campagnes;
using Mutualisation.Web.Features.Missions;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// Demo data (clearly marked « démo »): the issuer's settings of the profile (tribunal administratif de Rennes for
/// Redon, de Caen for CCCF) and, once, the previous exercice's campaign run through the same code as a finance user's
/// (<see cref="CalculCampagne"/>: stored adhésions priced by the engine; a negotiated amount for each member the rules
/// refuse, above 8 000 inhabitants) and issued in one bordereau, one cancellation and its replacement in a second
/// bordereau, then the current exercice's campaign opened with its dry run done.
/// </summary>
public static class SemisTitres
{
    public const string Budget = "BP";

    private static readonly Auteur Semis = new(null, "Démonstration (données de démo)");

    /// <param name="avantCampagneCourante">Titres made outside the campaign (audit, mandataire), issued before the current
    /// exercice's dry run so that it leaves out what they already bill.</param>
    public static async Task SemerAsync(MutualisationDbContext db, ProfilDemo profil, TimeProvider horloge, Func<Task>? avantCampagneCourante = null)
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

        if (await db.TitresRecette.AnyAsync() || await db.Set<Campagne>().AnyAsync() || emetteur.Manquants().Count > 0)
        {
            return;
        }

        var courant = horloge.ExerciceCourant();
        var calcul = new CalculCampagne(db, new TarifsDeLExercice(db, horloge), new FaitsDesMembres(db, new ConsommationN1(db)), horloge);
        var quand = new DateTimeOffset(new DateTime(courant, 3, 2, 9, 0, 0, DateTimeKind.Unspecified), TimeSpan.FromHours(1));
        if (quand > horloge.GetUtcNow())
        {
            quand = horloge.GetUtcNow();
        }

        var precedente = await CalculerAsync(db, calcul, courant - 1, quand);
        if (precedente is not null)
        {
            await EmettreAsync(db, precedente, courant, quand);
        }

        if (avantCampagneCourante is not null)
        {
            await avantCampagneCourante();
        }

        await CalculerAsync(db, calcul, courant, horloge.GetUtcNow());
    }

    /// <summary>Opens the campaign of <paramref name="facture"/> and runs its dry run; members refused by the rules get a negotiated demo amount, then it runs again.</summary>
    private static async Task<Campagne?> CalculerAsync(MutualisationDbContext db, CalculCampagne calcul, int facture, DateTimeOffset quand)
    {
        if (!await db.VersionsCatalogue.AnyAsync(v => v.Exercice == facture && v.Statut == StatutVersion.Votee))
        {
            return null;
        }

        if (Campagne.Ouvrir(facture, Budget, Semis, quand, out var campagne) is not null)
        {
            return null;
        }

        db.Add(campagne!);
        await db.SaveChangesAsync();
        await calcul.CalculerAsync(campagne!.Id, Semis, (_, _) => Task.CompletedTask, CancellationToken.None);
        var attente = campagne.Resultats.Where(r => r.Statut == StatutResultat.EnAttenteNegociation && r.ServiceRefuse is not null).ToList();
        foreach (var r in attente)
        {
            // A demo amount in the spirit of the grid (the upper bracket's fixed part plus 1,50 € per inhabitant).
            var montant = 2_500m + (1.5m * (r.Population ?? 0));
            campagne.NegocierMontant(r.MembreId, r.ServiceRefuse!, montant,
                "Examen approfondi (plus de 8 000 habitants) : montant fixé par la délibération du bureau communautaire (exemple de démonstration).", Semis, quand);
        }

        if (attente.Count > 0)
        {
            await db.SaveChangesAsync();
            await calcul.CalculerAsync(campagne.Id, Semis, (_, _) => Task.CompletedTask, CancellationToken.None);
        }

        return campagne;
    }

    /// <summary>Issues the campaign in one bordereau, then cancels its last titre (a demo reason) and issues a replacement in a second bordereau.</summary>
    private static async Task EmettreAsync(MutualisationDbContext db, Campagne campagne, int courant, DateTimeOffset quand)
    {
        var emisLe = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(quand, HorlogeParis.Paris).DateTime);
        var ids = await db.TitresRecette.Where(t => t.CampagneId == campagne.Id && t.Statut == StatutTitre.Brouillon).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        var emission = new EmissionTitres(db);
        var resultat = await emission.EmettreAsync(ids, Semis, quand, emisLe, AvisSommesAPayerPdf.Produire);
        if (resultat.Refus is not null || resultat.Titres.Count == 0)
        {
            return;
        }

        campagne.NoterEmission(resultat.Bordereau!.Numero, resultat.Titres.Count, resultat.Titres.Aggregate(Montant.Zero, (s, t) => s + t.Total), Semis, quand);
        await db.SaveChangesAsync();

        var dernier = resultat.Titres[^1].Id;
        var annule = await db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.Id == dernier);
        var (reduction, _) = await emission.PreparerReductionAsync(annule.Id, annule.Total, "Erreur de débiteur constatée après émission (exemple de démonstration).", courant, Semis, quand);
        if (reduction is null || TitreDeRecette.Remplacement(annule, courant, Semis, quand, out var remplacement) is not null)
        {
            return;
        }

        db.TitresRecette.Add(remplacement!);
        await db.SaveChangesAsync();
        await emission.EmettreAsync([reduction.Id, remplacement!.Id], Semis, quand, emisLe, AvisSommesAPayerPdf.Produire);
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
            ? new[] { CataloguesDeReference.Socle, CataloguesDeReference.Audit, CataloguesDeReference.Groupements, Pes.ExportsPes.CodeHorsCatalogue }
            : ["MESSAGERIE", "SITE", "SIG", "POSTES", "STOCKAGE", "RACCORDEMENT", "INTERVENTION", Pes.ExportsPes.CodeHorsCatalogue];
        // Demo PES V2 identifiers: placeholders of the right shape (a real poste comptable gives its own).
        p.DefinirImputations(codes.Select(c => (c, (string?)"70876", (string?)"020", (string?)new string(c.Where(char.IsAsciiLetterOrDigit).Take(4).ToArray()))));
        p.ModifierPes(redon ? "035999" : "014999", redon ? "24350074100018" : "24140041500012", "001", "00", "BUDGET PRINCIPAL (DEMO)", "MUTUALISATION", "Mutualisation 1.0",
            EditionAsap.EditeParLaDgfip);
        return p;
    }
}

/// <summary>The titres' services, registered with one line from <c>Services.cs</c>.</summary>
public static class ServicesTitres
{
    public static IServiceCollection AjouterTitres(this IServiceCollection services) => services.AddScoped<EmissionTitres>();
}
