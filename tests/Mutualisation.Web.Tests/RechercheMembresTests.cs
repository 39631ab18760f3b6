using System.Data.Common;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Membres;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>The members search finds names by the start of their words, through the MotsMembres index.</summary>
[Collection(PortailCollection.Nom)]
public class RechercheMembresTests(PortailFactory portail)
{
    private static string Unique() => new(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26))).ToArray());

    [Fact]
    public async Task La_recherche_trouve_un_nom_par_le_debut_de_n_importe_lequel_de_ses_mots_sans_accent_ni_casse()
    {
        var u = Unique();
        var membre = await portail.AjouterCommuneAsync($"Saint-Nicolas-de-Rédon{u}");
        using var session = await portail.ConnecterAsync(Comptes.Agent);

        foreach (var q in new[] { $"redon{u}", $"REDÓN{u[..4]}", $"saint-nicolas-de-redon{u}", $"Saint Nicolas de Redon{u}", $"de redon{u}" })
        {
            var noms = await NomsTrouvesAsync(session, q);
            Assert.True(noms.Contains(membre.Nom), $"« {q} » devrait trouver {membre.Nom} : {string.Join(", ", noms)}");
        }

        Assert.Empty(await NomsTrouvesAsync(session, $"redon{u} saint"));
        Assert.Empty(await NomsTrouvesAsync(session, $"nicolas{u}"));
    }

    [Fact]
    public async Task Un_membre_renomme_se_trouve_par_ses_nouveaux_mots_et_plus_par_les_anciens()
    {
        var u = Unique();
        var membre = await portail.AjouterCommuneAsync($"L'Île-d'Yeu{u}");
        await portail.ExecuterAsync(async db =>
        {
            var m = await db.Membres.SingleAsync(x => x.Id == membre.Id);
            m.Renommer($"Port-Joinville{u}");
            return await db.SaveChangesAsync();
        });
        using var session = await portail.ConnecterAsync(Comptes.Agent);

        Assert.Contains($"Port-Joinville{u}", await NomsTrouvesAsync(session, $"joinville{u}"));
        Assert.Empty(await NomsTrouvesAsync(session, $"yeu{u}"));
        var mots = await portail.ExecuterAsync(async db => (await db.Membres.AsNoTracking().SingleAsync(x => x.Id == membre.Id)).MotsDuNom.Select(m => m.Mot).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(["JOINVILLE" + u.ToUpperInvariant(), "PORT"], mots);
    }

    [Fact]
    public async Task Les_codes_INSEE_et_SIREN_se_cherchent_toujours_exactement()
    {
        var membre = await portail.AjouterCommuneAsync($"Commune codée {Unique()}");
        using var session = await portail.ConnecterAsync(Comptes.Agent);

        Assert.Equal([membre.Nom], await NomsTrouvesAsync(session, membre.Siren.Valeur));
        Assert.Contains(membre.Nom, await NomsTrouvesAsync(session, membre.CodeInsee.Valeur));
    }

    [Fact]
    public async Task La_liste_ne_porte_la_condition_du_perimetre_que_pour_une_mairie_et_une_mairie_ne_voit_que_sa_commune()
    {
        var sienne = await portail.AjouterCommuneAsync($"Commune visible {Unique()}");
        await portail.AjouterCommuneAsync($"Commune voisine {Unique()}");
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, sienne.Id), Comptes.MotDePasse);

        // EPCI staff see every row: the filter is left out of the SQL altogether (SQLite's fast count, plain index walks).
        foreach (var url in new[] { "/membres", "/api/v1/membres?page=2&taille=3" })
        {
            using var journal = new JournalSql(portail.Base);
            Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(url)).Statut);
            var surLesMembres = journal.Commandes.Where(c => c.Texte.Contains("FROM \"Membres\"", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(surLesMembres);
            Assert.All(surLesMembres, c => Assert.DoesNotContain("ef_filter", c.Texte, StringComparison.Ordinal));
        }

        var total = await portail.ExecuterAsync(db => db.Membres.IgnoreQueryFilters().CountAsync());
        using (var json = System.Text.Json.JsonDocument.Parse((await agent.GetAsync("/api/v1/membres?taille=1")).Texte))
        {
            Assert.Equal(total, json.RootElement.GetProperty("total").GetInt32());
        }

        // A Mairie user keeps the filter: its own commune, nothing else, in the SQL as in the answer.
        using (var journal = new JournalSql(portail.Base))
        {
            using var json = System.Text.Json.JsonDocument.Parse((await mairie.GetAsync("/api/v1/membres?taille=200")).Texte);
            Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
            Assert.Equal([sienne.CodeInsee.Valeur], json.RootElement.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("inseeCode").GetString()));
            Assert.Contains(journal.Commandes, c => c.Texte.Contains("FROM \"Membres\"", StringComparison.Ordinal) && c.Texte.Contains("ef_filter", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task La_recherche_lit_l_index_des_mots_et_pas_chaque_nom()
    {
        await portail.AjouterCommuneAsync($"Saint-Plan{Unique()}");
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        List<CommandeSql> commandes;
        using (var journal = new JournalSql(portail.Base))
        {
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/membres?q=saint-plan")).Statut);
            commandes = journal.Commandes.Where(c => c.Texte.Contains("MotsMembres", StringComparison.Ordinal)).ToList();
        }

        Assert.NotEmpty(commandes);
        foreach (var commande in commandes)
        {
            var plan = await PlanAsync(commande);
            Assert.True(plan.Contains("IX_MotsMembres_Mot_MembreId", StringComparison.Ordinal), plan);
            Assert.DoesNotContain(portail.Base.Fournisseur == FournisseurBaseDeDonnees.Sqlite ? "SCAN m\n" : "Seq Scan on \"Membres\"", plan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Au_dela_de_mille_noms_la_recherche_dit_plus_de_mille_et_pagine_sans_compter()
    {
        var u = Unique();
        await portail.ExecuterAsync(async db =>
        {
            db.Membres.AddRange(Enumerable.Range(0, RechercheMembres.ResultatsDenses + 5).Select(i => Jeux.Commune($"Saint-{u}-{i:D4}")));
            // Walking the names in order, the word is found after the first word, and not inside a word.
            db.Membres.AddRange(Jeux.Commune($"Bourg-{u}"), Jeux.Commune($"Faubourg{u}"));
            return await db.SaveChangesAsync();
        });
        using var session = await portail.ConnecterAsync(Comptes.Agent);

        var premiere = await session.GetAsync($"/membres?q={u}");
        Assert.Equal($"Plus de 1\u202F000 membres pour « {u} » — page 1", Resume(premiere));
        Assert.Equal([$"Bourg-{u}", $"Saint-{u}-0000"], NomsDe(premiere).Take(2));
        Assert.Equal([false, true], EtatsPrecedenteSuivante(premiere));

        // Page 41 holds the 1 001st to the 1 006th names: the last, though never counted.
        var derniere = await session.GetAsync($"/membres?q={u}&page=41");
        Assert.Equal(Enumerable.Range(999, 6).Select(i => $"Saint-{u}-{i:D4}"), NomsDe(derniere));
        Assert.Equal([true, false], EtatsPrecedenteSuivante(derniere));

        // Past the end, the search is counted exactly and the last page is shown, as for any list.
        var auDela = await session.GetAsync($"/membres?q={u}&page=500");
        Assert.Equal($"1\u202F006 membre(s) pour « {u} » — page 41 sur 41", Resume(auDela));
        Assert.Equal(6, NomsDe(auDela).Count);
    }

    [Fact]
    public async Task Jusqu_a_mille_noms_la_recherche_compte_exactement()
    {
        var u = Unique();
        await portail.ExecuterAsync(async db =>
        {
            db.Membres.AddRange(Enumerable.Range(0, RechercheMembres.ResultatsDenses).Select(i => Jeux.Commune($"Saint-{u}-{i:D4}")));
            return await db.SaveChangesAsync();
        });
        using var session = await portail.ConnecterAsync(Comptes.Agent);

        var page = await session.GetAsync($"/membres?q={u}&page=2");
        Assert.Equal($"1\u202F000 membre(s) pour « {u} » — page 2 sur 40", Resume(page));
        Assert.Equal([true, true], EtatsPrecedenteSuivante(page));
    }

    /// <summary>The line above the list: how many members, which page.</summary>
    private static string Resume(Session.Page page) => page.Document.QuerySelector("p[aria-live]")!.TextContent.Trim();

    private static List<string> NomsDe(Session.Page page) =>
        page.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    /// <summary>Whether « Précédente » and « Suivante » can be followed.</summary>
    private static bool[] EtatsPrecedenteSuivante(Session.Page page) =>
        page.Document.QuerySelectorAll("nav .pagination li").Where(li => li.TextContent.Trim() is "Précédente" or "Suivante")
            .Select(li => !li.ClassList.Contains("disabled")).ToArray();

    private static async Task<List<string>> NomsTrouvesAsync(Session session, string q)
    {
        var page = await session.GetAsync("/membres?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        return page.Document.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
    }

    /// <summary>
    /// The database's plan for a captured command. PostgreSQL is told to avoid sequential scans and
    /// nested loops (probing the primary key member by member) where it can: on a test-sized table
    /// it may rightly prefer them, and the question here is whether the words index serves the range.
    /// </summary>
    private async Task<string> PlanAsync(CommandeSql commande)
    {
        return await portail.ExecuterAsync(async db =>
        {
            var connexion = db.Database.GetDbConnection();
            await connexion.OpenAsync();
            if (portail.Base.Fournisseur == FournisseurBaseDeDonnees.Postgres)
            {
                // Only the access paths are under test, not the planner's choice of join on small test tables: without a
                // merge join it cannot walk the words' primary key in member order and filter each word (seen once in a
                // full run); it has to look the words up where an index allows it.
                await db.Database.ExecuteSqlRawAsync("SET enable_seqscan = off; SET enable_nestloop = off; SET enable_mergejoin = off");
            }

            await using var explication = connexion.CreateCommand();
            explication.CommandText = (portail.Base.Fournisseur == FournisseurBaseDeDonnees.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + commande.Texte;
            foreach (var (nom, valeur) in commande.Parametres)
            {
                var parametre = explication.CreateParameter();
                parametre.ParameterName = nom;
                parametre.Value = valeur ?? DBNull.Value;
                explication.Parameters.Add(parametre);
            }

            var lignes = new List<string>();
            await using DbDataReader lecteur = await explication.ExecuteReaderAsync();
            while (await lecteur.ReadAsync())
            {
                lignes.Add(lecteur.GetValue(lecteur.FieldCount - 1).ToString()!);
            }

            return string.Join("\n", lignes) + "\n";
        });
    }
}
