using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Billing;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Web.Features.Adhesions;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// Adhésions recorded through the pages and priced from the stored facts (FaitsDesMembres.LireAdhesionsAsync and the
/// engine): the seed's worked example, the prior audit of the socle complet, the history of a change, CCCF storage and
/// prorata by twelfths, the convention's exit date, the API's shapes and its 422.
/// </summary>
[Collection(PortailCollection.Nom)]
public class AdhesionsTests(PortailFactory portail)
{
    private static readonly Auteur Test = new(null, "Test");

    [Fact]
    public async Task L_exemple_de_la_convention_se_calcule_depuis_les_faits_enregistres_2032_50_puis_5532_50()
    {
        var membre = await CommuneAsync(2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await LivrerAuditAsync(membre.Id, new DateOnly(2025, 3, 10));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var reponse = await ChoisirAsync(agent, membre.Id, "socle-complet", "01/06/2025", "Deliberation", "2025-31", "20/05/2025");

        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
        using var premiere = JsonDocument.Parse((await agent.GetAsync($"/api/v1/membres/{membre.CodeInsee}/contribution?exercice=2025")).Texte);
        Assert.Equal("2032.50", premiere.RootElement.GetProperty("total").GetRawText());
        Assert.Equal("premiere", premiere.RootElement.GetProperty("annee").GetString());
        Assert.Equal("socle-complet", premiere.RootElement.GetProperty("formule").GetString());
        Assert.Equal(2355, premiere.RootElement.GetProperty("population").GetInt32());
        var lignes = premiere.RootElement.GetProperty("lignes").EnumerateArray().ToList();
        Assert.Contains(lignes, l => l.GetProperty("libelle").GetString()!.StartsWith("Déduction", StringComparison.Ordinal) && l.GetProperty("montant").GetRawText() == "-3500.00");
        using var suivante = JsonDocument.Parse((await agent.GetAsync($"/api/v1/membres/{membre.CodeInsee}/contribution?exercice=2026")).Texte);
        Assert.Equal("5532.50", suivante.RootElement.GetProperty("total").GetRawText());
        Assert.Equal("suivante", suivante.RootElement.GetProperty("annee").GetString());

        // The same lines on the contributions page, beside the projection, and on the member's adhésion page.
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.GetAsync("/contributions?exercice=2025");
        var bloc = page.Document.QuerySelectorAll("tbody.contribution-reelle").Single(t => t.GetAttribute("data-membre") == membre.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("2 032,50 €", bloc.QuerySelector(".total-reel")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.Contains("Socle complet du 01/06/2025", bloc.TextContent, StringComparison.Ordinal);
        var adhesion = await agent.GetAsync($"/membres/{membre.Id}/adhesion");
        Assert.Contains("5 532,50", adhesion.Document.QuerySelector(".total-contribution")!.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_jours_N1_saisis_dans_les_missions_au_dela_de_la_franchise_s_ajoutent_a_la_contribution_de_l_exercice()
    {
        var membre = await CommuneAsync(2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await LivrerAuditAsync(membre.Id, new DateOnly(2025, 3, 10));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirAsync(agent, membre.Id, "socle-complet", "01/06/2025", "Deliberation", "2025-33", "20/05/2025")).Statut);

        // 4,5 days included from 1 500 to under 3 000 inhabitants; 5 days recorded in 2026, and 2 in 2025 that 2026 does not count.
        await portail.AjouterMissionAsync(membre.Id, Domain.Missions.StatutMission.EnCours, new DateOnly(2025, 1, 2),
            (new DateOnly(2025, 12, 1), 1m), (new DateOnly(2025, 12, 2), 1m),
            (new DateOnly(2026, 2, 2), 1m), (new DateOnly(2026, 2, 3), 1m), (new DateOnly(2026, 2, 4), 1m), (new DateOnly(2026, 2, 5), 1m), (new DateOnly(2026, 2, 9), 1m));

        using var reponse = JsonDocument.Parse((await agent.GetAsync($"/api/v1/membres/{membre.CodeInsee}/contribution?exercice=2026")).Texte);
        Assert.Equal("5732.50", reponse.RootElement.GetProperty("total").GetRawText());
        Assert.Contains(reponse.RootElement.GetProperty("lignes").EnumerateArray(), l => l.GetProperty("montant").GetRawText() == "200.00");
    }

    [Fact]
    public async Task Le_socle_complet_est_refuse_sans_audit_livre_avec_le_motif_a_cote_du_champ_et_la_saisie_gardee()
    {
        var membre = await CommuneAsync(2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var reponse = await ChoisirAsync(agent, membre.Id, "socle-complet", "01/06/2025", "Deliberation", "2025-32", "20/05/2025");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.Statut);
        Assert.Contains("audit préalable", reponse.ErreurDuChamp("CodeFormule"), StringComparison.Ordinal);
        Assert.Equal("01/06/2025", reponse.ValeurDuChamp("DateEffet"));
        Assert.Equal("2025-32", reponse.ValeurDuChamp("ActeNumero"));
        Assert.Equal(0, await portail.ExecuterAsync(db => db.Set<Adhesion>().CountAsync(a => a.MembreId == membre.Id)));

        // An audit delivered after the date d'effet is not a prior audit.
        await LivrerAuditAsync(membre.Id, new DateOnly(2025, 7, 1));
        var apres = await ChoisirAsync(agent, membre.Id, "socle-complet", "01/06/2025", "Deliberation", "2025-32", "20/05/2025");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, apres.Statut);
        Assert.Contains("postérieur à la date d'effet", apres.ErreurDuChamp("DateEffet"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Un_changement_de_formule_termine_le_choix_precedent_la_veille_et_garde_l_historique()
    {
        var membre = await CommuneAsync(1800);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await LivrerAuditAsync(membre.Id, new DateOnly(2025, 3, 20));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var parDecision = await ChoisirAsync(agent, membre.Id, "groupement-achats", "01/01/2025", "Decision", "D-2024-9", "10/12/2024");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, parDecision.Statut);
        Assert.Contains("délibération", parDecision.ErreurDuChamp("ActeNature"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirAsync(agent, membre.Id, "groupement-achats", "01/01/2025", "Deliberation", "2024-80", "10/12/2024")).Statut);
        var avant = await ChoisirAsync(agent, membre.Id, "socle-complet", "01/01/2025", "Decision", "D-2025-4", "10/06/2025");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, avant.Statut);
        Assert.NotNull(avant.ErreurDuChamp("DateEffet"));
        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirAsync(agent, membre.Id, "socle-complet", "01/07/2025", "Decision", "D-2025-4", "10/06/2025")).Statut);

        using var json = JsonDocument.Parse((await agent.GetAsync($"/api/v1/membres/{membre.CodeInsee}/adhesions")).Texte);
        var formules = json.RootElement.GetProperty("formules").EnumerateArray().ToList();
        Assert.Equal(2, formules.Count);
        Assert.Equal(("groupement-achats", "2025-01-01", "2025-06-30", "deliberation"),
            (formules[0].GetProperty("code").GetString(), formules[0].GetProperty("dateEffet").GetString(), formules[0].GetProperty("dateFin").GetString(),
                formules[0].GetProperty("acte").GetProperty("nature").GetString()));
        Assert.Equal(("socle-complet", "2025-07-01", JsonValueKind.Null, "decision", "D-2025-4"),
            (formules[1].GetProperty("code").GetString(), formules[1].GetProperty("dateEffet").GetString(), formules[1].GetProperty("dateFin").ValueKind,
                formules[1].GetProperty("acte").GetProperty("nature").GetString(), formules[1].GetProperty("acte").GetProperty("numero").GetString()));
        var page = await agent.GetAsync($"/membres/{membre.Id}/adhesion");
        Assert.Equal(2, page.Document.QuerySelectorAll("tr.choix-formule").Length);
        Assert.Contains("30/06/2025", page.Document.QuerySelectorAll("tr.choix-formule")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Les_erreurs_de_saisie_reviennent_a_cote_des_champs_avec_la_saisie()
    {
        var membre = await CommuneAsync(2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var avantConvention = await ChoisirAsync(agent, membre.Id, "groupement-achats", "01/01/2020", "Deliberation", "2019-1", "10/12/2019");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, avantConvention.Statut);
        Assert.Contains("date d'effet de la convention (08/07/2024)", avantConvention.ErreurDuChamp("DateEffet"), StringComparison.Ordinal);

        var url = $"/membres/{membre.Id}/adhesion/services/nouveau";
        var pasLe1er = await agent.SoumettreAsync(url, Service("GROUPEMENTS", "15/03/2026", null, null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pasLe1er.Statut);
        Assert.Contains("1er d'un mois", pasLe1er.ErreurDuChamp("Debut"), StringComparison.Ordinal);
        Assert.Equal("15/03/2026", pasLe1er.ValeurDuChamp("Debut"));

        var finAvant = await agent.SoumettreAsync(url, Service("GROUPEMENTS", "01/03/2026", "28/02/2026", null));
        Assert.Contains("ne peut pas précéder le début", finAvant.ErreurDuChamp("Fin"), StringComparison.Ordinal);

        var quantite = await agent.SoumettreAsync(url, Service("GROUPEMENTS", "01/03/2026", null, "beaucoup"));
        Assert.Contains("nombre positif", quantite.ErreurDuChamp("Quantite"), StringComparison.Ordinal);
        Assert.Equal("beaucoup", quantite.ValeurDuChamp("Quantite"));

        var inconnu = await agent.GetAsync($"/membres/{int.MaxValue}/adhesion");
        Assert.Equal(HttpStatusCode.NotFound, inconnu.Statut);
        Assert.Contains("introuvable", inconnu.TexteVisible, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Le_stockage_change_en_cours_d_annee_est_facture_mois_par_mois_sur_les_allocations_enregistrees()
    {
        var membre = await CommuneAsync(3000);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ConventionGlobale, StatutConvention.EnVigueur);
        var souscription = await SouscrireAsync(membre.Id, "STOCKAGE", new DateOnly(2026, 1, 1), new QuantiteInitiale(Quantites.Stockage, 200m));
        await portail.ExecuterAsync(async db =>
        {
            var adhesion = await db.Set<Adhesion>().SingleAsync(a => a.MembreId == membre.Id);
            Assert.Null(adhesion.ChangerQuantite(souscription, new DateOnly(2026, 7, 1), 500m, Test, portail.Horloge.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        var contribution = await ContributionCccfAsync(membre.Id, 2026);

        Assert.Equal(840.00m, contribution.Contribution!.Total);
        Assert.Equal([(200m, 6, 240.00m), (500m, 6, 600.00m)], contribution.Contribution.Lignes.Select(l => (l.Bases.Quantite!.Value, l.Bases.MoisProrata!.Value, l.Montant)));
    }

    [Fact]
    public async Task Un_service_forfaitaire_commence_au_mois_m_est_facture_13_moins_m_douziemes()
    {
        var membre = await CommuneAsync(3000);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ConventionGlobale, StatutConvention.EnVigueur);
        await SouscrireAsync(membre.Id, "MESSAGERIE", new DateOnly(2026, 5, 1), null);

        var contribution = await ContributionCccfAsync(membre.Id, 2026);

        // 1 200 € a year from May: (13 − 5) / 12.
        Assert.Equal(800.00m, contribution.Contribution!.Total);
        Assert.Equal(8, contribution.Contribution.Lignes.Single().Bases.MoisProrata);
    }

    [Fact]
    public async Task Un_membre_sous_deux_conventions_a_la_fois_n_est_facture_qu_une_fois()
    {
        var membre = await CommuneAsync(3000);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ConventionGlobale, StatutConvention.EnVigueur);
        await SouscrireAsync(membre.Id, "MESSAGERIE", new DateOnly(2025, 1, 1), null);

        var contribution = await ContributionCccfAsync(membre.Id, 2026);

        Assert.Equal(1200.00m, contribution.Contribution!.Total);
        Assert.Single(contribution.Contribution.Lignes);
    }

    [Fact]
    public async Task Le_socle_complet_accepte_un_audit_livre_avant_sa_date_d_effet_meme_si_un_autre_est_livre_apres()
    {
        var membre = await CommuneAsync(2355);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await LivrerAuditAsync(membre.Id, new DateOnly(2025, 3, 10));
        await LivrerAuditAsync(membre.Id, new DateOnly(2026, 3, 10));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);

        var reponse = await ChoisirAsync(agent, membre.Id, "socle-complet", "01/06/2025", "Deliberation", "2025-34", "20/05/2025");

        Assert.Equal(HttpStatusCode.Redirect, reponse.Statut);
    }

    [Fact]
    public async Task La_facturation_s_arrete_a_la_date_de_sortie_de_la_convention()
    {
        var membre = await CommuneAsync(3000);
        var (convention, _) = await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await SouscrireAsync(membre.Id, "MESSAGERIE", new DateOnly(2025, 1, 1), null);
        Assert.Equal(1200.00m, (await ContributionCccfAsync(membre.Id, 2026)).Contribution!.Total);

        // Notice received on 1 February 2026, exit agreed in writing on 1 June 2026: billed January to May.
        await portail.ExecuterAsync(async db =>
        {
            var c = await db.Conventions.SingleAsync(x => x.Id == convention);
            Assert.Null(c.Denoncer(new DateOnly(2026, 2, 1), "LRAR test", AuteurDenonciation.Membre, new DateOnly(2026, 6, 1), "Accord du 15/02/2026",
                Test, portail.Horloge.GetUtcNow(), new DateOnly(2026, 10, 15)));
            return await db.SaveChangesAsync();
        });

        var contribution = await ContributionCccfAsync(membre.Id, 2026);

        Assert.Equal(500.00m, contribution.Contribution!.Total);
        Assert.Equal(5, contribution.Contribution.Lignes.Single().Bases.MoisProrata);
    }

    [Fact]
    public async Task Un_abonnement_se_termine_par_un_acte_et_n_est_plus_facture_apres_sa_fin()
    {
        var membre = await CommuneAsync(1200);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        var souscription = await SouscrireAsync(membre.Id, "MESSAGERIE", new DateOnly(2026, 1, 1), null);
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        var url = $"/membres/{membre.Id}/adhesion/services/{souscription}/fin";

        var avant = await agent.SoumettreAsync(url, new() { ["Fin"] = "31/12/2025", ["ActeNature"] = "Decision", ["ActeNumero"] = "D-2026-3", ["ActeDate"] = "01/03/2026" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, avant.Statut);
        Assert.Contains("précéder le début", avant.ErreurDuChamp("Fin"), StringComparison.Ordinal);
        Assert.Equal("31/12/2025", avant.ValeurDuChamp("Fin"));

        var fin = await agent.SoumettreAsync(url, new() { ["Fin"] = "31/03/2026", ["ActeNature"] = "Decision", ["ActeNumero"] = "D-2026-3", ["ActeDate"] = "01/03/2026" });

        Assert.Equal(HttpStatusCode.Redirect, fin.Statut);
        // 1 200 € a year, January to March.
        Assert.Equal(300.00m, (await ContributionCccfAsync(membre.Id, 2026)).Contribution!.Total);
        using var json = JsonDocument.Parse((await agent.GetAsync($"/api/v1/membres/{membre.CodeInsee}/adhesions")).Texte);
        Assert.Equal("2026-03-31", json.RootElement.GetProperty("services")[0].GetProperty("fin").GetString());
    }

    [Fact]
    public async Task L_API_de_contribution_repond_422_avec_le_motif_quand_les_regles_refusent_de_tarifer()
    {
        var membre = await CommuneAsync(9000);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
        await LivrerAuditAsync(membre.Id, new DateOnly(2025, 11, 3));
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        Assert.Equal(HttpStatusCode.Redirect, (await ChoisirAsync(agent, membre.Id, "socle-complet", "01/01/2026", "Deliberation", "2025-90", "10/12/2025")).Statut);

        var reponse = await agent.GetAsync($"/api/v1/membres/{membre.CodeInsee}/contribution?exercice=2026");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reponse.Statut);
        Assert.Equal("application/problem+json", reponse.Reponse.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(reponse.Texte);
        Assert.Contains("examen approfondi", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.GetAsync("/contributions?exercice=2026");
        var bloc = page.Document.QuerySelectorAll("tbody.contribution-reelle").Single(t => t.GetAttribute("data-membre") == membre.Id.ToString(CultureInfo.InvariantCulture));
        Assert.Contains("examen approfondi", bloc.QuerySelector(".refus-reel")!.TextContent, StringComparison.Ordinal);

        var sansExercice = await agent.GetAsync($"/api/v1/membres/{membre.CodeInsee}/contribution?exercice=abc");
        Assert.Equal(HttpStatusCode.BadRequest, sansExercice.Statut);
    }

    [Fact]
    public async Task Une_mairie_lit_ses_adhesions_et_sa_contribution_mais_jamais_celles_d_une_autre_commune()
    {
        var propre = await CommuneAsync(1200);
        var etrangere = await CommuneAsync(1300);
        foreach (var m in new[] { propre, etrangere })
        {
            await portail.AjouterConventionAsync(m.Id, ModeleConvention.ServiceCommun, StatutConvention.EnVigueur);
            await SouscrireAsync(m.Id, "GROUPEMENTS", new DateOnly(2026, 1, 1), null);
        }

        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, propre.Id), Comptes.MotDePasse);

        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/membres/{propre.Id}/adhesion")).Statut);
        var contribution = await mairie.GetAsync($"/api/v1/membres/{propre.CodeInsee}/contribution?exercice=2026");
        Assert.Equal(HttpStatusCode.OK, contribution.Statut);
        // 750 € + 1 200 × 0,25 €.
        Assert.Equal("1050.00", JsonDocument.Parse(contribution.Texte).RootElement.GetProperty("total").GetRawText());
        foreach (var url in new[] { $"/membres/{etrangere.Id}/adhesion", $"/api/v1/membres/{etrangere.CodeInsee}/adhesions", $"/api/v1/membres/{etrangere.CodeInsee}/contribution?exercice=2026" })
        {
            var page = await mairie.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, page.Statut);
            Assert.DoesNotContain(etrangere.Nom, page.Texte, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await mairie.GetAsync($"/membres/{propre.Id}/adhesion/formule")).Statut);
    }

    [Fact]
    public async Task Les_faits_de_tous_les_membres_se_lisent_en_un_nombre_constant_de_requetes()
    {
        var membre = await CommuneAsync(2000);
        await portail.AjouterConventionAsync(membre.Id, ModeleConvention.ConventionGlobale, StatutConvention.EnVigueur);
        await SouscrireAsync(membre.Id, "STOCKAGE", new DateOnly(2026, 1, 1), new QuantiteInitiale(Quantites.Stockage, 10m));
        var tarif = TarifCccf(2026);

        async Task<int> CompterAsync(IReadOnlyCollection<int>? membres)
        {
            // Only this flow's commands: another test or a background service on the shared database must not count.
            using var journal = new JournalSql(portail.Base, seulementCeFlux: true);
            await using var scope = portail.Services.CreateAsyncScope();
            var lus = await scope.ServiceProvider.GetRequiredService<FaitsDesMembres>().LireAdhesionsAsync(tarif, membres, CancellationToken.None);
            Assert.NotEmpty(lus);
            Assert.NotEmpty(journal.Commandes);
            return journal.Commandes.Count;
        }

        Assert.Equal(await CompterAsync([membre.Id]), await CompterAsync(null));
    }

    [Fact]
    public async Task Les_deux_profils_de_demonstration_ont_des_adhesions_tarifees_semees_une_seule_fois()
    {
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.GetAsync("/contributions?exercice=2026");
        var allaire = page.Document.QuerySelectorAll("tbody.contribution-reelle").Single(t => t.TextContent.Contains("Allaire", StringComparison.Ordinal));
        Assert.Contains("Déduction", allaire.TextContent, StringComparison.Ordinal);
        var redon = await portail.ExecuterAsync(db => db.Set<Adhesion>().AsNoTracking().ToListAsync());
        Assert.Contains(redon, a => a.Choix.Count == 2 && a.Choix.Any(c => c.ActeNature == NatureActe.Decision && c.CodeFormule == "socle-complet"));
        Assert.Contains(redon, a => a.Choix.Any(c => c.CodeFormule == "groupement-achats" && c.DateFin is null));

        using var cccf = PortailFactory.SurUneNouvelleBase();
        cccf.Reglages["Demo:Profil"] = "coeur-cote-fleurie";
        var trouville = await cccf.ExecuterAsync(db => db.Membres.Where(m => m.NomRecherche == "TROUVILLE SUR MER").Select(m => m.Id).SingleAsync());
        using var mairie = await cccf.ConnecterAsync("mairie@trouville-sur-mer.demo");
        using var json = JsonDocument.Parse((await mairie.GetAsync("/api/v1/membres/14715/contribution?exercice=2026")).Texte);
        var stockage = json.RootElement.GetProperty("lignes").EnumerateArray().Where(l => l.GetProperty("libelle").GetString()!.StartsWith("Stockage", StringComparison.Ordinal)).ToList();
        Assert.Equal([200m, 500m], stockage.Select(l => l.GetProperty("bases").GetProperty("quantite").GetDecimal()));
        var adhesions = await cccf.ExecuterAsync(db => db.Set<Adhesion>().CountAsync());
        Assert.True(adhesions >= 3, $"{adhesions} adhésions de démonstration");

        using var redemarre = PortailFactory.SurLaMemeBase(cccf);
        Assert.Equal(adhesions, await redemarre.ExecuterAsync(db => db.Set<Adhesion>().CountAsync()));
        Assert.True(trouville > 0);
    }

    [Fact]
    public async Task L_API_des_adhesions_est_decrite_en_francais_dans_le_document_OpenAPI()
    {
        using var agent = await portail.ConnecterAsync(Comptes.Agent);
        using var json = JsonDocument.Parse((await agent.GetAsync("/openapi/v1.json")).Texte);
        var chemins = json.RootElement.GetProperty("paths");

        Assert.StartsWith("Adhésions d'un membre", chemins.GetProperty("/api/v1/membres/{inseeCode}/adhesions").GetProperty("get").GetProperty("summary").GetString(), StringComparison.Ordinal);
        var contribution = chemins.GetProperty("/api/v1/membres/{inseeCode}/contribution").GetProperty("get");
        Assert.Contains("422", contribution.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(contribution.GetProperty("responses").TryGetProperty("422", out _));
    }

    private async Task<Membre> CommuneAsync(int population)
    {
        var membre = Jeux.Commune(population: population);
        membre.EnregistrerPopulation(2022, population, population - 10, "test");
        await portail.ExecuterAsync(async db =>
        {
            db.Membres.Add(membre);
            return await db.SaveChangesAsync();
        });
        return membre;
    }

    /// <summary>An audit of the member carried out through its workflow, its report delivered on the given day.</summary>
    private Task<int> LivrerAuditAsync(int membreId, DateOnly le) => portail.ExecuterAsync(async db =>
    {
        db.Audits.Add(Features.Audits.SemisAudits.Livre(membreId, "Commune de test", "35999", le, portail.Horloge.GetUtcNow(), DateOnly.FromDateTime(PortailFactory.Maintenant.Date)));
        return await db.SaveChangesAsync();
    });

    /// <summary>Records a subscription through the aggregate (the CCCF catalogue is not the demo's voted one); returns its id.</summary>
    private Task<int> SouscrireAsync(int membreId, string service, DateOnly debut, QuantiteInitiale? quantite) => portail.ExecuterAsync(async db =>
    {
        var convention = await db.Conventions.Where(c => c.MembreId == membreId).OrderBy(c => c.Id).Select(c => new { c.DateEffet, c.DateSortie }).FirstAsync();
        var adhesion = await db.Set<Adhesion>().FirstOrDefaultAsync(a => a.MembreId == membreId) ?? db.Set<Adhesion>().Add(new Adhesion(membreId)).Entity;
        Assert.Null(adhesion.Souscrire(service, service, debut, null, new ActeAdhesion(NatureActe.Deliberation, "2024-99", new DateOnly(2024, 12, 1)), quantite,
            new CadreAdhesion(convention.DateEffet, convention.DateSortie, null, new DateOnly(2026, 10, 15)), Test, portail.Horloge.GetUtcNow()));
        await db.SaveChangesAsync();
        return adhesion.Souscriptions.Single(s => s.CodeService == service).Id;
    });

    private static ExerciceTarifaire TarifCccf(int exercice)
    {
        var version = CataloguesDeReference.VersionCoeurCoteFleurie(exercice);
        return new ExerciceTarifaire(exercice, version, ConversionCatalogue.VersTarification(version), Domain.Membres.PopulationLegale.MillesimeEnVigueur(exercice), new DateOnly(2026, 10, 15));
    }

    /// <summary>The member's contribution priced with the CCCF example catalogue, from the stored facts.</summary>
    private async Task<ContributionReelle> ContributionCccfAsync(int membreId, int exercice)
    {
        await using var scope = portail.Services.CreateAsyncScope();
        var resultats = await scope.ServiceProvider.GetRequiredService<ContributionsReelles>().CalculerAsync(TarifCccf(exercice), [membreId], CancellationToken.None);
        var resultat = Assert.Single(resultats);
        Assert.True(resultat.Contribution is not null, resultat.Refus);
        return resultat;
    }

    private static Task<Session.Page> ChoisirAsync(Session session, int membreId, string formule, string dateEffet, string nature, string numero, string dateActe) =>
        session.SoumettreAsync($"/membres/{membreId}/adhesion/formule", new()
        {
            ["CodeFormule"] = formule, ["DateEffet"] = dateEffet, ["ActeNature"] = nature, ["ActeNumero"] = numero, ["ActeDate"] = dateActe,
        });

    private static Dictionary<string, string?> Service(string code, string debut, string? fin, string? quantite) => new()
    {
        ["CodeService"] = code, ["Debut"] = debut, ["Fin"] = fin, ["Quantite"] = quantite, ["ActeNature"] = "Deliberation", ["ActeNumero"] = "2026-5", ["ActeDate"] = "01/02/2026",
    };
}
