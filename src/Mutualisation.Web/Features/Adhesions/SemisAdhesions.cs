using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Adhesions;

/// <summary>
/// Demo adhésions, through the aggregate's own methods and dated from today, only when none exists yet. Redon
/// (a catalogue with formules): members on the socle complet with a delivered audit (one within the 6-month window,
/// one that changed from the groupements d'achats), others on the socle annexe. CCCF (services priced on allocated
/// storage): subscriptions, one with its storage allocation changed mid-year. The mairie accounts' communes come first.
/// A few more members get a convention in force so that the demo has enough adhésions.
/// </summary>
public static class SemisAdhesions
{
    private static readonly Auteur Semis = new(null, "Données de démonstration");

    public static async Task SemerAsync(MutualisationDbContext db, IReadOnlyList<string> sirensDesMairies, TimeProvider horloge)
    {
        if (await db.Set<Adhesion>().AnyAsync())
        {
            return;
        }

        var aujourdHui = horloge.AujourdHui();
        var n = aujourdHui.Year;
        var version = await db.VersionsCatalogue.AsNoTracking().AvecTarifs()
            .Where(v => v.Exercice == n && v.Statut == StatutVersion.Votee).OrderByDescending(v => v.Id).FirstOrDefaultAsync();
        if (version is null)
        {
            return;
        }

        var catalogue = ConversionCatalogue.VersTarification(version);
        var redon = catalogue.Formule("socle-complet") is not null;
        var globale = catalogue.Services.Any(s => s.Code == "STOCKAGE");
        if (!redon && !globale)
        {
            return;
        }

        var membres = await MembresAvecConventionAsync(db, sirensDesMairies, globale, horloge);
        var quand = horloge.GetUtcNow();
        try
        {
            if (redon)
            {
                await SemerRedonAsync(db, catalogue, membres, n, aujourdHui, quand);
            }
            else
            {
                await SemerGlobaleAsync(db, catalogue, membres, n, aujourdHui, quand);
            }
        }
        catch (EtapeRefusee)
        {
            // A clock set before the demo's dates (a test of another year): the demo adhésions are left out.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Members whose convention is in force (or noticed), the mairies' first, completed with a few new conventions in force.</summary>
    private static async Task<List<(int Id, DateOnly Effet)>> MembresAvecConventionAsync(MutualisationDbContext db, IReadOnlyList<string> sirensDesMairies, bool globale, TimeProvider horloge)
    {
        var sirens = sirensDesMairies.Select(Siren.Parse).ToList();
        var enVigueur = await db.Conventions.AsNoTracking()
            .Where(c => (c.Statut == StatutConvention.EnVigueur || c.Statut == StatutConvention.Denoncee) && c.DateEffet != null)
            .Join(db.Membres.AsNoTracking(), c => c.MembreId, m => m.Id, (c, m) => new { m.Id, m.Siren, m.NomRecherche, Effet = c.DateEffet!.Value })
            .ToListAsync();
        var liste = enVigueur.OrderBy(x => sirens.Contains(x.Siren) ? 0 : 1).ThenBy(x => x.NomRecherche, StringComparer.Ordinal).Select(x => (x.Id, x.Effet)).ToList();

        // Members without any convention: a few get one in force (signed in September 2024), so the demo has enough adhésions.
        const string Marque = "2024-71";
        var avecConvention = await db.Conventions.Select(c => c.MembreId).Distinct().ToListAsync();
        var dejaAjoutees = await db.Conventions.AnyAsync(c => c.DeliberationMembreNumero == Marque);
        var sans = dejaAjoutees ? [] : await db.Membres.AsNoTracking().Where(m => !avecConvention.Contains(m.Id) && m.PopulationTotale != null)
            .OrderBy(m => m.NomRecherche).Select(m => new { m.Id, m.Siren }).Take(4).ToListAsync();
        var aujourdHui = horloge.AujourdHui();
        var quand = horloge.GetUtcNow();
        foreach (var m in sans)
        {
            var modele = globale ? ModeleConvention.ConventionGlobale : ModeleConvention.ServiceCommun;
            var convention = new Convention(m.Id, modele, Semis, quand, aujourdHui);
            var deliberation = new DateOnly(2024, 9, 10);
            if (convention.ModifierBrouillon(modele, new Deliberation(Marque, deliberation, "Conseil municipal"),
                    new Deliberation(globale ? "Délibération du 11 juillet 2020" : "CC_2020_77", new DateOnly(2020, 7, 15), "Conseil communautaire")) is not null
                || convention.Signer(deliberation.AddDays(10), deliberation.AddDays(13), Semis, quand, aujourdHui) is not null
                || (globale && convention.EnregistrerPvMiseEnService(deliberation.AddDays(20), Semis, quand, aujourdHui) is not null)
                || convention.EnregistrerControleLegalite($"{(globale ? "014" : "035")}-{m.Siren.Valeur}-{deliberation:yyyyMMdd}-{Marque}-DE", deliberation.AddDays(2), Semis, quand, aujourdHui) is not null
                || convention.MettreEnVigueur(Semis, quand, aujourdHui) is not null)
            {
                continue;
            }

            db.Conventions.Add(convention);
            liste.Add((m.Id, convention.DateEffet!.Value));
        }

        await db.SaveChangesAsync();
        return liste;
    }

    private static async Task SemerRedonAsync(MutualisationDbContext db, CatalogueTarifaire catalogue, List<(int Id, DateOnly Effet)> membres, int n, DateOnly aujourdHui, DateTimeOffset quand)
    {
        var debutPrecedent = new DateOnly(n - 1, 1, 1);
        var plan = new (DateOnly? Audit, (string Formule, DateOnly Effet, NatureActe Nature)[] Choix)[]
        {
            // Audit delivered in October N−1, socle complet on 1 January N: the audit is deducted from the first year.
            (new DateOnly(n - 1, 10, 15), [("socle-complet", new DateOnly(n, 1, 1), NatureActe.Deliberation)]),
            // Socle annexe: groupements d'achats only.
            (null, [("groupement-achats", debutPrecedent, NatureActe.Deliberation)]),
            // Groupements first, then socle complet after an audit, by a simple décision: the change is kept in the history.
            (new DateOnly(n - 1, 3, 20), [("groupement-achats", debutPrecedent, NatureActe.Deliberation), ("socle-complet", new DateOnly(n - 1, 7, 1), NatureActe.Decision)]),
            // Socle annexe complet: audit and groupements.
            (null, [("socle-annexe-complet", new DateOnly(n, 2, 1), NatureActe.Deliberation)]),
            (new DateOnly(n - 2, 11, 5), [("socle-complet", new DateOnly(n - 1, 1, 1), NatureActe.Deliberation)]),
            (null, [("audit", new DateOnly(n, 3, 1), NatureActe.Deliberation)]),
        };
        for (var i = 0; i < membres.Count && i < plan.Length; i++)
        {
            var (id, effet) = membres[i];
            var (dateAudit, choix) = plan[i];
            if (choix[0].Effet < effet)
            {
                continue;
            }

            if (dateAudit is { } livre && !await db.Audits.AnyAsync(a => a.MembreId == id && a.RapportLivreLe != null && a.RapportLivreLe <= livre))
            {
                var membre = await db.Membres.Where(m => m.Id == id).Select(m => new { m.Nom, m.CodeInsee }).SingleAsync();
                db.Audits.Add(Audits.SemisAudits.Livre(id, membre.Nom, membre.CodeInsee.Valeur, livre, quand, aujourdHui));
            }

            var adhesion = new Adhesion(id);
            var numero = 20 + i;
            foreach (var (code, date, nature) in choix)
            {
                var formule = catalogue.Formule(code)!;
                var exigeAudit = formule.Services.Select(catalogue.Service).Any(s => s.Deduction is { } d && !formule.Services.Contains(d.CodeService));
                var acte = new ActeAdhesion(nature, $"{date.Year - 1}-{numero++}", date.AddDays(-21));
                Verifier(adhesion.ChoisirFormule(formule.Code, formule.Libelle, exigeAudit, date, acte, new CadreAdhesion(effet, null, dateAudit, aujourdHui), Semis, quand));
            }

            db.Set<Adhesion>().Add(adhesion);
        }

        await db.SaveChangesAsync();
    }

    private static async Task SemerGlobaleAsync(MutualisationDbContext db, CatalogueTarifaire catalogue, List<(int Id, DateOnly Effet)> membres, int n, DateOnly aujourdHui, DateTimeOffset quand)
    {
        string Libelle(string code) => catalogue.Service(code).Libelle;
        var plan = new (string Service, DateOnly Debut, decimal? Quantite, string? Code, (DateOnly Depuis, decimal Valeur)? Changement)[][]
        {
            [
                ("MESSAGERIE", new DateOnly(n - 1, 1, 1), null, null, null),
                // Storage allocated at 200 GB from January, raised to 500 GB on 1 July: billed month by month.
                ("STOCKAGE", new DateOnly(n, 1, 1), 200m, Quantites.Stockage, (new DateOnly(n, 7, 1), 500m)),
                ("POSTES", new DateOnly(n, 3, 1), 12m, "postes", null),
            ],
            [("SITE", new DateOnly(n - 1, 4, 1), null, null, null)],
            [
                ("SIG", new DateOnly(n, 5, 1), null, null, null),
                ("STOCKAGE", new DateOnly(n, 5, 1), 100m, Quantites.Stockage, null),
            ],
            [("MESSAGERIE", new DateOnly(n, 9, 1), null, null, null)],
        };
        for (var i = 0; i < membres.Count && i < plan.Length; i++)
        {
            var (id, effet) = membres[i];
            if (plan[i].Any(s => s.Debut < effet))
            {
                continue;
            }

            var adhesion = new Adhesion(id);
            var numero = 40 + i;
            foreach (var s in plan[i])
            {
                var acte = new ActeAdhesion(NatureActe.Deliberation, $"{s.Debut.Year - 1}-{numero++}", s.Debut.AddDays(-30));
                Verifier(adhesion.Souscrire(s.Service, Libelle(s.Service), s.Debut, null, acte, s.Quantite is { } q ? new QuantiteInitiale(s.Code!, q) : null,
                    new CadreAdhesion(effet, null, null, aujourdHui), Semis, quand));
            }

            db.Set<Adhesion>().Add(adhesion);
            await db.SaveChangesAsync();
            foreach (var s in plan[i].Where(s => s.Changement is not null))
            {
                var souscription = adhesion.Souscriptions.Single(x => x.CodeService == s.Service);
                var (depuis, valeur) = s.Changement!.Value;
                Verifier(adhesion.ChangerQuantite(souscription.Id, depuis, valeur, Semis, quand));
            }
        }

        await db.SaveChangesAsync();
    }

    private static void Verifier(RefusAdhesion? refus)
    {
        if (refus is not null)
        {
            throw new EtapeRefusee(refus.Message);
        }
    }

    private sealed class EtapeRefusee(string message) : Exception(message);
}
