using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Persistence.Titres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Titres de recette: the history and the bordereau of an issued titre at the database, a titre never reduced beyond its amount.</summary>
public partial class TitresTests
{
    [Fact]
    public async Task L_historique_et_le_bordereau_d_un_titre_emis_sont_immuables_en_base()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Evenements).Include(t => t.Bordereau).SingleAsync(t => t.Id == id));
        var bordereau = titre.Bordereau!;

        foreach (var sql in new[]
        {
            $"DELETE FROM \"EvenementsTitres\" WHERE \"TitreId\" = {id}",
            $"UPDATE \"Bordereaux\" SET \"SignataireNom\" = 'X' WHERE \"Id\" = {bordereau.Id}",
            $"UPDATE \"Bordereaux\" SET \"Numero\" = \"Numero\" + 100000, \"EmisLe\" = '2000-01-01' WHERE \"Id\" = {bordereau.Id}",
            $"DELETE FROM \"Bordereaux\" WHERE \"Id\" = {bordereau.Id}",
        })
        {
            var erreur = await Assert.ThrowsAnyAsync<Exception>(() => portail.ExecuterAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("immuable", erreur.Message, StringComparison.Ordinal);
        }

        var apres = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Evenements).Include(t => t.Bordereau).SingleAsync(t => t.Id == id));
        Assert.Equal(titre.Evenements.Count, apres.Evenements.Count);
        Assert.Equal((bordereau.Numero, bordereau.EmisLe, bordereau.SignataireNom), (apres.Bordereau!.Numero, apres.Bordereau.EmisLe, apres.Bordereau.SignataireNom));

        // A draft's history is deleted freely, and a draft with it.
        var brouillon = await portail.AjouterTitreAsync(membre.Id, emettre: false);
        await portail.ExecuterAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"EvenementsTitres\" WHERE \"TitreId\" = {brouillon}"));
        var autre = await portail.AjouterTitreAsync(membre.Id, emettre: false);
        await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == autre).ExecuteDeleteAsync());
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.Id == autre)));
    }

    [Fact]
    public async Task Deux_reductions_du_montant_entier_ne_s_emettent_pas_toutes_les_deux()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var original = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == id));
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);

        // Both drafts are made while nothing is reduced yet: each passes the domain's check.
        var brouillons = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            var (reduction, refus) = await portail.ExecuterAsync(db => new EmissionTitres(db).PreparerReductionAsync(id, original.Total, $"Doublon {i}", aujourdHui.Year, TitresDeTest.Test, quand));
            Assert.Null(refus);
            brouillons.Add(reduction!.Id);
        }

        await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, [brouillons[0]], quand, aujourdHui));
        var premiere = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == brouillons[0]));
        var compteurs = await portail.ExecuterAsync(db => db.Set<CompteurTitres>().AsNoTracking()
            .Where(c => c.Exercice == premiere.Exercice && c.Budget == premiere.Budget && (c.Serie == CompteurTitres.SerieTitres || c.Serie == CompteurTitres.SerieBordereaux)).OrderBy(c => c.Serie).Select(c => c.Dernier).ToListAsync());

        var resultat = await portail.ExecuterAsync(db => new EmissionTitres(db).EmettreAsync([brouillons[1]], TitresDeTest.Test, quand, aujourdHui, AvisSommesAPayerPdf.Produire));

        Assert.Null(resultat.Bordereau);
        Assert.Contains($"Réduction du titre n° {original.Numero}", resultat.Refus!.Message, StringComparison.Ordinal);
        Assert.Contains("dépasserait le montant du titre", resultat.Refus.Message, StringComparison.Ordinal);
        var seconde = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == brouillons[1]));
        Assert.Equal((StatutTitre.Brouillon, (int?)null, (int?)null), (seconde.Statut, seconde.Numero, seconde.BordereauId));
        Assert.Equal(compteurs, await portail.ExecuterAsync(db => db.Set<CompteurTitres>().AsNoTracking()
            .Where(c => c.Exercice == premiere.Exercice && c.Budget == premiere.Budget && (c.Serie == CompteurTitres.SerieTitres || c.Serie == CompteurTitres.SerieBordereaux)).OrderBy(c => c.Serie).Select(c => c.Dernier).ToListAsync()));
        Assert.Equal(original.Total, await portail.ExecuterAsync(db => new EmissionTitres(db).MontantReduitAsync(id)));

        // The next titre issued continues the series: no number was lost.
        var suivant = await portail.AjouterTitreAsync(membre.Id);
        Assert.Equal(compteurs[1] + 1, await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == suivant).Select(t => t.Numero).SingleAsync()));
    }

    [Fact]
    public async Task Un_bordereau_plus_grand_qu_une_tranche_s_emet_d_un_seul_tenant_chaque_titre_avec_son_avis()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var nombre = EmissionTitres.TailleTranche + 7;
        var ids = new List<int>();
        for (var i = 0; i < nombre; i++)
        {
            ids.Add(await portail.AjouterTitreAsync(membre.Id, emettre: false));
        }

        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
        var resultat = await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, ids, quand, aujourdHui));

        Assert.Equal(nombre, resultat.Titres.Count);
        var emis = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Where(t => ids.Contains(t.Id)).OrderBy(t => t.Id)
            .Select(t => new { t.Id, t.Statut, t.Numero, t.BordereauId }).ToListAsync());
        var avis = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().Where(a => ids.Contains(a.TitreId)).Select(a => new { a.TitreId, a.Pdf, a.Sha256 }).ToListAsync());
        Assert.All(emis, t => Assert.Equal((StatutTitre.Emis, resultat.Bordereau!.Id), (t.Statut, t.BordereauId!.Value)));
        // One transaction held the series: the numbers follow each other in the order of the drafts, across the slices.
        Assert.Equal(Enumerable.Range(emis[0].Numero!.Value, nombre), emis.Select(t => t.Numero!.Value));
        Assert.Equal(resultat.Titres.Select(t => (t.Id, t.Numero)), emis.Select(t => (t.Id, t.Numero!.Value)));
        Assert.Equal(ids.Order(), avis.Select(a => a.TitreId).Order());
        Assert.All(avis, a => Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.Pdf)), a.Sha256));
        Assert.Equal(nombre, avis.Select(a => a.Sha256).Distinct().Count());

        // Its page shows the count and total of every titre, and the titres one page at a time.
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var pages = (nombre + BordereauxController.TitresParPage - 1) / BordereauxController.TitresParPage;
        var premiere = await finances.GetAsync($"/titres/bordereaux/{resultat.Bordereau!.Id}");
        Assert.Equal(BordereauxController.TitresParPage, premiere.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"1 / {pages}", premiere.Document.QuerySelector("nav[aria-label='Pages des titres du bordereau']")!.TextContent, StringComparison.Ordinal);
        var total = resultat.Titres.Aggregate(Domain.Commun.Montant.Zero, (s, t) => s + t.Total);
        Assert.Contains(FormatFr.Euros(total.Euros), premiere.Document.QuerySelector("tfoot")!.TextContent, StringComparison.Ordinal);
        var derniere = await finances.GetAsync($"/titres/bordereaux/{resultat.Bordereau.Id}?page={pages}");
        Assert.Equal(nombre - ((pages - 1) * BordereauxController.TitresParPage), derniere.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains($"Titre n° {emis[^1].Numero}", derniere.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await finances.GetAsync($"/titres/bordereaux/{resultat.Bordereau.Id}?page=999999")).Statut);
    }

    [Fact]
    public async Task L_emission_ecrit_a_l_historique_la_ligne_imputee_le_titre_emis_et_son_evenement_comme_toute_ecriture()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
        // A draft whose line names its service but carries no imputation yet: the issue imputes it from the settings.
        var (id, imputation) = await portail.ExecuterAsync(async db =>
        {
            var emetteur = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).FirstAsync();
            var service = emetteur.Imputations.OrderBy(i => i.CodeService).First();
            var refus = TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, "Mairie"), aujourdHui.Year, aujourdHui.Year - 1,
                emetteur.CodeBudget!, "Contribution", "Convention", [new LignePrevue("Service", "Forfait", new Montant(120m), service.CodeService, null, null)], TitresDeTest.Test, quand, out var titre);
            Assert.Null(refus);
            db.TitresRecette.Add(titre!);
            await db.SaveChangesAsync();
            return (titre!.Id, service);
        });

        await portail.ExecuterAsync(db => TitresDeTest.EmettreAsync(db, [id], quand, aujourdHui));

        var emis = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).Include(t => t.Evenements).SingleAsync(t => t.Id == id));
        var ligne = Assert.Single(emis.Lignes);
        Assert.Equal((imputation.CompteNature, imputation.Fonction), (ligne.CompteNature, ligne.Fonction));
        var evenement = Assert.Single(emis.Evenements, e => e.Libelle == "Titre émis");
        var (cleTitre, cleLigne, cleEvenement) = (Cle(id), Cle(ligne.Id), Cle(evenement.Id));
        var entrees = await portail.ExecuterAsync(db => db.Historique.AsNoTracking()
            .Where(h => (h.Entite == nameof(TitreDeRecette) && h.EntiteId == cleTitre) || (h.Entite == nameof(LigneTitre) && h.EntiteId == cleLigne)
                || (h.Entite == nameof(EvenementTitre) && h.EntiteId == cleEvenement))
            .ToListAsync());

        // The issued row: exactly the fields the issue sets, each with its value before and after.
        var modification = Assert.Single(entrees, h => h.Entite == nameof(TitreDeRecette) && h.Action == "Modification");
        var champs = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(modification.Changements)!;
        Assert.Equal(["BordereauId", "BordereauNumero", "EmisLe", "Numero", "SignataireNom", "SignatairePrenoms", "SignataireQualite", "Statut"], champs.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Brouillon|Emis", string.Join('|', champs["Statut"]));
        Assert.Equal("|" + Cle(emis.Numero!.Value), string.Join('|', champs["Numero"]));
        Assert.Equal("|" + emis.EmisLe!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Join('|', champs["EmisLe"]));
        Assert.Equal(membre.Id, modification.MembreId);
        var imputee = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(Assert.Single(entrees, h => h.Entite == nameof(LigneTitre) && h.Action == "Modification").Changements)!;
        Assert.Equal("|" + imputation.CompteNature, string.Join('|', imputee["CompteNature"]));
        Assert.Equal("|" + imputation.Fonction, string.Join('|', imputee["Fonction"]));
        Assert.Contains("\"Libelle\":\"Titre émis\"", Assert.Single(entrees, h => h.Entite == nameof(EvenementTitre)).Changements, StringComparison.Ordinal);

        static string Cle(int valeur) => valeur.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Les_declencheurs_de_l_historique_et_des_bordereaux_sont_dans_le_script_de_chaque_fournisseur()
    {
        using var sqlServer = new SqlServerMutualisationDbContext(new DbContextOptionsBuilder<SqlServerMutualisationDbContext>()
            .UseSqlServer("Server=127.0.0.1;Database=modele;User Id=sa;Password=x;TrustServerCertificate=True").Options) { Perimetre = PerimetreSysteme.Instance };
        var script = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains($"CREATE TRIGGER [{DeclencheursTitres.EvenementsSuppr}] ON [EvenementsTitres] AFTER DELETE", script, StringComparison.Ordinal);
        Assert.Contains($"CREATE TRIGGER [{DeclencheursTitres.BordereauxMaj}] ON [Bordereaux] AFTER UPDATE, DELETE", script, StringComparison.Ordinal);

        using var sqlite = new SqliteMutualisationDbContext(new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite("Data Source=:memory:").Options) { Perimetre = PerimetreSysteme.Instance };
        var scriptSqlite = sqlite.GetService<IMigrator>().GenerateScript();
        Assert.Contains($"CREATE TRIGGER \"{DeclencheursTitres.EvenementsSuppr}\" BEFORE DELETE ON \"EvenementsTitres\"", scriptSqlite, StringComparison.Ordinal);
        Assert.Contains($"CREATE TRIGGER \"{DeclencheursTitres.BordereauxMaj}\" BEFORE UPDATE ON \"Bordereaux\"", scriptSqlite, StringComparison.Ordinal);
        using var postgres = new PostgresMutualisationDbContext(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql("Host=127.0.0.1;Database=modele").Options) { Perimetre = PerimetreSysteme.Instance };
        var scriptPostgres = postgres.GetService<IMigrator>().GenerateScript();
        Assert.Contains($"CREATE TRIGGER \"{DeclencheursTitres.EvenementsSuppr}\" BEFORE DELETE ON \"EvenementsTitres\"", scriptPostgres, StringComparison.Ordinal);
        Assert.Contains($"CREATE TRIGGER \"{DeclencheursTitres.BordereauxSuppr}\" BEFORE DELETE ON \"Bordereaux\"", scriptPostgres, StringComparison.Ordinal);
    }
}
