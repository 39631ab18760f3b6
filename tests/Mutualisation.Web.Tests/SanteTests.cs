using System.Net;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class SanteTests(PortailFactory portail)
{
    [Fact]
    public async Task Health_live_repond_sans_session_et_sans_toucher_la_base()
    {
        using var session = portail.NouvelleSession();
        using var journal = new JournalSql(portail.Base);
        var page = await session.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Healthy", page.Texte);
        Assert.Empty(journal.Commandes);
    }

    [Fact]
    public async Task Health_ready_verifie_la_base_et_repond_sans_session()
    {
        using var session = portail.NouvelleSession();
        using var journal = new JournalSql(portail.Base);
        var page = await session.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Healthy", page.Texte);
        // One query on the context's own (pooled) connection, not EF's default test, which opens an unpooled one on SQLite.
        Assert.Contains(journal.Commandes, c => c.Texte == "SELECT 1");
    }
}
