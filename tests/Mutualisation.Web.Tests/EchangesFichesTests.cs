using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence.Echanges;
using Mutualisation.Web.Features.EchangesFiches;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The exchanges about a fiche projet (issue 11): files checked by their content, the thread between the commune and
/// the DSI, the DSI's private annotations, each user's notifications with the unread count, and the e-mails to the
/// commune's contacts, queued with the action and sent to an SMTP sink the test starts on loopback.
/// </summary>
[Collection(PortailCollection.Nom)]
public class EchangesFichesTests(PortailFactory portail)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 0xFF, 0xD9];

    private static Dictionary<string, string?> FicheComplete(string titre) => new(StringComparer.Ordinal)
    {
        ["Titre"] = titre,
        ["Envoi"] = "deposer",
        ["DirectionPilote"] = "Secrétariat général",
        ["Type"] = "Sectoriel",
        ["Redacteur"] = "Sophie Secrétaire",
        ["Origine"] = "Le logiciel de gestion des salles n'est plus maintenu.",
        ["Demandeur"] = "Le maire",
        ["Enjeux"] = "Réserver les salles municipales en ligne.",
        ["Nature"] = "Isole",
        ["Description"] = "Un outil de réservation des salles pour les associations.",
        ["PeriodeSouhaitee"] = "2027",
        ["CoutInformatique"] = "1 200",
        ["ObjectifsUsagers"] = "Réserver sans se déplacer.",
        ["ObjectifsDirection"] = "Planning fiable.",
        ["ObjectifsUtilisateurs"] = "Moins de saisies.",
        ["ConditionsReussite"] = "Un référent par commune.",
        ["IndicateursSuivi"] = "Nombre de réservations en ligne.",
    };

    private static byte[] Xlsx()
    {
        using var memoire = new MemoryStream();
        using (var zip = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var nom in new[] { "[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml" })
            {
                using var ecrivain = new StreamWriter(zip.CreateEntry(nom).Open());
                ecrivain.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return memoire.ToArray();
    }

    /// <summary>Posts a multipart form (the token of the page's form to <paramref name="action"/>), with one file or none.</summary>
    private static async Task<Session.Page> EnvoyerAsync(Session session, string page, string action, Dictionary<string, string> champs, (string Nom, byte[] Contenu)? fichier)
    {
        var formulaire = (await session.GetAsync(page)).Document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"Pas de formulaire vers {action} sur {page}.");
        var jeton = formulaire.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var contenu = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
        foreach (var (nom, valeur) in champs)
        {
            contenu.Add(new StringContent(valeur), nom);
        }

        if (fichier is { } f)
        {
            var octets = new ByteArrayContent(f.Contenu);
            octets.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"fichier\"", FileNameStar = f.Nom };
            contenu.Add(octets);
        }

        return await session.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = contenu });
    }

    private static int Id(string url) => int.Parse(url.Split('#')[0].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

    private async Task<(Membre Commune, Session Mairie, string Url)> BrouillonAsync(string? decideur = null, string? technique = null)
    {
        var commune = Jeux.Commune();
        if (decideur is not null || technique is not null)
        {
            commune.ModifierCoordonnees(Adresse.Vide, new Contact("Marie Décideuse", "Maire", decideur, null), new Contact("Tom Technique", "Informaticien", technique, null));
        }

        await portail.ExecuterAsync(async db =>
        {
            db.Membres.Add(commune);
            return await db.SaveChangesAsync();
        });
        var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Domain.Commun.Roles.Mairie, commune.Id), Comptes.MotDePasse);
        var brouillon = await mairie.SoumettreAsync("/fiches-projet/nouvelle", new() { ["Titre"] = "Réservation des salles " + Guid.NewGuid().ToString("N")[..6], ["Envoi"] = "brouillon" });
        return (commune, mairie, brouillon.Redirection!);
    }

    [Fact]
    public async Task Une_piece_jointe_est_verifiee_par_son_contenu_refusee_deguisee_ou_trop_grosse_et_jamais_telechargee_par_une_autre_commune()
    {
        var (_, mairie, url) = await BrouillonAsync();
        using var _m = mairie;
        using var voisine = await portail.ConnecterAsync(await portail.CreerAsync(Domain.Commun.Roles.Mairie, (await portail.AjouterCommuneAsync()).Id), Comptes.MotDePasse);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        // Accepted: a PNG, a JPEG, an XLSX and a PDF, each read by its content.
        foreach (var (nom, contenu) in new[] { ("plan des salles.png", Png), ("photo.jpeg", Jpeg), ("budget.xlsx", Xlsx()), ("devis.pdf", Catalogues.Pdf) })
        {
            var envoi = await EnvoyerAsync(mairie, url, url + "/pieces", [], (nom, contenu));
            Assert.Equal(HttpStatusCode.Redirect, envoi.Statut);
            Assert.Contains($"Fichier « {nom} » joint", (await mairie.GetAsync(url)).TexteVisible, StringComparison.Ordinal);
        }

        var page = await mairie.GetAsync(url);
        var liens = page.Document.QuerySelectorAll("li.piece-fiche a").Select(a => (a.TextContent, a.GetAttribute("href")!)).ToList();
        Assert.Equal(["plan des salles.png", "photo.jpeg", "budget.xlsx", "devis.pdf"], liens.Select(l => l.TextContent));

        // Downloaded as stored, with its cleaned name and its type.
        var telechargement = await mairie.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, liens[0].Item2) { Headers = { { "Cookie", mairie.EnTeteCookie } } });
        Assert.Equal(HttpStatusCode.OK, telechargement.StatusCode);
        Assert.Equal("image/png", telechargement.Content.Headers.ContentType!.MediaType);
        Assert.Equal("plan des salles.png", telechargement.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(Png, await telechargement.Content.ReadAsByteArrayAsync());

        // Refused with its reason beside the field: a PDF renamed .png, an executable, and a file over 10 Mo.
        var deguise = await EnvoyerAsync(mairie, url, url + "/pieces", [], ("photo.png", Catalogues.Pdf));
        Assert.Contains("« photo.png » n'a pas le contenu d'un fichier .png", (await mairie.GetAsync(deguise.Redirection!)).ErreurDuChamp("FichierPiece"), StringComparison.Ordinal);
        var docxDeguise = await EnvoyerAsync(mairie, url, url + "/pieces", [], ("budget.xlsx", Png));
        Assert.Contains("n'a pas le contenu d'un fichier .xlsx", (await mairie.GetAsync(docxDeguise.Redirection!)).ErreurDuChamp("FichierPiece"), StringComparison.Ordinal);
        var executable = await EnvoyerAsync(mairie, url, url + "/pieces", [], ("outil.exe", [0x4D, 0x5A, 0x90]));
        Assert.Contains("seuls les PDF, ODT, DOCX, XLSX, PNG et JPEG sont acceptés", (await mairie.GetAsync(executable.Redirection!)).ErreurDuChamp("FichierPiece"), StringComparison.Ordinal);
        var trop = new byte[Features.Catalogue.VerificationAnnexe.TailleMaximale + 1];
        Png.CopyTo(trop, 0);
        var tropGros = await EnvoyerAsync(mairie, url, url + "/pieces", [], ("plan.png", trop));
        Assert.Contains("dépassent la limite de 10 Mo", (await mairie.GetAsync(tropGros.Redirection!)).ErreurDuChamp("FichierPiece"), StringComparison.Ordinal);
        Assert.Equal(4, await portail.ExecuterAsync(db => db.PiecesFiches().CountAsync(p => p.FicheId == Id(url))));

        // Another commune: 404 on the download, and its upload does not reach the fiche.
        Assert.Equal(HttpStatusCode.NotFound, (await voisine.GetAsync(liens[0].Item2)).Statut);
        var jetonVoisine = (await voisine.GetAsync("/fiches-projet/nouvelle")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.NotFound, (await voisine.PostAsync(url + "/pieces", [], jetonVoisine)).Statut);

        // Once submitted, the commune no longer attaches files to the fiche itself; the DSI still does.
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync(url + "/modifier", FicheComplete("Réservation des salles"))).Statut);
        Assert.Null((await mairie.GetAsync(url)).Document.QuerySelector($"form[action='{url}/pieces']"));
        var refusee = await EnvoyerAsync(agent, url, url + "/pieces", [], ("note.png", Png));
        Assert.Equal(HttpStatusCode.Redirect, refusee.Statut);
        var jeton = (await mairie.GetAsync(url)).Document.QuerySelector($"form[action='{url}/messages'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var tardif = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
        var octets = new ByteArrayContent(Png);
        octets.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"fichier\"", FileNameStar = "tard.png" };
        tardif.Add(octets);
        var reponse = await mairie.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(url + "/pieces", UriKind.Relative)) { Content = tardif });
        Assert.Contains("en brouillon ou en construction", (await mairie.GetAsync(reponse.Redirection!)).TexteVisible, StringComparison.Ordinal);
        Assert.Equal(["plan des salles.png", "photo.jpeg", "budget.xlsx", "devis.pdf", "note.png"],
            await portail.ExecuterAsync(db => db.PiecesFiches().Where(p => p.FicheId == Id(url)).OrderBy(p => p.Id).Select(p => p.NomFichier).ToListAsync()));
    }

    [Fact]
    public async Task La_commune_et_la_dsi_echangent_des_messages_dans_l_ordre_et_chacune_est_notifiee_avec_le_compte_de_non_lues()
    {
        var (commune, mairie, url) = await BrouillonAsync();
        using var _m = mairie;
        var courrielAgent = await portail.CreerAsync(Domain.Commun.Roles.AgentDSI);
        using var agent = await portail.ConnecterAsync(courrielAgent, Comptes.MotDePasse);
        var agentId = portail.Executer(db => db.Users.Single(u => u.Email == courrielAgent).Id);
        var titre = "Salles " + Guid.NewGuid().ToString("N")[..8];

        // The submission: a receipt for the commune, a notification for the DSI.
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync(url + "/modifier", FicheComplete(titre))).Statut);
        var notificationsMairie = await mairie.GetAsync("/notifications");
        Assert.Contains($"« {titre} » : Fiche déposée.", notificationsMairie.TexteVisible, StringComparison.Ordinal);
        Assert.Equal("1", notificationsMairie.Document.GetElementById("notifications-non-lues")!.FirstChild!.TextContent);
        var notificationsAgent = await agent.GetAsync("/notifications");
        Assert.Contains($"« {titre} » déposée par {commune.Nom}", notificationsAgent.TexteVisible, StringComparison.Ordinal);

        // Messages both ways, shown in order with author and date.
        Assert.Equal(HttpStatusCode.Redirect, (await EnvoyerAsync(mairie, url, url + "/messages", new() { ["texte"] = "Faut-il joindre le devis ?" }, null)).Statut);
        var reponse = await EnvoyerAsync(agent, url, url + "/messages", new() { ["texte"] = "Oui, merci : le devis signé." }, ("consigne.pdf", Catalogues.Pdf));
        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);

        var fil = (await mairie.GetAsync(url)).Document.QuerySelectorAll("li.message-fiche").ToList();
        Assert.Equal(2, fil.Count);
        Assert.Contains("Faut-il joindre le devis ?", fil[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("(commune)", fil[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Oui, merci : le devis signé.", fil[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Test AgentDSI (DSI) — 15/10/2026 à 10:0", fil[1].TextContent, StringComparison.Ordinal);
        var piece = fil[1].QuerySelector("p.piece-message a")!;
        Assert.Equal("consigne.pdf", piece.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync(piece.GetAttribute("href")!)).Statut);

        // The commune is told of the DSI's message, the DSI of the commune's; nobody of their own.
        notificationsMairie = await mairie.GetAsync("/notifications");
        Assert.Contains("message de la DSI — Oui, merci : le devis signé.", notificationsMairie.TexteVisible, StringComparison.Ordinal);
        Assert.Equal("2", notificationsMairie.Document.GetElementById("notifications-non-lues")!.FirstChild!.TextContent);
        Assert.DoesNotContain("Faut-il joindre", notificationsMairie.TexteVisible, StringComparison.Ordinal);
        notificationsAgent = await agent.GetAsync("/notifications");
        Assert.Contains($"message de {commune.Nom} — Faut-il joindre le devis ?", notificationsAgent.TexteVisible, StringComparison.Ordinal);
        var nonLuesAgent = await portail.ExecuterAsync(db => db.NotificationsFiches().CountAsync(n => n.UtilisateurId == agentId && n.LueLe == null));
        Assert.Equal(nonLuesAgent.ToString(System.Globalization.CultureInfo.InvariantCulture), notificationsAgent.Document.GetElementById("notifications-non-lues")!.FirstChild!.TextContent);

        // Opening one marks it read; « tout marquer lu » the rest; the badge goes away.
        var ouvrir = notificationsMairie.Document.QuerySelectorAll("tr.non-lue form")[0].GetAttribute("action")!;
        var ouverte = await mairie.SoumettreAsync("/notifications", [], ouvrir);
        Assert.Equal(url + "#echanges", ouverte.Redirection);
        Assert.Equal("1", (await mairie.GetAsync("/notifications")).Document.GetElementById("notifications-non-lues")!.FirstChild!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync("/notifications", [], "/notifications/tout-marquer-lu")).Statut);
        var toutLu = await mairie.GetAsync("/notifications");
        Assert.Null(toutLu.Document.GetElementById("notifications-non-lues"));
        Assert.Equal(2, toutLu.Document.QuerySelectorAll("tr.lue").Length);

        // Another user's notification is not theirs to open.
        var jeton = (await agent.GetAsync("/notifications")).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.NotFound, (await agent.PostAsync(ouvrir, [], jeton)).Statut);

        // An empty message comes back with its reason beside the field.
        var vide = await EnvoyerAsync(mairie, url, url + "/messages", new() { ["texte"] = "   " }, null);
        Assert.Contains("Le message est vide", (await mairie.GetAsync(vide.Redirection!)).ErreurDuChamp("TexteMessage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_compteur_de_la_barre_n_interroge_pas_la_base_a_chaque_page_et_suit_aussitot_chaque_ecriture()
    {
        var commune = await portail.AjouterCommuneAsync();
        var courriel = await portail.CreerAsync(Domain.Commun.Roles.Mairie, commune.Id);
        var utilisateurId = await portail.ExecuterAsync(db => db.Users.Where(u => u.Email == courriel).Select(u => u.Id).SingleAsync());
        var fiche = await portail.AjouterFicheAsync(commune.Id, "Fiche du compteur", Domain.FichesProjet.EtatFiche.Deposee);
        using var mairie = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        async Task<(string? Badge, int Comptages)> PageAsync()
        {
            using var journal = new JournalSql(portail.Base);
            var page = await mairie.GetAsync("/compte/mot-de-passe");
            Assert.Equal(HttpStatusCode.OK, page.Statut);
            var comptages = journal.Commandes.Count(c => c.Texte.Contains("NotificationsFichesProjet", StringComparison.Ordinal)
                && c.Parametres.Any(p => Equals(p.Valeur, utilisateurId)));
            return (page.Document.GetElementById("notifications-non-lues")?.FirstChild?.TextContent, comptages);
        }

        Assert.Equal((null, 1), await PageAsync());
        Assert.Equal((null, 0), await PageAsync());

        // A notification saved through any context of the app: the next page counts again and shows it.
        var notification = await portail.ExecuterAsync(async db =>
        {
            var n = new NotificationFiche(utilisateurId, fiche, "Notification du compteur", portail.Horloge.GetUtcNow());
            db.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        Assert.Equal(("1", 1), await PageAsync());
        Assert.Equal(("1", 0), await PageAsync());

        // Read through the page (tracked save), then all read in bulk: the badge follows each time.
        await portail.ExecuterAsync(async db =>
        {
            db.Add(new NotificationFiche(utilisateurId, fiche, "Une autre", portail.Horloge.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        Assert.Equal("2", (await PageAsync()).Badge);
        var liste = await mairie.GetAsync("/notifications");
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync("/notifications", [], $"/notifications/{notification}/ouvrir")).Statut);
        Assert.Equal(("1", 1), await PageAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync("/notifications", [], "/notifications/tout-marquer-lu")).Statut);
        Assert.Equal((null, 1), await PageAsync());
        Assert.NotNull(liste.Document.GetElementById("notifications-non-lues"));
    }

    [Fact]
    public async Task Les_annotations_de_la_dsi_et_leurs_pieces_restent_invisibles_pour_la_commune()
    {
        var (_, mairie, url) = await BrouillonAsync();
        using var _m = mairie;
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var secret = "Annotation confidentielle " + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync(url + "/modifier", FicheComplete("Salles " + secret[^8..]))).Statut);
        var avant = await portail.ExecuterAsync(db => db.NotificationsFiches().CountAsync(n => n.FicheId == Id(url)));

        Assert.Equal(HttpStatusCode.Redirect, (await EnvoyerAsync(agent, url, url + "/annotations", new() { ["texte"] = secret }, ("analyse-interne.pdf", Catalogues.Pdf))).Statut);
        var vuDsi = await agent.GetAsync(url);
        Assert.Contains(secret, vuDsi.TexteVisible, StringComparison.Ordinal);
        var lien = vuDsi.Document.QuerySelector("p.piece-annotation a")!.GetAttribute("href")!;
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(lien)).Statut);

        // The commune: not on the page, not by download; nobody notified.
        var vuMairie = await mairie.GetAsync(url);
        Assert.DoesNotContain(secret, vuMairie.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("analyse-interne", vuMairie.Texte, StringComparison.Ordinal);
        Assert.Null(vuMairie.Document.GetElementById("titre-annotations"));
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync(lien)).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync(lien)).Statut);
        Assert.DoesNotContain(secret, (await finances.GetAsync(url)).Texte, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, (await mairie.GetAsync("/notifications")).Texte, StringComparison.Ordinal);
        Assert.Equal(avant, await portail.ExecuterAsync(db => db.NotificationsFiches().CountAsync(n => n.FicheId == Id(url))));

        // The commune cannot post one either.
        var jeton = vuMairie.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var interdit = await mairie.PostAsync(url + "/annotations", new() { ["texte"] = "Essai" }, jeton);
        Assert.Contains("/compte/acces-refuse", interdit.Redirection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_depot_les_complements_et_la_decision_mettent_en_attente_un_courriel_francais_pour_chaque_contact_de_la_commune()
    {
        var marque = Guid.NewGuid().ToString("N")[..8];
        var (_, mairie, url) = await BrouillonAsync($"maire-{marque}@commune.demo", $"informatique-{marque}@commune.demo");
        using var _m = mairie;
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync(url + "/modifier", FicheComplete("Salles " + marque))).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url, [], url + "/prendre-en-instruction")).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.SoumettreAsync(url, new() { ["Demande"] = "Combien d'associations réservent ?" }, url + "/complements")).Statut);

        var courriels = await portail.ExecuterAsync(db => db.CourrielsEnAttente().AsNoTracking().Where(c => c.FicheId == Id(url)).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(
            [($"maire-{marque}@commune.demo", "accusé de réception"), ($"informatique-{marque}@commune.demo", "accusé de réception"),
                ($"maire-{marque}@commune.demo", "compléments demandés"), ($"informatique-{marque}@commune.demo", "compléments demandés")],
            courriels.Select(c => (c.Destinataire, c.Sujet.Split(" : ")[1])));
        Assert.All(courriels, c => Assert.Equal(EtatCourriel.EnAttente, c.Etat));
        Assert.Contains("La DSI a bien reçu la fiche projet FP-2026-", courriels[0].Corps, StringComparison.Ordinal);
        Assert.Contains("Combien d'associations réservent ?", courriels[2].Corps, StringComparison.Ordinal);

        // The state is shown to the DSI administrators only.
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var page = await admin.GetAsync("/administration/courriels");
        Assert.Contains($"maire-{marque}@commune.demo", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("n'est pas configuré", page.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("/compte/acces-refuse", (await agent.GetAsync("/administration/courriels")).Redirection, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_courriels_partent_par_smtp_et_un_refus_du_serveur_est_reessaye_plus_tard()
    {
        var marque = Guid.NewGuid().ToString("N")[..8];
        var decideur = $"maire-{marque}@commune.demo";
        var technique = $"informatique-{marque}@commune.demo";
        var (commune, mairie, url) = await BrouillonAsync(decideur, technique);
        using var _m = mairie;
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync(url + "/modifier", FicheComplete("Salles " + marque))).Statut);

        // The sink refuses the technical contact once (a temporary 451), then accepts.
        await using var puits = PuitsSmtp.Demarrer(refuserUneFois: technique);
        var horloge = new FakeTimeProvider(PortailFactory.Maintenant.AddHours(1));
        var expediteur = new ExpediteurCourriels(portail.Services.GetRequiredService<IServiceScopeFactory>(), horloge, NullLogger<ExpediteurCourriels>.Instance);
        var reglages = new ReglagesCourriel("127.0.0.1", puits.Port, "dsi@epci.demo", null, null, "StartTlsSiDisponible", 5, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15));

        await expediteur.EnvoyerDusAsync(reglages, CancellationToken.None);
        var recu = Assert.Single(puits.Messages, m => m.To.Mailboxes.Any(a => a.Address == decideur));
        Assert.Equal($"Fiche projet FP-2026-{Id(url):D4} : accusé de réception", recu.Subject);
        Assert.Contains($"La DSI a bien reçu la fiche projet FP-2026-{Id(url):D4} « Salles {marque} » de {commune.Nom}", recu.TextBody, StringComparison.Ordinal);
        Assert.Equal("dsi@epci.demo", recu.From.Mailboxes.Single().Address);
        Assert.DoesNotContain(puits.Messages, m => m.To.Mailboxes.Any(a => a.Address == technique));

        var enEchec = await portail.ExecuterAsync(db => db.CourrielsEnAttente().AsNoTracking().SingleAsync(c => c.FicheId == Id(url) && c.Destinataire == technique));
        Assert.Equal((EtatCourriel.EnAttente, 1), (enEchec.Etat, enEchec.Tentatives));
        Assert.Contains("451", enEchec.DerniereErreur, StringComparison.Ordinal);
        Assert.Equal(horloge.GetUtcNow() + TimeSpan.FromMinutes(1), enEchec.ProchaineTentative);

        // Not before its time; then sent.
        await expediteur.EnvoyerDusAsync(reglages, CancellationToken.None);
        Assert.DoesNotContain(puits.Messages, m => m.To.Mailboxes.Any(a => a.Address == technique));
        horloge.Advance(TimeSpan.FromMinutes(1));
        await expediteur.EnvoyerDusAsync(reglages, CancellationToken.None);
        Assert.Single(puits.Messages, m => m.To.Mailboxes.Any(a => a.Address == technique));
        var envoye = await portail.ExecuterAsync(db => db.CourrielsEnAttente().AsNoTracking().SingleAsync(c => c.FicheId == Id(url) && c.Destinataire == technique));
        Assert.Equal((EtatCourriel.Envoye, 2, (string?)null), (envoye.Etat, envoye.Tentatives, envoye.DerniereErreur));
        Assert.Single(puits.Messages, m => m.To.Mailboxes.Any(a => a.Address == decideur));
    }

    [Fact]
    public async Task Un_courriel_toujours_refuse_est_abandonne_apres_le_nombre_maximal_de_tentatives()
    {
        var marque = Guid.NewGuid().ToString("N")[..8];
        var decideur = $"maire-{marque}@commune.demo";
        var (_, mairie, url) = await BrouillonAsync(decideur, null);
        using var _m = mairie;
        Assert.Equal(HttpStatusCode.Redirect, (await mairie.SoumettreAsync(url + "/modifier", FicheComplete("Salles " + marque))).Statut);

        await using var puits = PuitsSmtp.Demarrer(refuserToujours: decideur);
        var horloge = new FakeTimeProvider(PortailFactory.Maintenant.AddHours(2));
        var expediteur = new ExpediteurCourriels(portail.Services.GetRequiredService<IServiceScopeFactory>(), horloge, NullLogger<ExpediteurCourriels>.Instance);
        var reglages = new ReglagesCourriel("127.0.0.1", puits.Port, "dsi@epci.demo", null, null, "Aucune", 3, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(15));
        foreach (var attente in new[] { 0, 1, 2 })
        {
            horloge.Advance(TimeSpan.FromMinutes(attente));
            await expediteur.EnvoyerDusAsync(reglages, CancellationToken.None);
        }

        var abandonne = await portail.ExecuterAsync(db => db.CourrielsEnAttente().AsNoTracking().SingleAsync(c => c.FicheId == Id(url) && c.Destinataire == decideur));
        Assert.Equal((EtatCourriel.Abandonne, 3), (abandonne.Etat, abandonne.Tentatives));
        Assert.Contains("550", abandonne.DerniereErreur, StringComparison.Ordinal);
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var ligne = (await admin.GetAsync("/administration/courriels")).Document.QuerySelectorAll("tr.courriel").First(t => t.TextContent.Contains(decideur, StringComparison.Ordinal));
        Assert.Contains("Abandonné", ligne.TextContent, StringComparison.Ordinal);
    }
}
