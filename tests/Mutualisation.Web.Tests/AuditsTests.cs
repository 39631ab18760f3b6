using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;
using UglyToad.PdfPig;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class AuditsTests(PortailFactory portail)
{
    private static string Jeton(Session.Page page, string action) =>
        page.Document.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action)
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task Un_agent_mene_un_audit_jusqu_au_rapport_PDF_que_la_commune_telecharge_identique()
    {
        var commune = await portail.AjouterCommuneAsync("Saint-Audit-sur-Vilaine " + Guid.NewGuid().ToString("N")[..6]);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var demande = await agent.SoumettreAsync($"/audits/nouveau?membre={commune.Id}", new() { ["MembreId"] = commune.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["DemandeLe"] = "02/03/2026" }, "/audits/nouveau");
        Assert.Equal(HttpStatusCode.Redirect, demande.Statut);
        var url = demande.Redirection!;
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url + "/planifier", new() { ["Date"] = "14/04/2026" })).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url + "/demarrer", new() { ["Date"] = "14/04/2026" })).Statut);
        var constats = new[]
        {
            ("Organisation", "ConformiteLegale", "Elevee", "Registre des traitements absent"),
            ("Infrastructure", "RepriseApresSinistre", "Critique", "Sauvegardes jamais restaurées"),
            ("Ressources", "DocumentsDeReference", "Faible", "Contrat des copieurs échu"),
        };
        foreach (var (axe, theme, gravite, libelle) in constats)
        {
            var ajout = await agent.SoumettreAsync(url + "/constats/nouveau", new()
            {
                ["Axe"] = axe, ["Theme"] = theme, ["Gravite"] = gravite, ["Texte"] = libelle, ["Recommandation"] = "Corriger : " + libelle,
            });
            Assert.Equal(HttpStatusCode.Redirect, ajout.Statut);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url + "/inventaire/nouveau", new()
        {
            ["Nature"] = "Contrat", ["Libelle"] = "Contrat de téléphonie fixe", ["Details"] = "Échéance 31/12/2027", ["TransferableEpci"] = "true",
        })).Statut);

        // Dates in the wrong order: the form comes back with the input and the error beside the field.
        var tot = await agent.SoumettreAsync(url + "/livrer", new() { ["Date"] = "13/04/2026" });
        Assert.Equal(HttpStatusCode.OK, tot.Statut);
        Assert.Contains("avant le début de l'audit (14/04/2026)", tot.ErreurDuChamp("Date"), StringComparison.Ordinal);
        Assert.Equal("13/04/2026", tot.ValeurDuChamp("Date"));

        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url + "/livrer", new() { ["Date"] = "20/05/2026" })).Statut);
        var page = await agent.GetAsync(url);
        Assert.Equal("20/05/2026", page.Document.GetElementById("rapport-livre-le")!.TextContent.Trim());
        var historique = page.Document.QuerySelectorAll("tr.evenement-audit").Select(tr => tr.TextContent).ToList();
        Assert.Contains(historique, l => l.Contains("En cours → Rapport livré", StringComparison.Ordinal) && l.Contains("Alain Agent (démo)", StringComparison.Ordinal));
        Assert.Null(page.Document.QuerySelector($"a[href='{url}/constats/nouveau']"));

        // The commune's secretary downloads the very bytes stored at delivery, as an attachment with a safe name.
        var mairie = await portail.CreerAsync(Roles.Mairie, commune.Id);
        using var secretaire = await portail.ConnecterAsync(mairie, Comptes.MotDePasse);
        using var requete = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "/rapport", UriKind.Relative));
        requete.Headers.Add("Cookie", secretaire.EnTeteCookie);
        var reponse = await secretaire.Client.SendAsync(requete);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Equal("application/pdf", reponse.Content.Headers.ContentType!.MediaType);
        var disposition = reponse.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        var nom = disposition.FileNameStar ?? disposition.FileName!;
        Assert.StartsWith("rapport-audit-Saint-Audit-sur-Vilaine", nom, StringComparison.Ordinal);
        Assert.EndsWith("-2026-05-20.pdf", nom, StringComparison.Ordinal);
        var octets = await reponse.Content.ReadAsByteArrayAsync();

        portail.Horloge.Advance(TimeSpan.FromMinutes(5));
        using var encore = new HttpRequestMessage(HttpMethod.Get, new Uri(url + "/rapport", UriKind.Relative));
        encore.Headers.Add("Cookie", secretaire.EnTeteCookie);
        Assert.Equal(octets, await (await secretaire.Client.SendAsync(encore)).Content.ReadAsByteArrayAsync());
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var empreinte = await portail.ExecuterAsync(db => db.Set<RapportAudit>().Where(r => r.AuditId == id).Select(r => r.Sha256).SingleAsync());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(octets)), empreinte);

        // Read back: the commune, the three axes, the findings, the inventory with its flag, the recommendations by theme.
        using var pdf = PdfDocument.Open(octets);
        var texte = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains(commune.Nom.Split(' ')[0], texte, StringComparison.Ordinal);
        foreach (var axe in new[] { "Organisation et gestion de l'information", "Infrastructures et équipements", "Ressources et finances" })
        {
            Assert.Contains(axe, texte, StringComparison.Ordinal);
        }

        Assert.Contains("Sauvegardes jamais restaurées", texte, StringComparison.Ordinal);
        Assert.Contains("Contrat de téléphonie fixe", texte, StringComparison.Ordinal);
        Assert.Contains("Transférable à l'EPCI", texte, StringComparison.Ordinal);
        Assert.Contains("Recommandations par thème", texte, StringComparison.Ordinal);
        Assert.Contains("20/05/2026", texte, StringComparison.Ordinal);
        var dossier = Path.Combine(Path.GetTempPath(), "mutualisation-tests", "rapports");
        Directory.CreateDirectory(dossier);
        await File.WriteAllBytesAsync(Path.Combine(dossier, $"rapport-audit-{BaseDeTest.FournisseurDemande}.pdf"), octets);
    }

    [Fact]
    public async Task Un_constat_vide_revient_avec_la_saisie_et_l_erreur_a_cote_du_champ()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (id, _, _) = await portail.AjouterAuditAsync(commune.Id);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var page = await agent.SoumettreAsync($"/audits/{id}/constats/nouveau", new()
        {
            ["Axe"] = "Infrastructure", ["Theme"] = "MaintenanceSecurite", ["Gravite"] = "Critique", ["Texte"] = "   ", ["Recommandation"] = "Mettre à jour les postes",
        });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Décrivez le constat.", page.ErreurDuChamp("Texte"));
        Assert.Equal("Mettre à jour les postes", page.Document.GetElementById("Recommandation")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#Axe option[value=Infrastructure][selected]"));
        Assert.Equal(3, await portail.ExecuterAsync(db => db.Audits.Where(a => a.Id == id).Select(a => a.Constats.Count).SingleAsync()));

        var planification = await agent.SoumettreAsync($"/audits/{id}/annuler", new() { ["Date"] = "01/03/2026", ["Motif"] = "Fusion" });
        Assert.Contains("L'annulation ne peut pas précéder la demande du 02/03/2026", planification.ErreurDuChamp("Date"), StringComparison.Ordinal);
        Assert.Equal("Fusion", planification.Document.GetElementById("Motif")!.TextContent);
    }

    [Fact]
    public async Task Une_mairie_ne_voit_que_ses_audits_et_jamais_un_rapport_non_livre()
    {
        var propre = await portail.AjouterCommuneAsync();
        var etrangere = await portail.AjouterCommuneAsync();
        var (enCours, constat, _) = await portail.AjouterAuditAsync(propre.Id, StatutAudit.EnCours, texte: "Constat encore en brouillon");
        var (livrePropre, _, _) = await portail.AjouterAuditAsync(propre.Id, StatutAudit.RapportLivre);
        var (livreEtranger, _, _) = await portail.AjouterAuditAsync(etrangere.Id, StatutAudit.RapportLivre);
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, propre.Id), Comptes.MotDePasse);

        // Her own delivered report: visible and downloadable; her audit in progress: no findings, no report.
        var detail = await mairie.GetAsync($"/audits/{livrePropre}");
        Assert.NotNull(detail.Document.GetElementById("lien-rapport"));
        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/audits/{livrePropre}/rapport")).Statut);
        var brouillon = await mairie.GetAsync($"/audits/{enCours}");
        Assert.Equal(HttpStatusCode.OK, brouillon.Statut);
        Assert.DoesNotContain("Constat encore en brouillon", brouillon.Texte, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/audits/{enCours}/rapport")).Statut);
        var formulaire = await mairie.GetAsync($"/audits/{enCours}/constats/{constat}/modifier");
        Assert.True(formulaire.Statut == HttpStatusCode.Forbidden || formulaire.Redirection?.Contains("/compte/acces-refuse", StringComparison.Ordinal) == true, formulaire.Statut.ToString());

        // Another commune's audit, report and API: 404, as if they did not exist.
        var autre = await mairie.GetAsync($"/audits/{livreEtranger}");
        Assert.Equal(HttpStatusCode.NotFound, autre.Statut);
        Assert.Contains("introuvable", autre.Document.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/audits/{livreEtranger}/rapport")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/api/v1/membres/{etrangere.CodeInsee.Valeur}/audits")).Statut);
        var liste = await mairie.GetAsync("/audits");
        Assert.DoesNotContain(etrangere.Nom, liste.Texte, StringComparison.Ordinal);

        var api = await mairie.GetAsync($"/api/v1/membres/{propre.CodeInsee.Valeur}/audits");
        var audits = JsonDocument.Parse(api.Texte).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, audits.Count);
        var livre = audits.Single(a => a.GetProperty("id").GetInt32() == livrePropre);
        Assert.Equal(("rapport-livre", "2026-05-20", "2026-11-20", $"/audits/{livrePropre}/rapport"),
            (livre.GetProperty("statut").GetString(), livre.GetProperty("rapportLivreLe").GetString(), livre.GetProperty("finDeduction").GetString(), livre.GetProperty("rapport").GetString()));
        Assert.Equal(JsonValueKind.Null, audits.Single(a => a.GetProperty("id").GetInt32() == enCours).GetProperty("rapport").ValueKind);
    }

    [Fact]
    public async Task Un_audit_inconnu_repond_404_en_francais_et_l_API_d_un_code_inconnu_aussi()
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var page = await agent.GetAsync("/audits/987654321");
        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        Assert.Contains("introuvable", page.Document.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        var api = await agent.GetAsync("/api/v1/membres/00000/audits");
        Assert.Equal(HttpStatusCode.NotFound, api.Statut);
        Assert.Equal("Membre introuvable", JsonDocument.Parse(api.Texte).RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task La_liste_filtre_par_statut_et_par_membre()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (planifie, _, _) = await portail.AjouterAuditAsync(commune.Id, StatutAudit.Planifie);
        var (annule, _, _) = await portail.AjouterAuditAsync(commune.Id, StatutAudit.Annule);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var page = await agent.GetAsync($"/audits?Membre={commune.Id}&Statut=Planifie");

        var liens = page.Document.QuerySelectorAll("tr.ligne-audit a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/audits/{planifie}", liens);
        Assert.DoesNotContain($"/audits/{annule}", liens);
        Assert.Contains(commune.Nom, page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}
