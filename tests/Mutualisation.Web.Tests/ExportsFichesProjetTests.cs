using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Exports of the fiches projet for the EPCI's staff (issue 11): CSV (« ; », UTF-8 with BOM, French decimals and dates) and XLSX.</summary>
[Collection(PortailCollection.Nom)]
public class ExportsFichesProjetTests(PortailFactory portail)
{
    [Fact]
    public async Task L_export_csv_donne_commune_etat_couts_par_rubrique_financement_duree_et_decision_d_une_fiche_acceptee()
    {
        var commune = await portail.AjouterCommuneAsync("Commune de l'export des fiches " + Guid.NewGuid().ToString("N")[..6]);
        var acceptee = await portail.AjouterFicheAsync(commune.Id, "GRC citoyenne ; suivi « des demandes »", EtatFiche.Acceptee);
        var brouillon = await portail.AjouterFicheAsync(commune.Id, "Brouillon de l'export", EtatFiche.Brouillon);
        var numero = await portail.ExecuterAsync(db => db.FichesProjet.Where(f => f.Id == acceptee).Select(f => f.Numero!).SingleAsync());
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var (statut, type, disposition, octets) = await TelechargerAsync(finances, "/fiches-projet/export.csv");

        Assert.Equal(HttpStatusCode.OK, statut);
        Assert.Equal("text/csv", type);
        Assert.Contains("attachment", disposition, StringComparison.Ordinal);
        Assert.Contains("fiches-projet-2026-10-15.csv", disposition, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, octets[..3]);
        var lignes = Lire(new UTF8Encoding(false, true).GetString(octets, 3, octets.Length - 3));
        Assert.Equal(
            ["N° fiche", "Commune", "Code INSEE", "Projet", "État", "Mutualisable", "Déposée le", "Coût informatique", "Coût organisation", "Coût formation",
                "Dépenses associées", "Coût global", "Financement extérieur", "Montant du financement extérieur", "Durée estimée (mois)", "Décision",
                "Décidée le", "Motivation", "Année au schéma directeur"],
            lignes[0]);
        var ligne = Assert.Single(lignes, l => l[0] == numero);
        Assert.Equal(
            [numero, commune.Nom, commune.CodeInsee.Valeur, "GRC citoyenne ; suivi « des demandes »", "Acceptée (planifiée)", "Non", "15/10/2026",
                "4800,50", "1200,00", "300,00", "", "6300,50", "Dotation de soutien à l'investissement local", "2000,00", "8", "Acceptée",
                "15/10/2026", "Besoin partagé par plusieurs communes.", "2027"],
            ligne);
        Assert.Equal(6300.50m, decimal.Parse(ligne[11], NumberStyles.Number, CultureInfo.GetCultureInfo("fr-FR")));

        // The draft has no number: among the rows without one, after the numbered ones; the state filter of the list leaves it out.
        var sansNumero = lignes.FindIndex(l => l[3] == "Brouillon de l'export" && l[1] == commune.Nom);
        Assert.True(sansNumero > lignes.IndexOf(ligne), "les brouillons après les fiches numérotées");
        Assert.Equal(("", "Brouillon", ""), (lignes[sansNumero][0], lignes[sansNumero][4], lignes[sansNumero][6]));
        var filtre = await TelechargerAsync(finances, "/fiches-projet/export.csv?etat=Acceptee");
        Assert.Contains("fiches-projet-acceptee-2026-10-15.csv", filtre.Disposition, StringComparison.Ordinal);
        var acceptees = Lire(Encoding.UTF8.GetString(filtre.Octets));
        Assert.Contains(acceptees, l => l[0] == numero);
        Assert.DoesNotContain(acceptees, l => l.Count > 3 && l[3] == "Brouillon de l'export");
        Assert.All(acceptees.Skip(1), l => Assert.Equal("Acceptée (planifiée)", l[4]));
        Assert.NotEqual(0, brouillon);
    }

