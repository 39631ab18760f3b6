using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Missions;

namespace Mutualisation.Web.Tests.Outils;

public static class MissionsDeTest
{
    private static readonly Auteur Test = new(null, "Agent de test");

    /// <summary>
    /// A lettre de mission of a member starting on <paramref name="debut"/> (1 January 2026 by default), started unless
    /// <paramref name="jusqua"/> is a draft, with its entries (date, days). Returns its id and its first entry's id.
    /// </summary>
    public static async Task<(int Mission, int Saisie)> AjouterMissionAsync(this PortailFactory portail, int membreId, StatutMission jusqua = StatutMission.EnCours,
        DateOnly? debut = null, params (DateOnly Date, decimal Jours)[] saisies)
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
        var contenu = new ContenuMission("Mission de test " + Guid.NewGuid().ToString("N")[..6], "Enjeux de test", Contact.Vide, new Contact("Agent de test", null, null, null),
            debut ?? new DateOnly(2025, 1, 2), new DateOnly(2026, 12, 31), 3m, ["Rapport"]);
        Verifier(LettreDeMission.Creer(membreId, contenu, Test, quand, aujourdHui, out var mission));
        if (jusqua != StatutMission.Brouillon)
        {
            Verifier(mission!.Demarrer(Test, quand, aujourdHui));
            foreach (var (date, jours) in saisies)
            {
                Verifier(mission.AjouterSaisie(date, jours, jours == 1m ? Creneau.Journee : Creneau.Matin, null, null, "Saisie de test", Test, Test, quand, aujourdHui, out _));
            }

            if (jusqua == StatutMission.Terminee)
            {
                Verifier(mission.Terminer(Test, quand, aujourdHui));
            }
        }

        await portail.ExecuterAsync(async db =>
        {
            db.Missions.Add(mission!);
            return await db.SaveChangesAsync();
        });
        return (mission!.Id, mission.Saisies.Select(s => s.Id).DefaultIfEmpty().Min());
    }

    private static void Verifier(RefusMission? refus) => Assert.True(refus is null, refus?.Message);
}
