using System.Text.RegularExpressions;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence.Travaux;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The annual invoicing campaign from the stored facts: the seed's worked examples through the campaign's drafts, a rerun
/// that replaces and never duplicates, the negotiated amount above 8 000 inhabitants (refused without justification), the
/// threshold, the background job and its progress, issuing then rerunning, CCCF prorata and storage.
/// Every test opens its campaign on a budget of its own and reads only its own members' results.
/// </summary>
[Collection(PortailCollection.Nom)]
public class CampagnesTests(PortailFactory portail)
{
    private static readonly Auteur Test = new(null, "Test");

    [Fact]
    public async Task L_exemple_de_la_convention_donne_2032_50_la_premiere_annee_puis_5532_50_par_la_campagne()
    {
        var audit = await CommuneAsync(portail, 2355);
        await portail.AjouterConventionAsync(audit.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await LivrerAuditAsync(portail, audit.Id, new DateOnly(2025, 3, 10));
        var simple = await CommuneAsync(portail, 2355, millesime2022: false);
        await portail.AjouterConventionAsync(simple.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirAsync(agent, audit.Id, "01/06/2025")).Statut);
        await LivrerAuditAsync(portail, simple.Id, new DateOnly(2024, 3, 10));
        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirAsync(agent, simple.Id, "01/01/2025")).Statut);
        var budget = Budget();

        var premiere = await portail.CalculerCampagneAsync(await portail.OuvrirCampagneAsync(2025, budget));
        var suivante = await portail.CalculerCampagneAsync(await portail.OuvrirCampagneAsync(2026, budget));

        var r2025 = premiere.Resultats.Single(r => r.MembreId == audit.Id);
        Assert.Equal((StatutResultat.Pret, 2032.50m), (r2025.Statut, r2025.Total.Euros));
        var titre2025 = await TitreAsync(r2025.TitreId!.Value);
        Assert.Equal((2026, 2025, StatutTitre.Brouillon, 2032.50m), (titre2025.Exercice, titre2025.ExerciceFacture, titre2025.Statut, titre2025.Total.Euros));
        Assert.All(titre2025.Lignes, l => Assert.Equal(CataloguesDeReference.Socle, l.CodeService));
        Assert.Contains(titre2025.Lignes, l => l.Montant.Euros == -3500m && l.Libelle.StartsWith("Déduction", StringComparison.Ordinal));
        Assert.Contains(titre2025.Lignes, l => l.Bases.Contains("2 355", StringComparison.Ordinal) || l.Bases.Contains("2\u202F355", StringComparison.Ordinal) || l.Bases.Contains("2\u00A0355", StringComparison.Ordinal));

        var r2026 = suivante.Resultats.Single(r => r.MembreId == audit.Id);
        Assert.Equal((StatutResultat.Pret, 5532.50m), (r2026.Statut, r2026.Total.Euros));
        Assert.Null(r2026.TotalPrecedent); // last year's titre is still a draft: nothing issued for 2025
        var s2026 = suivante.Resultats.Single(r => r.MembreId == simple.Id);
        Assert.Equal((StatutResultat.Pret, 5532.50m), (s2026.Statut, s2026.Total.Euros));
        Assert.Empty(s2026.ListeAvertissements);

        // Without a population of millésime 2022 (nor earlier), the 2025 campaign prices the latest one and says so.
        var s2025 = premiere.Resultats.Single(r => r.MembreId == simple.Id);
        Assert.Equal((StatutResultat.Pret, 5532.50m), (s2025.Statut, s2025.Total.Euros));
        Assert.Contains(s2025.ListeAvertissements, a => a.Contains("Pas de population du millésime 2022 ni d'un millésime antérieur : celle du millésime 2023 est retenue", StringComparison.Ordinal));

        // The review page shows the lines with their bases, the total and the warning.
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.GetAsync($"/campagnes/{premiere.Id}?filtre=avertissements");
        Assert.Equal(HttpStatusCode.OK, page.Statut);
        var ligne = page.Document.QuerySelectorAll("#revue tbody tr").Single(tr => tr.TextContent.Contains(simple.Nom, StringComparison.Ordinal));
        Assert.Contains("5 532,50 €", Normaliser(ligne.TextContent), StringComparison.Ordinal);
        Assert.Contains("Avertissement", ligne.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relancer_le_calcul_remplace_les_brouillons_sans_jamais_les_dupliquer()
    {
        var membre = await CommuneAsync(portail, 2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        await LivrerAuditAsync(portail, membre.Id, new DateOnly(2024, 3, 10));
        await ChoisirAsync(agent, membre.Id, "01/01/2025");
        var campagne = await portail.OuvrirCampagneAsync(2026, Budget());

        var une = await portail.CalculerCampagneAsync(campagne);
        var deux = await portail.CalculerCampagneAsync(campagne);

        var (a, b) = (une.Resultats.Single(r => r.MembreId == membre.Id), deux.Resultats.Single(r => r.MembreId == membre.Id));
        Assert.Equal(a.TitreId, b.TitreId);
        Assert.Single(deux.Resultats, r => r.MembreId == membre.Id);
        var titres = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).Where(t => t.MembreId == membre.Id && t.CampagneId == campagne).ToListAsync());
        var titre = Assert.Single(titres);
        Assert.Equal(5532.50m, titre.Total.Euros);

        // A campaign's draft is reviewed and issued from the campaign only: the page of drafts outside campaigns neither
        // lists it nor issues it.
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var brouillons = await finances.GetAsync("/titres/brouillons");
        Assert.Null(brouillons.Document.GetElementById($"emettre-{titre.Id}"));
        var jeton = brouillons.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var refus = await finances.PostAsync("/titres/brouillons/emettre", new() { ["ids"] = titre.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, jeton);
        Assert.Equal(HttpStatusCode.BadRequest, refus.Statut);
        Assert.Contains("n'existe plus ou a déjà été émis", refus.Document.GetElementById("ids-erreur")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(StatutTitre.Brouillon, await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == titre.Id).Select(t => t.Statut).SingleAsync()));

        // The database refuses a second titre of the same member in the same campaign.
        var doublon = await Assert.ThrowsAnyAsync<DbUpdateException>(() => portail.ExecuterAsync(async db =>
        {
            Assert.Null(TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, "Mairie"), 2027, 2026, titre.Budget, "Doublon", "Test",
                [new LignePrevue("Ligne", "Bases", new Montant(10m), null, null, null)], Test, portail.Horloge.GetUtcNow(), out var second));
            second!.RattacherACampagne(campagne);
            db.TitresRecette.Add(second);
            return await db.SaveChangesAsync();
        }));
        Assert.NotNull(doublon);
    }

    [Fact]
    public async Task La_relance_remplace_les_lignes_des_brouillons_sans_en_laisser_d_orphelines_et_retire_le_brouillon_d_un_membre_sorti()
    {
        var garde = await CommuneAsync(portail, 2355);
        var sorti = await CommuneAsync(portail, 2355);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        foreach (var membre in new[] { garde, sorti })
        {
            await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
            await LivrerAuditAsync(portail, membre.Id, new DateOnly(2024, 3, 10));
            await ChoisirAsync(agent, membre.Id, "01/01/2025");
        }

        var campagne = await portail.OuvrirCampagneAsync(2026, Budget());
        var premier = await portail.CalculerCampagneAsync(campagne);
        var id = premier.Resultats.Single(r => r.MembreId == garde.Id).TitreId!.Value;
        var idSorti = premier.Resultats.Single(r => r.MembreId == sorti.Id).TitreId!.Value;
        var avant = await TitreAsync(id);
        var anciennes = avant.Lignes.Select(l => l.Id).ToList();

        // Between the two runs the draft's lines are changed behind the campaign's back (1 € each), and the other member
        // no longer has an adhésion.
        await portail.ExecuterAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"LignesTitres\" SET \"Montant\" = 100 WHERE \"TitreId\" = {id}"));
        var faux = anciennes.Count * 100;
        await portail.ExecuterAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"TitresRecette\" SET \"Total\" = {faux} WHERE \"Id\" = {id}"));
        await portail.ExecuterAsync(async db =>
        {
            db.Remove(await db.Set<Adhesion>().SingleAsync(a => a.MembreId == sorti.Id));
            return await db.SaveChangesAsync();
        });

        var relance = await portail.CalculerCampagneAsync(campagne);

        Assert.Equal(id, relance.Resultats.Single(r => r.MembreId == garde.Id).TitreId);
        Assert.DoesNotContain(relance.Resultats, r => r.MembreId == sorti.Id);
        var titre = await portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).Include(t => t.Evenements)
            .SingleAsync(t => t.CampagneId == campagne && t.MembreId == garde.Id));
        Assert.Equal(id, titre.Id);
        Assert.Equal(5532.50m, titre.Total.Euros);
        Assert.Equal(avant.Lignes.OrderBy(l => l.Ordre).Select(l => (l.Ordre, l.Libelle, l.Bases, l.Montant, l.CodeService)), titre.Lignes.OrderBy(l => l.Ordre).Select(l => (l.Ordre, l.Libelle, l.Bases, l.Montant, l.CodeService)));
        Assert.Equal(["Brouillon créé", "Brouillon recalculé"], titre.Evenements.OrderBy(e => e.Id).Select(e => e.Libelle));

        // The old lines are gone, none left without its titre; the member's draft that went is gone with its lines.
        var restantes = await portail.ExecuterAsync(db => db.Set<LigneTitre>().AsNoTracking().Where(l => anciennes.Contains(l.Id)).CountAsync());
        Assert.Equal(0, restantes);
        Assert.False(await portail.ExecuterAsync(db => db.TitresRecette.AnyAsync(t => t.Id == idSorti)));
        Assert.Equal(0, await portail.ExecuterAsync(db => db.Set<LigneTitre>().CountAsync(l => EF.Property<int?>(l, "TitreId") == idSorti)));

        // The history says so, as for any write: each old line deleted, the total changed, the draft that went deleted.
        var cles = anciennes.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList();
        var (cleTitre, cleSorti) = (id.ToString(CultureInfo.InvariantCulture), idSorti.ToString(CultureInfo.InvariantCulture));
        var entrees = await portail.ExecuterAsync(db => db.Historique.AsNoTracking()
            .Where(h => (h.Entite == nameof(LigneTitre) && cles.Contains(h.EntiteId)) || (h.Entite == nameof(TitreDeRecette) && (h.EntiteId == cleTitre || h.EntiteId == cleSorti)))
            .ToListAsync());
        Assert.Equal(cles.Order(StringComparer.Ordinal), entrees.Where(h => h.Entite == nameof(LigneTitre) && h.Action == "Suppression").Select(h => h.EntiteId).Order(StringComparer.Ordinal));
        var total = Assert.Single(entrees, h => h.Entite == nameof(TitreDeRecette) && h.EntiteId == cleTitre && h.Action == "Modification");
        Assert.Contains("\"Total\":[", total.Changements, StringComparison.Ordinal);
        Assert.Single(entrees, h => h.Entite == nameof(TitreDeRecette) && h.EntiteId == cleSorti && h.Action == "Suppression");
    }

    [Fact]
    public async Task Les_brouillons_du_calcul_leurs_lignes_et_la_date_du_calcul_sont_a_l_historique_comme_toute_ecriture()
    {
        var membre = await CommuneAsync(portail, 2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        await LivrerAuditAsync(portail, membre.Id, new DateOnly(2024, 3, 10));
        await ChoisirAsync(agent, membre.Id, "01/01/2025");

        var campagne = await portail.CalculerCampagneAsync(await portail.OuvrirCampagneAsync(2026, Budget()));

        var titre = await TitreAsync(campagne.Resultats.Single(r => r.MembreId == membre.Id).TitreId!.Value);
        var cles = titre.Lignes.Select(l => l.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var cleTitre = titre.Id.ToString(CultureInfo.InvariantCulture);
        var cleCampagne = campagne.Id.ToString(CultureInfo.InvariantCulture);
        var entrees = await portail.ExecuterAsync(db => db.Historique.AsNoTracking()
            .Where(h => (h.Entite == nameof(TitreDeRecette) && h.EntiteId == cleTitre) || (h.Entite == nameof(LigneTitre) && cles.Contains(h.EntiteId))
                || (h.Entite == nameof(Campagne) && h.EntiteId == cleCampagne && h.Action == "Modification"))
            .ToListAsync());

        var creation = Assert.Single(entrees, h => h.Entite == nameof(TitreDeRecette));
        Assert.Equal(("Création", membre.Id), (creation.Action, creation.MembreId));
        Assert.Contains($"\"DebiteurNom\":\"{membre.Nom}\"", creation.Changements, StringComparison.Ordinal);
        Assert.Contains("\"Statut\":\"Brouillon\"", creation.Changements, StringComparison.Ordinal);
        Assert.Equal(cles.Count, entrees.Count(h => h.Entite == nameof(LigneTitre) && h.Action == "Création"));
        Assert.Contains(entrees, h => h.Entite == nameof(Campagne) && h.Changements.Contains("\"CalculeLe\":[null,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Au_dela_de_8000_habitants_un_montant_negocie_justifie_remplace_le_refus_et_le_seuil_s_applique()
    {
        var grande = await CommuneAsync(portail, 9000);
        await portail.AjouterConventionAsync(grande.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        await LivrerAuditAsync(portail, grande.Id, new DateOnly(2024, 3, 10));
        await ChoisirAsync(agent, grande.Id, "01/01/2025");
        var campagne = await portail.OuvrirCampagneAsync(2026, Budget());

        var calcul = await portail.CalculerCampagneAsync(campagne);
        var attente = calcul.Resultats.Single(r => r.MembreId == grande.Id);
        Assert.Equal((StatutResultat.EnAttenteNegociation, CataloguesDeReference.Socle, (int?)null), (attente.Statut, attente.ServiceRefuse, attente.TitreId));
        Assert.Contains(attente.ListeAvertissements, a => a.Contains("8 000 habitants", StringComparison.Ordinal));

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var url = $"/campagnes/{campagne}";
        var sansJustification = await finances.SoumettreAsync(url, Negociation(grande.Id, "12 500,00", "  "), $"{url}/montants");
        Assert.Equal(HttpStatusCode.OK, sansJustification.Statut);
        Assert.Contains("justification", sansJustification.Document.GetElementById($"negocie-{grande.Id}-justification-erreur")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("12 500,00", sansJustification.Document.GetElementById($"negocie-{grande.Id}-montant")?.GetAttribute("value"));
        var illisible = await finances.SoumettreAsync(url, Negociation(grande.Id, "beaucoup", "Délibération 2026-12"), $"{url}/montants");
        Assert.Contains("n'est pas un montant", illisible.Document.GetElementById($"negocie-{grande.Id}-montant-erreur")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        Assert.Null((await portail.LireCampagneAsync(campagne)).Negocie(grande.Id, CataloguesDeReference.Socle));

        // Under the 15 € threshold: no titre.
        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(url, Negociation(grande.Id, "10", "Accord provisoire"), $"{url}/montants")).Statut);
        var sousLeSeuil = (await portail.CalculerCampagneAsync(campagne)).Resultats.Single(r => r.MembreId == grande.Id);
        Assert.Equal((StatutResultat.SousLeSeuil, 10m, (int?)null), (sousLeSeuil.Statut, sousLeSeuil.Total.Euros, sousLeSeuil.TitreId));

        // The member waits again only if the amount goes; here it is replaced by the negotiated one, justified.
        Assert.Equal(HttpStatusCode.OK, (await finances.GetAsync(url)).Statut);
        await portail.ExecuterAsync(async db =>
        {
            var c = await db.Set<Campagne>().SingleAsync(x => x.Id == campagne);
            Assert.Null(c.NegocierMontant(grande.Id, CataloguesDeReference.Socle, 12_500m, "Examen approfondi : délibération 2026-12 du bureau", Test, portail.Horloge.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var pret = (await portail.CalculerCampagneAsync(campagne)).Resultats.Single(r => r.MembreId == grande.Id);
        Assert.Equal((StatutResultat.Pret, 12_500m), (pret.Statut, pret.Total.Euros));
        var titre = await TitreAsync(pret.TitreId!.Value);
        var ligne = Assert.Single(titre.Lignes);
        Assert.Equal(CataloguesDeReference.Socle, ligne.CodeService);
        Assert.Contains("délibération 2026-12", ligne.Bases, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Le_calcul_lance_par_la_page_tourne_en_arriere_plan_sous_l_identite_des_finances_et_sa_progression_reste_affichee()
    {
        var membre = await CommuneAsync(portail, 2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        await LivrerAuditAsync(portail, membre.Id, new DateOnly(2024, 3, 10));
        await ChoisirAsync(agent, membre.Id, "01/01/2025");
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var ouverture = await finances.SoumettreAsync("/campagnes", new() { ["ExerciceFacture"] = "2026", ["Budget"] = Budget() });
        Assert.Equal(HttpStatusCode.Redirect, ouverture.Statut);
        var url = ouverture.Redirection!;

        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(url, [], $"{url}/calculer")).Statut);
        var campagne = await portail.LireCampagneAsync(int.Parse(url.Split('/')[^1], CultureInfo.InvariantCulture));
        var travail = await portail.AttendreFinAsync(campagne.TravailId!.Value);

        Assert.Equal(EtatTravail.Termine, travail.Etat);
        Assert.Equal(travail.Total, travail.Fait);
        Assert.Equal("finances@redon-agglomeration.demo", (await portail.ExecuterAsync(db => db.Users.SingleAsync(u => u.Id == travail.CreeParId))).Email);
        var page = await finances.GetAsync(url);
        Assert.Contains("Terminé", page.Document.GetElementById("etat-travail")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(travail.Total?.ToString(CultureInfo.InvariantCulture), page.Document.GetElementById("progression")!.GetAttribute("value"));
        Assert.Contains(page.Document.QuerySelectorAll("#revue tbody tr"), tr => tr.TextContent.Contains(membre.Nom, StringComparison.Ordinal) && Normaliser(tr.TextContent).Contains("5 532,50 €", StringComparison.Ordinal));
        using var etat = System.Text.Json.JsonDocument.Parse((await finances.GetAsync($"{url}/etat")).Texte);
        Assert.True(etat.RootElement.GetProperty("fini").GetBoolean());

        // An AgentDSI reads, never launches.
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync(url)).Statut);
        Assert.Empty((await agent.GetAsync(url)).Document.QuerySelectorAll($"form[action='{url}/calculer']"));
    }

    [Fact]
    public async Task Une_grande_campagne_s_emet_en_arriere_plan_puis_produit_ses_avis_et_sa_reprise_ne_refait_rien()
    {
        using var application = PortailFactory.SurUneNouvelleBase();
        application.Reglages["Campagnes:EmissionDeFondAuDela"] = "0"; // every issue goes to the background job
        var membre = await CommuneAsync(application, 2355);
        await application.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await application.ConnecterAsync(Comptes.Agent);
        await LivrerAuditAsync(application, membre.Id, new DateOnly(2024, 3, 10));
        await ChoisirAsync(agent, membre.Id, "01/01/2025");
        var campagne = await application.ExecuterAsync(db => db.Set<Campagne>().Where(c => c.ExerciceFacture == 2025).Select(c => c.Id).SingleAsync());
        await application.CalculerCampagneAsync(campagne);

        using var finances = await application.ConnecterAsync(Comptes.Finances);
        var url = $"/campagnes/{campagne}";
        var emission = await finances.SoumettreAsync(url, [], $"{url}/emettre");
        Assert.Equal((HttpStatusCode.Redirect, url), (emission.Statut, emission.Redirection));
        var travail = await application.AttendreFinAsync((await application.LireCampagneAsync(campagne)).TravailId!.Value);

        Assert.Equal(EtatTravail.Termine, travail.Etat);
        Assert.Equal("finances@redon-agglomeration.demo", (await application.ExecuterAsync(db => db.Users.SingleAsync(u => u.Id == travail.CreeParId))).Email);
        Assert.StartsWith("1 titre(s) émis pour 5 532,50 €", Normaliser(travail.Message!), StringComparison.Ordinal);
        Assert.EndsWith("1 avis des sommes à payer produit(s).", travail.Message, StringComparison.Ordinal);
        var titre = await application.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.MembreId == membre.Id));
        Assert.Equal(StatutTitre.Emis, titre.Statut);
        var avis = await application.ExecuterAsync(db => db.AvisTitres.AsNoTracking().SingleAsync(a => a.TitreId == titre.Id));

        // The same job run again (a restart after its end, a second launch): nothing issued, nothing produced, nothing changed.
        var reprise = await application.AttendreFinAsync(await application.LancerTravailAsync("finances@redon-agglomeration.demo",
            Features.Campagnes.TravailEmissionCampagne.Genre, new Features.Campagnes.ParametresCampagne(campagne)));
        Assert.Equal((EtatTravail.Termine, "0 avis des sommes à payer produit(s)."), (reprise.Etat, reprise.Message));
        Assert.Equal(titre.Numero, Assert.Single(await application.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Where(t => t.MembreId == membre.Id).ToListAsync())).Numero);
        Assert.Equal(avis.Sha256, await application.ExecuterAsync(db => db.AvisTitres.Where(a => a.TitreId == titre.Id).Select(a => a.Sha256).SingleAsync()));
    }

    [Fact]
    public async Task La_revue_d_une_campagne_se_parcourt_page_par_page_dans_l_ordre_des_noms_et_se_cherche_par_nom()
    {
        using var application = PortailFactory.SurUneNouvelleBase();
        application.Reglages["Campagnes:ResultatsParPage"] = "1";
        var campagne = await application.LireCampagneAsync(await application.ExecuterAsync(db => db.Set<Campagne>().Where(c => c.ExerciceFacture == 2025).Select(c => c.Id).SingleAsync()));
        var fr = StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true);
        var noms = campagne.Resultats.OrderBy(r => r.MembreNom, fr).ThenBy(r => r.MembreId).Select(r => r.MembreNom).ToList();
        Assert.True(noms.Count > 1, "La campagne de démonstration compte plus d'une page de membres.");
        var pages = noms.Count;
        using var finances = await application.ConnecterAsync(Comptes.Finances);
        var url = $"/campagnes/{campagne.Id}";

        // Every member once, page after page, in French alphabetical order; only the titres of a page are shown.
        var vus = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var vue = await finances.GetAsync($"{url}?page={page}");
            var lignes = vue.Document.QuerySelectorAll("#revue tbody tr");
            Assert.Single(lignes);
            vus.AddRange(lignes.Select(l => Regex.Replace(l.QuerySelector("th")!.TextContent, @" \([\d\u202F\u00A0 ]+ hab\.\)$", string.Empty).Trim()));
            Assert.Contains($"page {page} sur {pages}", vue.Document.GetElementById("compte-revue")!.TextContent, StringComparison.Ordinal);
            Assert.Equal($"{page} / {pages}", vue.Document.QuerySelector("nav[aria-label='Pages de la revue des membres'] [aria-current=page]")!.TextContent.Trim());
        }

        Assert.Equal(noms, vus);
        var audela = await finances.GetAsync($"{url}?page=999999");
        Assert.Equal(HttpStatusCode.OK, audela.Statut);
        Assert.Contains($"page {pages} sur {pages}", audela.Document.GetElementById("compte-revue")!.TextContent, StringComparison.Ordinal);

        // A search ignores case and accents, keeps the filter across pages, and says when nothing matches.
        var cible = noms.First(n => n.Length > 4);
        var recherche = cible[1..^1].ToUpperInvariant().Normalize(System.Text.NormalizationForm.FormD);
        recherche = new string(recherche.Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark).ToArray());
        var trouve = await finances.GetAsync($"{url}?filtre=tous&q={Uri.EscapeDataString(recherche)}");
        Assert.Contains(trouve.Document.QuerySelectorAll("#revue tbody th"), th => th.TextContent.StartsWith(cible, StringComparison.Ordinal));
        Assert.Equal(recherche, trouve.Document.GetElementById("q")!.GetAttribute("value"));
        Assert.Contains("Aucun membre pour ce filtre et cette recherche", (await finances.GetAsync($"{url}?q=zzzzzz")).TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Emettre_la_campagne_puis_la_relancer_ne_recree_pas_les_titres_emis()
    {
        using var application = PortailFactory.SurUneNouvelleBase();
        var membre = await CommuneAsync(application, 2355);
        await application.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await application.ConnecterAsync(Comptes.Agent);
        await LivrerAuditAsync(application, membre.Id, new DateOnly(2024, 3, 10));
        await ChoisirAsync(agent, membre.Id, "01/01/2025");
        // The demo's campaign of the previous exercice (budget of the settings), already issued once.
        var campagne = await application.ExecuterAsync(db => db.Set<Campagne>().Where(c => c.ExerciceFacture == 2025).Select(c => c.Id).SingleAsync());
        var calcul = await application.CalculerCampagneAsync(campagne);
        Assert.Equal(StatutResultat.Pret, calcul.Resultats.Single(r => r.MembreId == membre.Id).Statut);
        Assert.All(calcul.Resultats.Where(r => r.MembreId != membre.Id), r => Assert.Equal(StatutResultat.DejaFacture, r.Statut));

        using var finances = await application.ConnecterAsync(Comptes.Finances);
        var url = $"/campagnes/{campagne}";
        var emission = await finances.SoumettreAsync(url, [], $"{url}/emettre");
        Assert.Equal(HttpStatusCode.Redirect, emission.Statut);
        var titre = await application.ExecuterAsync(db => db.TitresRecette.AsNoTracking().SingleAsync(t => t.MembreId == membre.Id));
        Assert.Equal((StatutTitre.Emis, 5532.50m, 2026), (titre.Statut, titre.Total.Euros, titre.Exercice));
        var emise = await application.LireCampagneAsync(campagne);
        Assert.Equal((StatutResultat.DejaFacture, "Titre émis par la campagne."), emise.Resultats.Where(r => r.MembreId == membre.Id).Select(r => (r.Statut, r.Motif)).Single());
        Assert.Equal("Titres émis", emise.Evenements[^1].Libelle);
        Assert.Contains($"bordereau n° {titre.BordereauNumero}", emise.Evenements[^1].Detail, StringComparison.Ordinal);
        var page = await finances.GetAsync(url);
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/titres/{titre.Id}/pdf");
        Assert.Contains(page.Document.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/titres/export.csv?exercice=2026&bordereau={titre.BordereauNumero}");
        Assert.Equal(HttpStatusCode.OK, (await finances.GetAsync($"/titres/{titre.Id}/pdf")).Statut);

        var relance = await application.CalculerCampagneAsync(campagne);

        var apres = relance.Resultats.Single(r => r.MembreId == membre.Id);
        Assert.Equal((StatutResultat.DejaFacture, titre.Id), (apres.Statut, apres.TitreId));
        var titres = await application.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Where(t => t.MembreId == membre.Id).ToListAsync());
        Assert.Equal(titre.Id, Assert.Single(titres).Id);
        Assert.Equal(1, await application.ExecuterAsync(db => db.AvisTitres.CountAsync(a => a.TitreId == titre.Id)));

        // Nothing is ready any more: no issue button, and a replayed POST issues nothing, saying why.
        var revue = await finances.GetAsync(url);
        Assert.Null(revue.Document.QuerySelector($"form[action='{url}/emettre']"));
        var jeton = revue.Document.QuerySelector($"form[action='{url}/calculer'] input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var rien = await finances.PostAsync($"{url}/emettre", [], jeton);
        Assert.Equal(HttpStatusCode.Redirect, rien.Statut);
        Assert.Contains("Aucun titre prêt", (await finances.GetAsync(url)).TexteVisible, StringComparison.Ordinal);
        Assert.Empty(await application.ExecuterAsync(db => db.TitresRecette.Where(t => t.CampagneId == campagne && t.Statut == StatutTitre.Brouillon).ToListAsync()));
    }

    [Fact]
    public async Task Un_service_deja_facture_par_un_autre_titre_est_laisse_hors_du_titre_de_la_campagne()
    {
        var membre = await CommuneAsync(portail, 2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        await LivrerAuditAsync(portail, membre.Id, new DateOnly(2024, 3, 10));
        await ChoisirAsync(agent, membre.Id, "01/01/2025");
        var budget = await portail.ExecuterAsync(db => db.ParametresEmetteur.Select(p => p.CodeBudget).FirstAsync());
        // An ordinary titre issued outside the campaign for the same service and exercice facturé (2025 → issued in 2026).
        await portail.ExecuterAsync(async db =>
        {
            Assert.Null(TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, "Mairie"), 2026, 2025, budget!, "Socle facturé à part", "Test",
                [new LignePrevue("Socle complet", "Bases", new Montant(100m), CataloguesDeReference.Socle, "70876", "020")], Test, portail.Horloge.GetUtcNow(), out var titre));
            db.TitresRecette.Add(titre!);
            await db.SaveChangesAsync();
            await TitresDeTest.EmettreAsync(db, [titre!.Id], portail.Horloge.GetUtcNow(), DateOnly.FromDateTime(PortailFactory.Maintenant.Date));
            return 0;
        });

        var calcul = await portail.CalculerCampagneAsync(await portail.OuvrirCampagneAsync(2025, Budget()));

        var resultat = calcul.Resultats.Single(r => r.MembreId == membre.Id);
        Assert.Equal((StatutResultat.DejaFacture, (int?)null), (resultat.Statut, resultat.TitreId));
        Assert.Contains(resultat.ListeAvertissements, a => a.StartsWith("Déjà facturé par le titre n°", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cccf_le_prorata_par_douziemes_et_le_stockage_mois_par_mois_viennent_des_souscriptions_enregistrees()
    {
        using var cccf = PortailFactory.SurUneNouvelleBase();
        cccf.Reglages["Demo:Profil"] = "coeur-cote-fleurie";
        var membre = await CommuneAsync(cccf, 3000);
        await cccf.AjouterConventionAsync(membre.Id, ModeleConvention.ConventionGlobale, StatutConvention.EnVigueur);
        await SouscrireAsync(cccf, membre.Id, "MESSAGERIE", new DateOnly(2026, 5, 1), null);
        var stockage = await SouscrireAsync(cccf, membre.Id, "STOCKAGE", new DateOnly(2026, 1, 1), new QuantiteInitiale(Quantites.Stockage, 200m));
        await cccf.ExecuterAsync(async db =>
        {
            var adhesion = await db.Set<Adhesion>().SingleAsync(a => a.MembreId == membre.Id);
            Assert.Null(adhesion.ChangerQuantite(stockage, new DateOnly(2026, 7, 1), 500m, Test, cccf.Horloge.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        var calcul = await cccf.CalculerCampagneAsync(await cccf.OuvrirCampagneAsync(2026, Budget()));

        var resultat = calcul.Resultats.Single(r => r.MembreId == membre.Id);
        Assert.Equal(StatutResultat.Pret, resultat.Statut);
        var titre = await cccf.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.Id == resultat.TitreId));
        Assert.Equal(840.00m, titre.Lignes.Where(l => l.CodeService == "STOCKAGE").Sum(l => l.Montant.Euros));
        Assert.Equal(800.00m, titre.Lignes.Where(l => l.CodeService == "MESSAGERIE").Sum(l => l.Montant.Euros));
        Assert.Equal(1640.00m, titre.Total.Euros);
    }

    private static string Budget() => "T" + Guid.NewGuid().ToString("N")[..8];

    private static string Normaliser(string texte) => texte.Replace('\u202F', ' ').Replace('\u00A0', ' ');

    private Task<TitreDeRecette> TitreAsync(int id) =>
        portail.ExecuterAsync(db => db.TitresRecette.AsNoTracking().Include(t => t.Lignes).SingleAsync(t => t.Id == id));

    private static Dictionary<string, string?> Negociation(int membreId, string montant, string justification) => new()
    {
        ["MembreId"] = membreId.ToString(CultureInfo.InvariantCulture), ["CodeService"] = CataloguesDeReference.Socle, ["Montant"] = montant, ["Justification"] = justification,
    };

    private static async Task<Membre> CommuneAsync(PortailFactory application, int population, bool millesime2022 = true)
    {
        var membre = Jeux.Commune(population: population);
        if (millesime2022)
        {
            membre.EnregistrerPopulation(2022, population, population - 10, "test");
        }

        await application.ExecuterAsync(async db =>
        {
            db.Membres.Add(membre);
            return await db.SaveChangesAsync();
        });
        return membre;
    }

    /// <summary>An audit of the member carried out through its workflow, its report delivered on the given day (the socle complet requires one).</summary>
    private static Task<int> LivrerAuditAsync(PortailFactory application, int membreId, DateOnly le) => application.ExecuterAsync(async db =>
    {
        db.Audits.Add(Features.Audits.SemisAudits.Livre(membreId, "Commune de test", "35999", le, application.Horloge.GetUtcNow(), DateOnly.FromDateTime(PortailFactory.Maintenant.Date)));
        return await db.SaveChangesAsync();
    });

    private static async Task<Session.Page> ChoisirAsync(Session session, int membreId, string dateEffet)
    {
        var page = await session.SoumettreAsync($"/membres/{membreId}/adhesion/formule", new()
        {
            ["CodeFormule"] = "socle-complet", ["DateEffet"] = dateEffet, ["ActeNature"] = "Deliberation", ["ActeNumero"] = "2024-31", ["ActeDate"] = "20/12/2024",
        });
        Assert.True(page.Statut == HttpStatusCode.Redirect, string.Join(" | ", page.Document.QuerySelectorAll(".invalid-feedback, .alert-danger").Select(e => e.TextContent.Trim())));
        return page;
    }

    /// <summary>Records a subscription through the aggregate (as AdhesionsTests does); returns its id.</summary>
    private static Task<int> SouscrireAsync(PortailFactory application, int membreId, string service, DateOnly debut, QuantiteInitiale? quantite) => application.ExecuterAsync(async db =>
    {
        var convention = await db.Conventions.Where(c => c.MembreId == membreId).OrderBy(c => c.Id).Select(c => new { c.DateEffet, c.DateSortie }).FirstAsync();
        var adhesion = await db.Set<Adhesion>().FirstOrDefaultAsync(a => a.MembreId == membreId) ?? db.Set<Adhesion>().Add(new Adhesion(membreId)).Entity;
        Assert.Null(adhesion.Souscrire(service, service, debut, null, new ActeAdhesion(NatureActe.Deliberation, "2024-99", new DateOnly(2024, 12, 1)), quantite,
            new CadreAdhesion(convention.DateEffet, convention.DateSortie, null, new DateOnly(2026, 10, 15)), Test, application.Horloge.GetUtcNow()));
        await db.SaveChangesAsync();
        return adhesion.Souscriptions.Single(s => s.CodeService == service).Id;
    });
}