    [Fact]
    public async Task L_export_xlsx_a_des_montants_numeriques_et_des_dates_et_ne_dit_rien_de_l_avis_de_la_dsi()
    {
        var commune = await portail.AjouterCommuneAsync();
        var id = await portail.AjouterFicheAsync(commune.Id, "Vidéoprotection des bâtiments " + Guid.NewGuid().ToString("N")[..6], EtatFiche.Acceptee);
        var numero = await portail.ExecuterAsync(db => db.FichesProjet.Where(f => f.Id == id).Select(f => f.Numero!).SingleAsync());
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var (statut, type, disposition, octets) = await TelechargerAsync(agent, "/fiches-projet/export.xlsx");

        Assert.Equal(HttpStatusCode.OK, statut);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", type);
        Assert.Contains("fiches-projet-2026-10-15.xlsx", disposition, StringComparison.Ordinal);
        using var flux = new MemoryStream(octets);
        var rangees = flux.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var rangee = Assert.Single(rangees, r => r["N° fiche"]?.ToString() == numero);
        Assert.Equal(commune.CodeInsee.Valeur, rangee["Code INSEE"]?.ToString());
        Assert.Equal(4800.50, Assert.IsType<double>(rangee["Coût informatique"]));
        Assert.Equal(6300.50, Assert.IsType<double>(rangee["Coût global"]));
        Assert.Equal(2000.0, Assert.IsType<double>(rangee["Montant du financement extérieur"]));
        Assert.Equal(new DateTime(2026, 10, 15), Assert.IsType<DateTime>(rangee["Déposée le"]));
        Assert.Equal(new DateTime(2026, 10, 15), Assert.IsType<DateTime>(rangee["Décidée le"]));
        Assert.Equal("Acceptée", rangee["Décision"]);
        Assert.Equal(2027, Convert.ToInt32(rangee["Année au schéma directeur"], CultureInfo.InvariantCulture));
        Assert.Equal(8, Convert.ToInt32(rangee["Durée estimée (mois)"], CultureInfo.InvariantCulture));
        Assert.DoesNotContain(rangee.Values, v => v?.ToString()?.Contains("confidentiel", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Une_mairie_n_exporte_pas_les_fiches_et_un_etat_inconnu_est_refuse()
    {
        var commune = await portail.AjouterCommuneAsync();
        await portail.AjouterFicheAsync(commune.Id, "Wifi public", EtatFiche.Deposee);
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);

        foreach (var url in new[] { "/fiches-projet/export.csv", "/fiches-projet/export.xlsx?etat=Deposee" })
        {
            var page = await mairie.GetAsync(url);
            Assert.True(page.Statut == HttpStatusCode.Forbidden || page.Redirection?.Contains("acces-refuse", StringComparison.Ordinal) == true, $"{url} → {(int)page.Statut}");
        }

        Assert.DoesNotContain("Exporter en CSV", (await mairie.GetAsync("/fiches-projet")).TexteVisible, StringComparison.Ordinal);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var liste = await finances.GetAsync("/fiches-projet?etat=Deposee");
        Assert.NotNull(liste.Document.QuerySelector("a[href='/fiches-projet/export.csv?etat=Deposee']"));
        Assert.NotNull(liste.Document.QuerySelector("a[href='/fiches-projet/export.xlsx?etat=Deposee']"));
        foreach (var etat in new[] { "inconnu", "1", "deposee" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await finances.GetAsync("/fiches-projet/export.csv?etat=" + etat)).Statut);
        }
    }

    /// <summary>The CSV's records, fields unquoted (« ; » inside quotes, doubled quotes).</summary>
    private static List<List<string>> Lire(string texte)
    {
        var lignes = new List<List<string>>();
        var champ = new StringBuilder();
        var ligne = new List<string>();
        var guillemets = false;
        for (var i = 0; i < texte.Length; i++)
        {
            var c = texte[i];
            if (guillemets)
            {
                if (c == '"' && i + 1 < texte.Length && texte[i + 1] == '"')
                {
                    champ.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    guillemets = false;
                }
                else
                {
                    champ.Append(c);
                }
            }
            else if (c == '"')
            {
                guillemets = true;
            }
            else if (c == ';')
            {
                ligne.Add(champ.ToString());
                champ.Clear();
            }
            else if (c == '\r' && i + 1 < texte.Length && texte[i + 1] == '\n')
            {
                ligne.Add(champ.ToString());
                champ.Clear();
                lignes.Add(ligne);
                ligne = [];
                i++;
            }
            else
            {
                champ.Append(c);
            }
        }

        return lignes;
    }

    /// <summary>The raw bytes (the BOM included), which <see cref="Session.GetAsync"/> would decode.</summary>
    private static async Task<(HttpStatusCode Statut, string? Type, string Disposition, byte[] Octets)> TelechargerAsync(Session session, string url)
    {
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        requete.Headers.Add("Cookie", session.EnTeteCookie);
        using var reponse = await session.Client.SendAsync(requete);
        return (reponse.StatusCode, reponse.Content.Headers.ContentType?.MediaType, reponse.Content.Headers.ContentDisposition?.ToString() ?? "",
            await reponse.Content.ReadAsByteArrayAsync());
    }
}
