using System.Net;
using System.Text.Json;
using Mutualisation.Billing;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>"Today" is the injected clock's, seen from Paris: the exercice turns at midnight in Paris, not in UTC.</summary>
public class HorlogeTests
{
    private static readonly TimeSpan HeureDHiver = TimeSpan.FromHours(1);

    [Fact]
    public async Task L_exercice_et_le_millesime_N_moins_3_changent_a_minuit_heure_de_Paris()
    {
        using var portail = PortailFactory.SurUneNouvelleBase(maintenant: new DateTimeOffset(2026, 12, 31, 23, 59, 59, HeureDHiver));
        var version2027 = CataloguesDeReference.VersionRedon(2027, "Catalogue 2027 de test");
        version2027.Voter("CC_2027_NOUVEL_AN", new DateOnly(2027, 1, 1), null);
        await portail.ExecuterAsync(db =>
        {
            db.VersionsCatalogue.Add(version2027);
            return db.SaveChangesAsync();
        });
        using var admin = await portail.ConnecterAsync(Comptes.Admin);

        Assert.Equal(2026, await ExerciceSimuleAsync(portail));
        Assert.Equal("2023", (await admin.GetAsync("/membres/import")).ValeurDuChamp("millesime"));

        // 01/01/2027 00:00:01 in Paris is still 31/12/2026 23:00:01 in UTC.
        portail.Horloge.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2026, portail.Horloge.GetUtcNow().Year);

        Assert.Equal(2027, await ExerciceSimuleAsync(portail));
        var import = await admin.GetAsync("/membres/import");
        Assert.Equal(HttpStatusCode.OK, import.Statut);
        Assert.Equal("2024", import.ValeurDuChamp("millesime"));
    }

    private static async Task<int> ExerciceSimuleAsync(PortailFactory portail)
    {
        using var anonyme = portail.NouvelleSession();
        var page = await anonyme.GetAsync("/api/v1/simulation?population=2355&formule=socle-complet&annee=premiere");
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        return JsonDocument.Parse(page.Texte).RootElement.GetProperty("exercice").GetInt32();
    }
}
