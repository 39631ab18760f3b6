using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// Titres outside the campaign (domain.md rules 2, 9, 10): the audit titre drafted at the report's delivery, the mandataire
/// reimbursement with its paid invoice as pièce justificative (who downloads it, immutable once issued), the split of a
/// groupement's indemnity to the cent.
/// </summary>
[Collection(PortailCollection.Nom)]
public class TitresHorsCampagneTests(PortailFactory portail)
{
    [Theory]
    [InlineData(2355, 3500.00)]
    [InlineData(1200, 990.00)]
    public async Task La_livraison_du_rapport_cree_le_brouillon_du_titre_d_audit_au_tarif_du_catalogue(int population, double attendu)
    {
        var membre = await portail.AjouterCommuneAsync(population: population);
        var (audit, _, _) = await portail.AjouterAuditAsync(membre.Id, StatutAudit.EnCours);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var reponse = await agent.SoumettreAsync($"/audits/{audit}/livrer", new() { ["Date"] = "20/05/2026" });

        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.AuditId == audit));
        Assert.Equal((decimal)attendu, titre.Total.Euros);
        Assert.Equal(StatutTitre.Brouillon, titre.Statut);
        Assert.Equal(NatureTitre.Ordinaire, titre.Nature);
        Assert.Equal(2026, titre.ExerciceFacture);
        Assert.Equal(membre.Id, titre.MembreId);
        var ligne = Assert.Single(titre.Lignes);
        Assert.Equal("AUDIT", ligne.CodeService);
        Assert.Contains(population.ToString("#,##0", CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202F', ' ').Replace('\u00A0', ' '),
            ligne.Bases.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        var page = await agent.GetAsync($"/audits/{audit}");
        Assert.NotNull(page.Document.QuerySelector($"#titre-audit a[href='/titres/{titre.Id}']"));
    }

    [Fact]
    public async Task Au_dela_de_8000_habitants_la_livraison_ne_fait_pas_de_titre_et_la_page_dit_de_l_etablir_a_la_main()
    {
        var membre = await portail.AjouterCommuneAsync(population: 9200);
        var (audit, _, _) = await portail.AjouterAuditAsync(membre.Id, StatutAudit.EnCours);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var reponse = await agent.SoumettreAsync($"/audits/{audit}/livrer", new() { ["Date"] = "20/05/2026" });

        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.AuditId == audit || t.MembreId == membre.Id)));
        Assert.Equal(StatutAudit.RapportLivre, await portail.ExecuterAsync(db => db.Audits.Where(a => a.Id == audit).Select(a => a.Statut).SingleAsync()));
        var page = await agent.GetAsync($"/audits/{audit}");
        var raison = page.Document.GetElementById("titre-audit-raison")!.TextContent;
        Assert.Contains("8 000", raison.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("à la main, avec le montant négocié", raison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_remboursement_de_mandataire_cree_un_brouillon_qui_cite_la_facture_jointe()
    {
        var membre = await portail.AjouterCommuneAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var numero = "FAC-" + Guid.NewGuid().ToString("N")[..6];

        var reponse = await DeclarerAsync(finances, membre.Id, numero, "1 250,40", Catalogues.Pdf, "facture-acquittee.pdf");

        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        var id = int.Parse(reponse.Redirection!.Split('/')[^1], CultureInfo.InvariantCulture);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.Id == id));
        Assert.Equal(1250.40m, titre.Total.Euros);
        Assert.Equal(StatutTitre.Brouillon, titre.Statut);
        Assert.StartsWith("Remboursement de frais engagés en qualité de mandataire", titre.Objet, StringComparison.Ordinal);
        Assert.Contains($"facture n° {numero} du 01/10/2026 de Papeterie Armoricaine", titre.Fondement, StringComparison.Ordinal);
        Assert.Contains("sans frais", Assert.Single(titre.Lignes).Bases, StringComparison.Ordinal);
        var page = await finances.GetAsync($"/titres/{id}");
        var lien = page.Document.QuerySelector("#pieces a")!;
        using var telechargement = await finances.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, lien.GetAttribute("href")) { Headers = { { "Cookie", finances.EnTeteCookie } } });
        Assert.Equal(HttpStatusCode.OK, telechargement.StatusCode);
        Assert.Equal("application/pdf", telechargement.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Catalogues.Pdf, await telechargement.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("texte")]
    [InlineData("trop-gros")]
    public async Task Une_facture_qui_n_est_pas_un_pdf_ou_trop_lourde_est_refusee_a_cote_du_champ_et_la_saisie_reste(string cas)
    {
        var membre = await portail.AjouterCommuneAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var numero = "FAC-" + Guid.NewGuid().ToString("N")[..6];
        var fichier = cas == "texte" ? "ceci n'est pas un PDF"u8.ToArray() : new byte[(10 * 1024 * 1024) + 1];

        var reponse = await DeclarerAsync(finances, membre.Id, numero, "1 250,40", fichier, "facture.pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.Statut);
        Assert.Contains(cas == "texte" ? "n'a pas le contenu d'un fichier .pdf" : "dépassent la limite de 10 Mo", reponse.ErreurDuChamp("fichier"), StringComparison.Ordinal);
        Assert.Equal(numero, reponse.ValeurDuChamp("NumeroFacture"));
        Assert.Equal("1 250,40", reponse.ValeurDuChamp("Montant"));
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.MembreId == membre.Id)));
    }

    [Fact]
    public async Task Un_montant_illisible_revient_a_cote_du_champ()
    {
        var membre = await portail.AjouterCommuneAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var reponse = await DeclarerAsync(finances, membre.Id, "FAC-1", "douze euros", Catalogues.Pdf, "facture.pdf");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.Statut);
        Assert.Contains("Montant TTC attendu", reponse.ErreurDuChamp("Montant"), StringComparison.Ordinal);
        Assert.Equal("douze euros", reponse.ValeurDuChamp("Montant"));
    }

    [Fact]
    public async Task La_piece_justificative_se_telecharge_par_la_mairie_pour_son_titre_emis_seulement()
    {
        var sienne = await portail.AjouterCommuneAsync();
        var autre = await portail.AjouterCommuneAsync();
        var (emis, pieceEmise) = await portail.AjouterRemboursementAsync(sienne.Id);
        var (brouillon, pieceBrouillon) = await portail.AjouterRemboursementAsync(sienne.Id, emettre: false);
        var (etranger, pieceEtrangere) = await portail.AjouterRemboursementAsync(autre.Id);
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, sienne.Id), Comptes.MotDePasse);

        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/titres/{emis}/pieces/{pieceEmise}")).Statut);
        Assert.NotNull((await mairie.GetAsync($"/titres/{emis}")).Document.QuerySelector($"#pieces a[href='/titres/{emis}/pieces/{pieceEmise}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/titres/{brouillon}/pieces/{pieceBrouillon}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/titres/{etranger}/pieces/{pieceEtrangere}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/titres/{emis}/pieces/{pieceEtrangere}")).Statut);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        Assert.Equal(HttpStatusCode.OK, (await finances.GetAsync($"/titres/{brouillon}/pieces/{pieceBrouillon}")).Statut);
    }

    [Fact]
    public async Task La_piece_justificative_d_un_titre_emis_est_immuable_en_base()
    {
        var membre = await portail.AjouterCommuneAsync();
        var (titre, piece) = await portail.AjouterRemboursementAsync(membre.Id);

        foreach (var sql in new[]
        {
            $"UPDATE \"PiecesJustificatives\" SET \"Fournisseur\" = 'autre' WHERE \"Id\" = {piece}",
            $"UPDATE \"PiecesJustificatives\" SET \"Contenu\" = \"Contenu\" || \"Contenu\" WHERE \"Id\" = {piece}",
            $"DELETE FROM \"PiecesJustificatives\" WHERE \"Id\" = {piece}",
            $"INSERT INTO \"PiecesJustificatives\" (\"TitreId\", \"MembreId\", \"Fournisseur\", \"NumeroFacture\", \"DateFacture\", \"PayeeLe\", \"Montant\", \"NomFichier\", \"TypeContenu\", \"Taille\", \"Sha256\", \"Contenu\", \"DeposeLe\", \"DeposeParNom\") "
                + $"SELECT \"TitreId\", \"MembreId\", \"Fournisseur\", \"NumeroFacture\", \"DateFacture\", \"PayeeLe\", \"Montant\", \"NomFichier\", \"TypeContenu\", \"Taille\", \"Sha256\", \"Contenu\", \"DeposeLe\", \"DeposeParNom\" FROM \"PiecesJustificatives\" WHERE \"Id\" = {piece}",
        })
        {
            var erreur = await Assert.ThrowsAnyAsync<Exception>(() => portail.ExecuterAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
            Assert.Contains("immuable", erreur.Message, StringComparison.Ordinal);
        }

        Assert.Equal("Fournisseur de test", await portail.ExecuterAsync(db => db.Set<PieceJustificative>().Where(p => p.Id == piece && p.TitreId == titre).Select(p => p.Fournisseur).SingleAsync()));

        // A draft's piece still changes, at the database too.
        var (_, pieceBrouillon) = await portail.AjouterRemboursementAsync(membre.Id, emettre: false);
        await portail.ExecuterAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"PiecesJustificatives\" SET \"Fournisseur\" = 'corrigé' WHERE \"Id\" = {pieceBrouillon}"));
    }

    [Fact]
    public void Les_declencheurs_des_pieces_justificatives_sont_dans_le_script_de_chaque_fournisseur()
    {
        using var sqlServer = new SqlServerMutualisationDbContext(new DbContextOptionsBuilder<SqlServerMutualisationDbContext>()
            .UseSqlServer("Server=127.0.0.1;Database=modele;User Id=sa;Password=x;TrustServerCertificate=True").Options) { Perimetre = PerimetreSysteme.Instance };
        Assert.Contains($"CREATE TRIGGER [{DeclencheursTitres.PiecesMaj}] ON [PiecesJustificatives] AFTER INSERT, UPDATE, DELETE",
            sqlServer.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent), StringComparison.Ordinal);
        using var sqlite = new SqliteMutualisationDbContext(new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite("Data Source=:memory:").Options) { Perimetre = PerimetreSysteme.Instance };
        var scriptSqlite = sqlite.GetService<IMigrator>().GenerateScript();
        foreach (var nom in new[] { DeclencheursTitres.PiecesAjout, DeclencheursTitres.PiecesMaj, DeclencheursTitres.PiecesSuppr, DeclencheursTitres.TitresMaj })
        {
            Assert.Contains($"CREATE TRIGGER \"{nom}\"", scriptSqlite, StringComparison.Ordinal);
        }

        using var postgres = new PostgresMutualisationDbContext(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql("Host=127.0.0.1;Database=modele").Options) { Perimetre = PerimetreSysteme.Instance };
        Assert.Contains($"CREATE TRIGGER \"{DeclencheursTitres.PiecesSuppr}\" BEFORE DELETE ON \"PiecesJustificatives\"", postgres.GetService<IMigrator>().GenerateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task L_indemnite_se_repartit_au_centime_puis_fait_un_brouillon_par_membre()
    {
        var membres = new[] { await portail.AjouterCommuneAsync(), await portail.AjouterCommuneAsync(), await portail.AjouterCommuneAsync() };
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var libelle = "Groupement copieurs " + Guid.NewGuid().ToString("N")[..6];
        var champs = new Dictionary<string, string?> { ["Libelle"] = libelle, ["Nature"] = "Pénalités de retard du titulaire", ["Total"] = "1 000,00", ["etape"] = "apercu" };
        foreach (var m in membres)
        {
            champs[$"Poids[{m.Id}]"] = "1";
        }

        var apercu = await finances.SoumettreAsync("/titres-particuliers/indemnites", champs);

        Assert.Equal(HttpStatusCode.OK, apercu.Statut);
        var parts = membres.Select(m => apercu.Document.QuerySelector($"#table-apercu tr[data-membre='{m.Id}'] .part")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' ')).ToList();
        Assert.Equal(["333,34 €", "333,33 €", "333,33 €"], parts);
        Assert.Equal("1 000,00 €", apercu.Document.GetElementById("total-apercu")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.MembreId == membres[0].Id)));

        champs["etape"] = "creer";
        var creation = await finances.SoumettreAsync("/titres-particuliers/indemnites", champs);

        Assert.Equal(HttpStatusCode.Redirect, creation.Statut);
        var ids = membres.Select(m => m.Id).ToList();
        var titres = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Where(t => ids.Contains(t.MembreId)).ToListAsync());
        Assert.Equal([333.34m, 333.33m, 333.33m], membres.Select(m => titres.Single(t => t.MembreId == m.Id).Total.Euros));
        Assert.All(titres, t => Assert.Contains(libelle, t.Objet, StringComparison.Ordinal));
        Assert.All(titres, t => Assert.Equal(StatutTitre.Brouillon, t.Statut));
    }

    [Fact]
    public async Task Une_part_sous_le_seuil_est_signalee_et_ne_fait_pas_de_titre()
    {
        var membres = new[] { await portail.AjouterCommuneAsync(), await portail.AjouterCommuneAsync() };
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var champs = new Dictionary<string, string?>
        {
            ["Libelle"] = "Groupement logiciels", ["Nature"] = "Dommages reçus", ["Total"] = "100", ["etape"] = "creer",
            [$"Poids[{membres[0].Id}]"] = "90 000", [$"Poids[{membres[1].Id}]"] = "10 000",
        };

        var reponse = await finances.SoumettreAsync("/titres-particuliers/indemnites", champs);

        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        var part = await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.MembreId == membres[0].Id).Select(t => t.Total).SingleAsync());
        Assert.Equal(90m, part.Euros);
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.MembreId == membres[1].Id)));
    }

    [Fact]
    public async Task Une_indemnite_mal_saisie_revient_avec_l_erreur_a_cote_du_champ()
    {
        var membre = await portail.AjouterCommuneAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var champs = new Dictionary<string, string?> { ["Libelle"] = "Groupement X", ["Nature"] = "Dommages", ["Total"] = "mille", ["etape"] = "apercu", [$"Poids[{membre.Id}]"] = "-3" };

        var reponse = await finances.SoumettreAsync("/titres-particuliers/indemnites", champs);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.Statut);
        Assert.Contains("Montant total attendu", reponse.ErreurDuChamp("Total"), StringComparison.Ordinal);
        Assert.Equal("mille", reponse.ValeurDuChamp("Total"));
        Assert.Contains("nombre positif", reponse.Document.GetElementById($"Poids_{membre.Id}-erreur")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("-3", reponse.ValeurDuChamp($"Poids[{membre.Id}]"));
    }

    private static async Task<Session.Page> DeclarerAsync(Session session, int membre, string numero, string montant, byte[] fichier, string nom)
    {
        var page = await session.GetAsync("/titres-particuliers/mandataire");
        var jeton = page.Document.QuerySelectorAll("form").First(f => f.GetAttribute("action") == "/titres-particuliers/mandataire")
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(membre.ToString(CultureInfo.InvariantCulture)), "MembreId" },
            { new StringContent("Papeterie Armoricaine"), "Fournisseur" },
            { new StringContent(numero), "NumeroFacture" },
            { new StringContent("01/10/2026"), "DateFacture" },
            { new StringContent("05/10/2026"), "PayeeLe" },
            { new StringContent("Licences de bureautique (12 postes)"), "Objet" },
            { new StringContent(montant), "Montant" },
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(fichier), "fichier", nom },
        };
        return await session.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri("/titres-particuliers/mandataire", UriKind.Relative)) { Content = contenu });
    }
}
