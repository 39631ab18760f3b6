using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Tests.Outils;
using UglyToad.PdfPig;

namespace Mutualisation.Web.Tests;

/// <summary>Titres de recette: issue, immutability at the database, the avis des sommes à payer, cancellation, who reads what.</summary>
[Collection(PortailCollection.Nom)]
public partial class TitresTests(PortailFactory portail)
{
    [Fact]
    public async Task Un_titre_emis_est_immuable_en_base_titre_lignes_et_historique()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);

        foreach (var sql in new[]
        {
            $"UPDATE \"TitresRecette\" SET \"Objet\" = 'modifié' WHERE \"Id\" = {id}",
            $"UPDATE \"TitresRecette\" SET \"Statut\" = 'Brouillon', \"Numero\" = NULL WHERE \"Id\" = {id}",
            $"DELETE FROM \"TitresRecette\" WHERE \"Id\" = {id}",
            $"UPDATE \"LignesTitres\" SET \"Montant\" = 1 WHERE \"TitreId\" = {id}",
            $"DELETE FROM \"LignesTitres\" WHERE \"TitreId\" = {id}",
            $"INSERT INTO \"LignesTitres\" (\"TitreId\", \"Ordre\", \"Libelle\", \"Bases\", \"Montant\") VALUES ({id}, 9, 'ajout', 'ajout', 100)",
            $"UPDATE \"EvenementsTitres\" SET \"UtilisateurNom\" = 'autre' WHERE \"TitreId\" = {id}",
        })
        {
            var erreur = await Assert.ThrowsAnyAsync<Exception>(() => portail.ExecuterAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("immuable", erreur.Message, StringComparison.Ordinal);
        }

        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.Id == id));
        Assert.Equal(5532.50m, titre.Total.Euros);
        Assert.Equal(StatutTitre.Emis, titre.Statut);
        Assert.Equal(5532.50m, titre.Lignes.Sum(l => l.Montant.Euros));

        // A draft still changes freely, at the database too.
        var brouillon = await portail.AjouterTitreAsync(membre.Id, emettre: false);
        await portail.ExecuterAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"TitresRecette\" SET \"Objet\" = 'recalculé' WHERE \"Id\" = {brouillon}"));
    }

    [Fact]
    public async Task L_avis_des_sommes_a_payer_porte_toutes_les_mentions_et_se_telecharge_a_l_identique()
    {
        var membre = await portail.AjouterCommuneAsync("Commune de l'avis " + Guid.NewGuid().ToString("N")[..6], population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == id));
        var stocke = await portail.ExecuterAsync(db => db.AvisTitres.AsNoTracking().SingleAsync(a => a.TitreId == id));

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        using var premiere = await TelechargerAsync(finances, $"/titres/{id}/pdf");
        using var seconde = await TelechargerAsync(finances, $"/api/v1/titres/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, premiere.StatusCode);
        Assert.Equal("application/pdf", premiere.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", premiere.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"titre-{titre.Exercice}-BP-{titre.Numero}.pdf", premiere.Content.Headers.ContentDisposition?.FileNameStar ?? premiere.Content.Headers.ContentDisposition?.FileName);
        var octets = await premiere.Content.ReadAsByteArrayAsync();
        Assert.Equal(octets, await seconde.Content.ReadAsByteArrayAsync());
        Assert.Equal(stocke.Pdf, octets);
        Assert.Equal(stocke.Sha256, Convert.ToHexStringLower(SHA256.HashData(octets)));

        using var pdf = PdfDocument.Open(octets);
        Assert.All(pdf.GetPages().SelectMany(p => p.Letters), l => Assert.Contains("Liberation Sans", l.FontName, StringComparison.Ordinal));
        var texte = Compact(string.Join(" ", pdf.GetPages().Select(p => p.Text)));
        string[] mentions =
        [
            "REDON Agglomération", "SIREN 243500741", "SIRET 24350074100018", "3 rue Charles Sillard", "Avis des sommes à payer",
            $"Exercice {titre.Exercice}", "budget BP", $"titre n° {titre.Numero}", $"bordereau n° {titre.BordereauNumero}",
            $"Émis et rendu exécutoire le {titre.EmisLe:dd/MM/yyyy}",
            membre.Nom, $"SIREN {membre.Siren}", "Nature et fondement de la créance", "Contribution au socle complet", "délibération CC_2020_77",
            "Bases de liquidation", "population 2 355 hab.", "tranche : de 1 500 à moins de 3 000 habitants", "70876 / 020",
            "2 000,00 €", "3 532,50 €", "Montant total à payer : 5 532,50 €",
            "Comptable public assignataire : Service de gestion comptable de Redon (démo)", "Modes de paiement : Virement au Trésor public",
            "Voies et délais de recours", "deux mois", "Tribunal administratif de Rennes",
            AvisSommesAPayerPdf.FormuleExecutoire,
            "Pour l'ordonnateur et par délégation", "Camille (démo) DÉLÉGUÉ, Vice-président délégué aux finances",
        ];
        Assert.All(mentions, m => Assert.Contains(Compact(m), texte, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Une_annulation_motivee_reference_l_original_qui_ne_change_pas_en_base()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        var avant = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == id));
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);

        var (sansMotif, refus) = await portail.ExecuterAsync(db => new EmissionTitres(db).PreparerReductionAsync(id, new Montant(100m), " ", aujourdHui.Year, TitresDeTest.Test, quand));
        Assert.Null(sansMotif);
        Assert.Equal("Motif", refus!.Champ);

        var annulationId = await portail.ExecuterAsync(async db =>
        {
            var (reduction, r) = await new EmissionTitres(db).PreparerReductionAsync(id, avant.Total, "Erreur de débiteur", aujourdHui.Year, TitresDeTest.Test, quand);
            Assert.Null(r);
            await TitresDeTest.EmettreAsync(db, [reduction!.Id], quand, aujourdHui);
            return reduction.Id;
        });

        var (original, annulation) = await portail.ExecuterAsync(async db => (
            await db.TitresRecette.AsNoTracking().Include(t => t.Evenements).SingleAsync(t => t.Id == id),
            await db.TitresRecette.AsNoTracking().SingleAsync(t => t.Id == annulationId)));
        Assert.Equal((avant.Numero, avant.Total, avant.Objet, StatutTitre.Emis), (original.Numero, original.Total, original.Objet, original.Statut));
        Assert.Contains(original.Evenements, e => e.Libelle == "Titre annulé" && e.Detail!.Contains("Erreur de débiteur", StringComparison.Ordinal));
        Assert.Equal((NatureTitre.AnnulationReduction, avant.Numero, "Erreur de débiteur"), (annulation.Nature, annulation.TitreOrigineNumero, annulation.Motif));
        Assert.True(annulation.Numero > avant.Numero);

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        using var json = JsonDocument.Parse((await finances.GetAsync($"/api/v1/titres/{id}")).Texte);
        Assert.Equal("annule", json.RootElement.GetProperty("statut").GetString());
        var page = await finances.GetAsync($"/titres/{annulationId}");
        Assert.Contains("Erreur de débiteur", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains($"Titre n° {avant.Numero}", page.TexteVisible, StringComparison.Ordinal);

        // Nothing left to reduce.
        var (rien, plus) = await portail.ExecuterAsync(db => new EmissionTitres(db).PreparerReductionAsync(id, new Montant(1m), "Encore", aujourdHui.Year, TitresDeTest.Test, quand));
        Assert.Null(rien);
        Assert.Equal("Montant", plus!.Champ);
    }

    [Fact]
    public async Task Une_mairie_lit_ses_titres_emis_et_rien_d_autre()
    {
        var sienne = await portail.AjouterCommuneAsync(population: 2355);
        var autre = await portail.AjouterCommuneAsync(population: 2355);
        var sien = await portail.AjouterTitreAsync(sienne.Id);
        var brouillon = await portail.AjouterTitreAsync(sienne.Id, emettre: false);
        var etranger = await portail.AjouterTitreAsync(autre.Id);
        var courriel = await portail.CreerAsync(Roles.Mairie, sienne.Id);
        using var mairie = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/titres/{sien}")).Statut);
        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/titres/{sien}/pdf")).Statut);
        foreach (var url in new[] { $"/titres/{etranger}", $"/titres/{etranger}/pdf", $"/api/v1/titres/{etranger}", $"/api/v1/titres/{etranger}/pdf",
            $"/titres/{brouillon}", $"/api/v1/titres/{brouillon}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync(url)).Statut);
        }

        using var liste = JsonDocument.Parse((await mairie.GetAsync($"/api/v1/titres?exercice={PortailFactory.Exercice}")).Texte);
        var ids = liste.RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(sien, ids);
        Assert.DoesNotContain(etranger, ids);
        Assert.DoesNotContain(brouillon, ids);
        Assert.All(liste.RootElement.EnumerateArray(), t => Assert.Equal(sienne.CodeInsee.Valeur, t.GetProperty("inseeCode").GetString()));

        var page = await mairie.GetAsync($"/titres?exercice={PortailFactory.Exercice}");
        Assert.DoesNotContain(autre.Nom, page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains(sienne.Nom, page.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task L_api_donne_le_titre_avec_ses_lignes_et_ses_bases()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var id = await portail.AjouterTitreAsync(membre.Id);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var json = JsonDocument.Parse((await agent.GetAsync($"/api/v1/titres/{id}")).Texte);
        var racine = json.RootElement;
        Assert.Equal(5532.50m, racine.GetProperty("total").GetDecimal());
        Assert.Equal("emis", racine.GetProperty("statut").GetString());
        Assert.Equal(membre.CodeInsee.Valeur, racine.GetProperty("inseeCode").GetString());
        var lignes = racine.GetProperty("lignes").EnumerateArray().ToList();
        Assert.Equal([2000m, 3532.50m], lignes.Select(l => l.GetProperty("montant").GetDecimal()));
        Assert.Contains("population 2 355 hab.", lignes[1].GetProperty("bases").GetString()!.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);

        using var liste = JsonDocument.Parse((await agent.GetAsync($"/api/v1/titres?exercice={PortailFactory.Exercice}")).Texte);
        var ligne = liste.RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetInt32() == id);
        Assert.True(ligne.GetProperty("numero").GetInt32() > 0);
        Assert.True(ligne.GetProperty("bordereau").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.GetAsync("/api/v1/titres?exercice=abc")).Statut);
    }

    [Fact]
    public async Task Les_parametres_de_l_emetteur_refusent_une_saisie_fausse_a_cote_du_champ_en_gardant_la_saisie()
    {
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.GetAsync("/emetteur");
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Tribunal administratif de Rennes", page.ValeurDuChamp("Tribunal"));
        var champs = page.ChampsDuFormulaire("/emetteur");
        champs["Siren"] = "123456789";
        champs["Nom"] = "Nom tapé " + Guid.NewGuid().ToString("N")[..6];
        var refus = await finances.SoumettreAsync("/emetteur", champs);
        Assert.Equal(HttpStatusCode.BadRequest, refus.Statut);
        Assert.Contains("clé de Luhn", refus.ErreurDuChamp("Siren"), StringComparison.Ordinal);
        Assert.Equal(champs["Nom"], refus.ValeurDuChamp("Nom"));
        Assert.Equal("Tribunal administratif de Rennes", await portail.ExecuterAsync(db => db.ParametresEmetteur.Select(p => p.Tribunal).SingleAsync()));

        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync("/emetteur")).Statut);
    }

    [Fact]
    public void Les_declencheurs_d_immuabilite_sont_dans_le_script_de_chaque_fournisseur()
    {
        using var sqlServer = new SqlServerMutualisationDbContext(new DbContextOptionsBuilder<SqlServerMutualisationDbContext>()
            .UseSqlServer("Server=127.0.0.1;Database=modele;User Id=sa;Password=x;TrustServerCertificate=True").Options) { Perimetre = PerimetreSysteme.Instance };
        var script = sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains($"CREATE TRIGGER [{DeclencheursTitres.TitresMaj}] ON [TitresRecette] AFTER UPDATE, DELETE", script, StringComparison.Ordinal);
        Assert.Contains($"CREATE TRIGGER [{DeclencheursTitres.LignesMaj}] ON [LignesTitres] AFTER INSERT, UPDATE, DELETE", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_TitresRecette_Exercice_Budget_Numero]", script, StringComparison.Ordinal);

        using var sqlite = new SqliteMutualisationDbContext(new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite("Data Source=:memory:").Options) { Perimetre = PerimetreSysteme.Instance };
        Assert.Contains($"CREATE TRIGGER \"{DeclencheursTitres.TitresMaj}\"", sqlite.GetService<IMigrator>().GenerateScript(), StringComparison.Ordinal);
        using var postgres = new PostgresMutualisationDbContext(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql("Host=127.0.0.1;Database=modele").Options) { Perimetre = PerimetreSysteme.Instance };
        Assert.Contains($"CREATE TRIGGER \"{DeclencheursTitres.TitresMaj}\" BEFORE UPDATE ON \"TitresRecette\"", postgres.GetService<IMigrator>().GenerateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_demo_emet_un_bordereau_de_titres_de_l_exercice_precedent_avec_une_annulation()
    {
        // The previous exercice's campaign, run through the campaign's code and issued: every member it priced has its titre.
        var campagnes = await portail.ExecuterAsync(db => db.Set<Domain.Campagnes.Campagne>().AsNoTracking().Where(c => c.Budget == SemisTitres.Budget).ToListAsync());
        var precedente = campagnes.Single(c => c.ExerciceFacture == PortailFactory.Exercice - 1);
        var demo = (await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Evenements).Where(t => t.ExerciceFacture == PortailFactory.Exercice - 1).ToListAsync()))
            .Where(t => t.CampagneId == precedente.Id || t.Evenements.Any(e => e.UtilisateurNom.StartsWith("Démonstration", StringComparison.Ordinal))).ToList();
        var ordinaires = demo.Where(t => t.Nature == NatureTitre.Ordinaire && t.CampagneId == precedente.Id).ToList();
        Assert.True(ordinaires.Count >= 3);
        Assert.All(ordinaires, t => Assert.Equal((StatutTitre.Emis, PortailFactory.Exercice - 1, 1), (t.Statut, t.ExerciceFacture, t.BordereauNumero)));
        Assert.All(precedente.Resultats.Where(r => r.TitreId is not null), r => Assert.Contains(ordinaires, t => t.Id == r.TitreId));
        var annulation = Assert.Single(demo, t => t.Nature == NatureTitre.AnnulationReduction);
        Assert.Contains(ordinaires, t => t.Id == annulation.TitreOrigineId);
        Assert.Single(demo, t => t.Nature == NatureTitre.Ordinaire && t.CampagneId is null && t.MembreId == ordinaires.Single(o => o.Id == annulation.TitreOrigineId).MembreId);
        var avessac = await portail.ExecuterAsync(db => db.Membres.AsNoTracking().SingleAsync(m => m.Siren == Siren.Parse("214400079")));
        Assert.Contains(ordinaires, t => t.MembreId == avessac.Id);

        // The current exercice's campaign is open, its dry run done.
        var courante = campagnes.Single(c => c.ExerciceFacture == PortailFactory.Exercice);
        Assert.NotNull(courante.CalculeLe);
        Assert.Contains(courante.Resultats, r => r.Statut == Domain.Campagnes.StatutResultat.Pret);
    }

    [Fact]
    public async Task Le_composant_d_accueil_donne_les_titres_emis_du_membre_seulement()
    {
        var membre = await portail.AjouterCommuneAsync(population: 2355);
        var emis = await portail.AjouterTitreAsync(membre.Id);
        var brouillon = await portail.AjouterTitreAsync(membre.Id, emettre: false);
        var autre = await portail.AjouterTitreAsync((await portail.AjouterCommuneAsync(population: 2355)).Id);

        var modele = await portail.ExecuterAsync(async db =>
        {
            var resultat = await new TitresDuMembreViewComponent(db).InvokeAsync(membre.Id);
            return (IReadOnlyList<TitreDuMembre>)((Microsoft.AspNetCore.Mvc.ViewComponents.ViewViewComponentResult)resultat).ViewData!.Model!;
        });
        Assert.Equal([emis], modele.Select(t => t.Id));
        Assert.DoesNotContain(modele, t => t.Id == brouillon || t.Id == autre);
    }

    private static async Task<HttpResponseMessage> TelechargerAsync(Session session, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        requete.Headers.Add("Cookie", session.EnTeteCookie);
        return await session.Client.SendAsync(requete);
    }

    private static string Compact(string texte) => Espaces().Replace(texte, string.Empty);

    [GeneratedRegex(@"\s")]
    private static partial Regex Espaces();
}
