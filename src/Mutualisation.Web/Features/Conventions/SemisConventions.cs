using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Conventions;

/// <summary>
/// Demo conventions in several states (in force, signed, awaiting the contrôle de légalité, one with a notice,
/// a draft), through the aggregate's own methods and dated from today. Only when no convention exists yet.
/// </summary>
public static class SemisConventions
{
    private static readonly Auteur Semis = new(null, "Données de démonstration");

    public static async Task SemerAsync(MutualisationDbContext db, bool globale, IReadOnlyList<string> sirensDesMairies, TimeProvider horloge)
    {
        if (await db.Conventions.AnyAsync())
        {
            return;
        }

        var sirens = sirensDesMairies.Select(Siren.Parse).ToList();
        var mairies = await db.Membres.Where(m => sirens.Contains(m.Siren)).OrderBy(m => m.NomRecherche).Select(m => new { m.Id, m.Siren }).ToListAsync();
        var autres = await db.Membres.Where(m => !sirens.Contains(m.Siren)).OrderBy(m => m.NomRecherche).Select(m => new { m.Id, m.Siren }).Take(4).ToListAsync();
        var membres = mairies.Concat(autres).ToList();
        if (membres.Count < 5)
        {
            return;
        }

        var aujourdHui = horloge.AujourdHui();
        var quand = horloge.GetUtcNow();
        var modele = globale ? ModeleConvention.ConventionGlobale : ModeleConvention.ServiceCommun;
        var etats = new[] { StatutConvention.EnVigueur, StatutConvention.Denoncee, StatutConvention.EnVigueur, StatutConvention.Signee, StatutConvention.Brouillon };
        for (var i = 0; i < etats.Length; i++)
        {
            try
            {
                db.Conventions.Add(Preparer(i, etats[i], membres[i].Id, membres[i].Siren.Valeur, modele, globale, aujourdHui, quand));
            }
            catch (EtapeRefusee)
            {
                // A clock set before the demo's dates (a test of another year): this convention is left out.
            }
        }

        await db.SaveChangesAsync();
    }

    private static Convention Preparer(int i, StatutConvention etat, int id, string siren, ModeleConvention modele, bool globale, DateOnly aujourdHui, DateTimeOffset quand)
    {
        var convention = new Convention(id, modele, Semis, quand, aujourdHui);
        var adhesion = i == 3 ? aujourdHui.AddDays(-40) : new DateOnly(2024, 6, 27).AddDays(7 * i);
        Verifier(convention.ModifierBrouillon(modele,
            new Deliberation($"{adhesion.Year}-{65 + i}", adhesion, "Conseil municipal"),
            globale ? new Deliberation("Délibération du 11 juillet 2020", new DateOnly(2020, 7, 11), "Conseil communautaire")
                : new Deliberation("CC_2020_77", new DateOnly(2020, 7, 15), "Conseil communautaire")));
        if (etat == StatutConvention.Brouillon)
        {
            return convention;
        }

        var signature = adhesion.AddDays(10);
        Verifier(convention.Signer(signature, signature.AddDays(3), Semis, quand, aujourdHui));
        if (globale)
        {
            Verifier(convention.EnregistrerPvMiseEnService(signature.AddDays(20), Semis, quand, aujourdHui));
        }

        if (etat != StatutConvention.Signee || !globale)
        {
            var departement = globale ? "014" : siren.StartsWith("2144", StringComparison.Ordinal) ? "044" : siren.StartsWith("2156", StringComparison.Ordinal) ? "056" : "035";
            Verifier(convention.EnregistrerControleLegalite($"{departement}-{siren}-{adhesion:yyyyMMdd}-{adhesion.Year}-{65 + i}-DE", adhesion.AddDays(4), Semis, quand, aujourdHui));
        }

        if (etat is StatutConvention.EnVigueur or StatutConvention.Denoncee)
        {
            Verifier(convention.MettreEnVigueur(Semis, quand, aujourdHui));
        }

        if (i == 0)
        {
            Verifier(convention.AjouterAvenant(convention.DateEffet!.Value.AddMonths(8), "Ajout de la vidéo-protection au périmètre de la convention", Semis, quand, aujourdHui, out _));
        }

        if (etat == StatutConvention.Denoncee)
        {
            Verifier(convention.Denoncer(aujourdHui.AddDays(-30), "LRAR 1A 123 456 7890 1", AuteurDenonciation.Membre, null, null, Semis, quand, aujourdHui));
        }

        return convention;
    }

    private static void Verifier(RefusConvention? refus)
    {
        if (refus is not null)
        {
            throw new EtapeRefusee(refus.Message);
        }
    }

    private sealed class EtapeRefusee(string message) : Exception(message);
}
