using System.Net;
using Mutualisation.Billing;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>The projection on the members shows the engine's refusal per member, never an error page.</summary>
[Collection(PortailCollection.Nom)]
public class ProjectionRefusTests(PortailFactory portail)
{
    [Fact]
    public async Task Une_formule_sur_une_quantite_que_les_membres_n_ont_pas_donne_la_raison_par_membre_et_pas_une_erreur_500()
    {
        const int Exercice = 2087;
        var version = CataloguesDeReference.VersionCoeurCoteFleurie(Exercice, "Catalogue de test : formule par poste");
        version.AjouterFormule(new Domain.Catalogue.FormuleCatalogue("postes-seuls", "Maintenance des postes", "POSTES"));
        version.Voter("CC_2087_POSTES", new DateOnly(Exercice, 1, 15), null);
        await portail.ExecuterAsync(db =>
        {
            db.VersionsCatalogue.Add(version);
            return db.SaveChangesAsync();
        });
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var page = await finances.GetAsync($"/contributions?exercice={Exercice}&formule=postes-seuls");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        var allaire = page.Document.QuerySelector("table")!.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Allaire", StringComparison.Ordinal));
        Assert.Contains("la quantité « postes » n'est pas renseignée pour ce membre", allaire.TextContent, StringComparison.Ordinal);
    }
}
