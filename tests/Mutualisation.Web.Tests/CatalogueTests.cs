using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class CatalogueTests(PortailFactory portail)
{
    private const int Courant = PortailFactory.Exercice;

    private static string Texte(int valeur) => valeur.ToString(CultureInfo.InvariantCulture);

    private static Task<int> VersionVoteeAsync(PortailFactory p, int exercice) =>
        p.ExecuterAsync(db => db.VersionsCatalogue.Where(v => v.Exercice == exercice && v.Statut == StatutVersion.Votee).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());

    [Fact]
    public async Task Le_jeu_de_demonstration_a_les_tarifs_de_Redon_votes_pour_l_exercice_courant_et_le_precedent()
    {
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var liste = await finances.GetAsync("/catalogue");
        Assert.Contains($"Catalogue {Courant}", liste.TexteVisible, StringComparison.Ordinal);
        Assert.Contains($"Catalogue {Courant - 1}", liste.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("En vigueur", liste.TexteVisible, StringComparison.Ordinal);

        var detail = await finances.GetAsync($"/catalogue/{await VersionVoteeAsync(portail, Courant)}");
        Assert.Equal(HttpStatusCode.OK, detail.Statut);
        Assert.Matches("2[\u202f\u00a0 ]000,00 €", detail.TexteVisible);
        Assert.Contains("1,50 € / habitant", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains($"CC_{Courant}_DEMO", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Population totale", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Null(detail.Document.QuerySelector("a[href$='/voter']"));
    }

    [Fact]
    public async Task Copier_modifier_puis_voter_en_cours_d_annee_change_le_tarif_que_simule_le_portail()
    {
        using var autre = PortailFactory.SurUneNouvelleBase();
        using var finances = await autre.ConnecterAsync(Comptes.Finances);
        var source = await VersionVoteeAsync(autre, Courant);

        var copie = await finances.SoumettreAsync("/catalogue", new() { ["source"] = Texte(source), ["exercice"] = Texte(Courant) }, "/catalogue/copier");
        Assert.Equal(HttpStatusCode.Redirect, copie.Statut);
        var brouillon = int.Parse(copie.Redirection!.Split('/')[^1], CultureInfo.InvariantCulture);
        var socle = (await autre.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Id;

        var url = $"/catalogue/{brouillon}/services/{socle}/composantes/1/modifier";
        var formulaire = await finances.GetAsync(url);
        var champs = formulaire.ChampsDuFormulaire(url);
        Assert.Equal("1,5", champs["Taux"]);
        champs["Taux"] = "1,60";
        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(url, champs)).Statut);

        var vote = $"/catalogue/{brouillon}/voter";
        var sansEffet = await finances.SoumettreAsync(vote, new() { ["Numero"] = "CC_TEST_88", ["Le"] = $"10/06/{Courant}" });
        Assert.Equal(HttpStatusCode.OK, sansEffet.Statut);
        Assert.Contains("vote en cours d'année", sansEffet.ErreurDuChamp("EnVigueurLe"), StringComparison.Ordinal);
        Assert.Equal("CC_TEST_88", sansEffet.ValeurDuChamp("Numero"));

        // Effective from the same date as the version already voted: which one prices would be arbitrary.
        var memeDate = await finances.SoumettreAsync(vote, new() { ["Numero"] = "CC_TEST_88", ["Le"] = $"15/01/{Courant}" });
        Assert.Equal(HttpStatusCode.OK, memeDate.Statut);
        Assert.Contains($"s'applique déjà à l'exercice {Courant} depuis le 01/01/{Courant}", memeDate.ErreurDuChamp("EnVigueurLe"), StringComparison.Ordinal);
        Assert.False((await autre.LireAsync(brouillon)).EstVotee);

        var vote2 = await finances.SoumettreAsync(vote, new() { ["Numero"] = "CC_TEST_88", ["Le"] = $"10/06/{Courant}", ["EnVigueurLe"] = $"01/07/{Courant}" });
        Assert.Equal(HttpStatusCode.Redirect, vote2.Statut);

        var liste = await finances.GetAsync("/catalogue");
        Assert.Contains($"Remplacée le 01/07/{Courant}", liste.TexteVisible, StringComparison.Ordinal);
        Assert.Single(liste.Document.QuerySelectorAll(".badge"), b => b.TextContent == "En vigueur" && b.Closest("tr")!.TextContent.Contains($"Catalogue {Courant}", StringComparison.Ordinal));
        Assert.Contains($"Remplacée le 01/07/{Courant}", (await finances.GetAsync($"/catalogue/{source}")).TexteVisible, StringComparison.Ordinal);

        var simulation = await autre.NouvelleSession().GetAsync($"/api/v1/simulation?population=2355&formule=socle-complet&annee=premiere&exercice={Courant}");
        Assert.Contains("\"total\":5768.00", simulation.Texte, StringComparison.Ordinal); // 2 000 + 2 355 × 1,60

        // Voted: read-only. The same form now bounces with the reason and changes nothing.
        var refus = await finances.PostAsync(url, champs, JetonDe(await finances.GetAsync($"/catalogue/{brouillon}")));
        Assert.Equal(HttpStatusCode.Redirect, refus.Statut);
        var apres = await finances.GetAsync($"/catalogue/{brouillon}");
        Assert.Contains("lecture seule", apres.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(1.60m, (await autre.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Composantes[1].Taux);
    }

    [Fact]
    public async Task Une_deliberation_datee_dans_le_futur_n_est_pas_enregistree()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync(Courant + 1);
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.SoumettreAsync($"/catalogue/{brouillon}/voter", new() { ["Numero"] = "CC_FUTUR", ["Le"] = $"15/01/{Courant + 1}" });
        Assert.Contains("à venir", page.ErreurDuChamp("Le"), StringComparison.Ordinal);
        Assert.Equal(StatutVersion.Brouillon, (await portail.LireAsync(brouillon)).Statut);
    }

    [Fact]
    public async Task Une_composante_mal_saisie_revient_avec_les_erreurs_a_cote_des_champs_et_rien_n_est_enregistre()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        var service = (await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Id;
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var url = $"/catalogue/{brouillon}/services/{service}/composantes/0/modifier";

        var page = await finances.SoumettreAsync(url, new()
        {
            ["Libelle"] = "part fixe", ["Nature"] = "ParTranche", ["Frequence"] = "Ponctuelle", ["Prorata"] = "Douziemes",
            ["Quantite"] = "population", ["Unite"] = "habitant", ["Taux"] = "abc", ["Montant"] = "12,345",
            ["Tranches[0].Libelle"] = "petites", ["Tranches[0].Minimum"] = "0", ["Tranches[0].MaximumExclu"] = "100", ["Tranches[0].Montant"] = "10",
            ["Tranches[1].Libelle"] = "grandes", ["Tranches[1].Minimum"] = "50", ["Tranches[1].Montant"] = "20",
        });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal("Un nombre (ex. 1,50).", page.ErreurDuChamp("Taux"));
        Assert.Contains("au centime près", page.ErreurDuChamp("Montant"), StringComparison.Ordinal);
        Assert.Contains("jamais proratisé", page.ErreurDuChamp("Prorata"), StringComparison.Ordinal);
        Assert.Contains("Chevauchement", page.Document.GetElementById("Tranches_1_Minimum-erreur")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("abc", page.ValeurDuChamp("Taux"));
        Assert.Equal("50", page.ValeurDuChamp("Tranches[1].Minimum"));
        var stocke = (await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Composantes[0];
        Assert.Equal((3, 0m), (stocke.Tranches.Count, stocke.Taux));
    }

    [Fact]
    public async Task Un_taux_a_six_decimales_est_garde_tel_quel_meme_apres_un_nouvel_enregistrement_et_au_dela_il_est_refuse()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        var service = (await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Id;
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var url = $"/catalogue/{brouillon}/services/{service}/composantes/1/modifier";

        var champs = (await finances.GetAsync(url)).ChampsDuFormulaire(url);
        champs["Taux"] = "0,123456";
        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(url, champs)).Statut);
        Assert.Equal(0.123456m, (await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Composantes[1].Taux);

        // Shown as stored, and an unchanged save stores the same rate.
        var relu = await finances.GetAsync(url);
        Assert.Equal("0,123456", relu.ValeurDuChamp("Taux"));
        Assert.Contains("0,123456 € / habitant", (await finances.GetAsync($"/catalogue/{brouillon}")).TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(url, relu.ChampsDuFormulaire(url))).Statut);
        Assert.Equal(0.123456m, (await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Composantes[1].Taux);

        // Beyond six decimals: refused beside the field, the input kept, nothing changed.
        champs["Taux"] = "0,1234567";
        var refus = await finances.SoumettreAsync(url, champs);
        Assert.Equal(HttpStatusCode.OK, refus.Statut);
        Assert.Contains("au plus 6 décimales", refus.ErreurDuChamp("Taux"), StringComparison.Ordinal);
        Assert.Equal("0,1234567", refus.ValeurDuChamp("Taux"));
        Assert.Equal(0.123456m, (await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "SOCLE").Composantes[1].Taux);
    }

    [Fact]
    public async Task Une_quantite_se_declare_sur_sa_page_et_un_code_mal_forme_revient_a_cote_du_champ()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var url = $"/catalogue/{brouillon}/quantites/nouvelle";

        var refus = await finances.SoumettreAsync(url, new() { ["Code"] = "Postes de travail", ["Libelle"] = "Postes de travail", ["UniteSingulier"] = "", ["Type"] = "Entiere" });
        Assert.Equal(HttpStatusCode.OK, refus.Statut);
        Assert.Contains("obligatoire", refus.ErreurDuChamp("UniteSingulier"), StringComparison.Ordinal);
        Assert.Equal("Postes de travail", refus.ValeurDuChamp("Code"));

        var code = await finances.SoumettreAsync(url, new() { ["Code"] = "Postes de travail", ["Libelle"] = "Postes de travail", ["UniteSingulier"] = "poste", ["UnitePluriel"] = "postes", ["Type"] = "Entiere" });
        Assert.Contains("minuscules", code.ErreurDuChamp("Code"), StringComparison.Ordinal);

        var accepte = await finances.SoumettreAsync(url, new() { ["Code"] = "postes", ["Libelle"] = "Postes de travail", ["UniteSingulier"] = "poste", ["UnitePluriel"] = "postes", ["Type"] = "Entiere" });
        Assert.Equal(HttpStatusCode.Redirect, accepte.Statut);
        var detail = await finances.GetAsync($"/catalogue/{brouillon}");
        Assert.Contains("1 poste, 2 postes", detail.TexteVisible, StringComparison.Ordinal);

        var quantite = (await portail.LireAsync(brouillon)).Quantite("postes")!.Id;
        var modifie = await finances.SoumettreAsync($"/catalogue/{brouillon}/quantites/{quantite}/modifier", new() { ["Code"] = "postes", ["Libelle"] = "Ordinateurs", ["UniteSingulier"] = "ordinateur", ["UnitePluriel"] = "ordinateurs", ["Type"] = "Entiere" });
        Assert.Equal(HttpStatusCode.Redirect, modifie.Statut);
        Assert.Equal("ordinateurs", (await portail.LireAsync(brouillon)).Quantite("postes")!.UnitePluriel);
        var retire = await finances.SoumettreAsync($"/catalogue/{brouillon}", [], $"/catalogue/{brouillon}/quantites/{quantite}/supprimer");
        Assert.Equal(HttpStatusCode.Redirect, retire.Statut);
        Assert.Null((await portail.LireAsync(brouillon)).Quantite("postes"));
    }

    [Fact]
    public async Task Sans_script_ajouter_une_tranche_rend_le_formulaire_avec_une_ligne_de_plus_et_la_saisie_gardee()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        var service = (await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "AUDIT").Id;
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var url = $"/catalogue/{brouillon}/services/{service}/composantes/nouvelle";
        var page = await finances.GetAsync(url);
        var lignes = page.Document.QuerySelectorAll("table[data-tranches] tbody tr").Length;
        var champs = page.ChampsDuFormulaire(url);
        champs["Libelle"] = "forfait par strate";
        champs["Tranches[0].Libelle"] = "petites";
        champs["action"] = "ajouter-tranche";

        var plus = await finances.SoumettreAsync(url, champs);
        Assert.Equal(HttpStatusCode.OK, plus.Statut);
        Assert.Equal(lignes + 1, plus.Document.QuerySelectorAll("table[data-tranches] tbody tr").Length);
        Assert.Equal("forfait par strate", plus.ValeurDuChamp("Libelle"));
        Assert.Equal("petites", plus.ValeurDuChamp("Tranches[0].Libelle"));
        Assert.Empty(plus.Document.QuerySelectorAll(".invalid-feedback"));
        Assert.Single((await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "AUDIT").Composantes);
    }

    [Fact]
    public async Task Un_service_au_code_deja_pris_ou_exonere_par_un_code_inconnu_est_refuse()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.SoumettreAsync($"/catalogue/{brouillon}/services/nouveau", new()
        {
            ["Code"] = "audit", ["Libelle"] = "Autre audit", ["Famille"] = "Test", ["ExonereSiAbonneA"] = "SOCLE, INCONNU",
        });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains("déjà utilisé", page.ErreurDuChamp("Code"), StringComparison.Ordinal);
        Assert.Contains("INCONNU", page.ErreurDuChamp("ExonereSiAbonneA"), StringComparison.Ordinal);
        Assert.Equal("Autre audit", page.ValeurDuChamp("Libelle"));
        Assert.Equal(3, (await portail.LireAsync(brouillon)).Services.Count);
    }

    [Fact]
    public async Task Une_formule_s_ajoute_a_un_brouillon_avec_des_services_existants_et_se_retire()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var url = $"/catalogue/{brouillon}/formules/nouvelle";

        var refus = await finances.SoumettreAsync(url, new() { ["Code"] = "audit-et-autre", ["Libelle"] = "Audit et socle", ["Services"] = "AUDIT, INCONNU" });
        Assert.Equal(HttpStatusCode.OK, refus.Statut);
        Assert.Contains("INCONNU", refus.ErreurDuChamp("Services"), StringComparison.Ordinal);
        Assert.Equal("Audit et socle", refus.ValeurDuChamp("Libelle"));
        var doublon = await finances.SoumettreAsync(url, new() { ["Code"] = "audit", ["Libelle"] = "Audit", ["Services"] = "AUDIT" });
        Assert.Contains("existe déjà", doublon.ErreurDuChamp("Code"), StringComparison.Ordinal);

        var ajout = await finances.SoumettreAsync(url, new() { ["Code"] = "audit-et-socle", ["Libelle"] = "Audit puis socle", ["Services"] = "audit + socle" });
        Assert.Equal(HttpStatusCode.Redirect, ajout.Statut);
        var formule = (await portail.LireAsync(brouillon)).Formules.Single(f => f.Code == "audit-et-socle");
        Assert.Equal(["AUDIT", "SOCLE"], formule.Services);

        var retrait = await finances.SoumettreAsync($"/catalogue/{brouillon}", [], $"/catalogue/{brouillon}/formules/{formule.Id}/supprimer");
        Assert.Equal(HttpStatusCode.Redirect, retrait.Statut);
        Assert.DoesNotContain((await portail.LireAsync(brouillon)).Formules, f => f.Code == "audit-et-socle");
    }

    [Fact]
    public async Task Une_annexe_PDF_est_deposee_et_relue_a_l_identique_un_autre_fichier_est_refuse_avec_la_raison()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);

        var depot = await DeposerAsync(finances, brouillon, "Annexe vidéo-protection", Catalogues.Pdf, "video.pdf");
        Assert.Equal(HttpStatusCode.Redirect, depot.Statut);
        var annexe = (await portail.LireAsync(brouillon)).Annexes.Single(a => a.Titre == "Annexe vidéo-protection");
        var telechargement = await finances.GetAsync($"/catalogue/{brouillon}/annexes/{annexe.Id}");
        Assert.Equal("application/pdf", telechargement.Reponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Catalogues.Pdf, await telechargement.Reponse.Content.ReadAsByteArrayAsync());

        await DeposerAsync(finances, brouillon, "Programme", [0x4D, 0x5A, 0x90, 0x00], "outil.exe");
        Assert.Contains("seuls les PDF, ODT et DOCX", (await finances.GetAsync($"/catalogue/{brouillon}")).TexteVisible, StringComparison.Ordinal);
        await DeposerAsync(finances, brouillon, "Faux PDF", "ceci n'est pas un PDF"u8.ToArray(), "faux.pdf");
        Assert.Contains("n'a pas le contenu d'un fichier .pdf", (await finances.GetAsync($"/catalogue/{brouillon}")).TexteVisible, StringComparison.Ordinal);
        Assert.Equal(2, (await portail.LireAsync(brouillon)).Annexes.Count);
    }

    [Fact]
    public async Task Une_mairie_lit_les_versions_votees_mais_ni_les_brouillons_ni_leur_modification()
    {
        var (brouillon, annexe) = await portail.AjouterBrouillonAvecAnnexeAsync();
        var commune = await portail.AjouterCommuneAsync();
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);

        var liste = await mairie.GetAsync("/catalogue");
        Assert.Contains($"Catalogue {Courant}", liste.TexteVisible, StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon", liste.TexteVisible, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await mairie.GetAsync($"/catalogue/{await VersionVoteeAsync(portail, Courant)}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/catalogue/{brouillon}")).Statut);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync($"/catalogue/{brouillon}/annexes/{annexe}")).Statut);
        Assert.Contains("/compte/acces-refuse", (await mairie.GetAsync($"/catalogue/{brouillon}/voter")).Redirection, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mairie.GetAsync("/catalogue/999999")).Statut);
    }

    [Fact]
    public async Task Un_brouillon_se_parametre_s_enrichit_puis_se_vide_et_se_supprime_par_ses_pages()
    {
        var (brouillon, annexe) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = $"/catalogue/{brouillon}";

        var trop = await finances.SoumettreAsync($"{page}/parametres", new() { ["Intitule"] = new string('x', 201), ["Population"] = "Municipale" });
        Assert.Equal("L'intitulé fait au plus 200 caractères.", trop.ErreurDuChamp("Intitule"));
        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync($"{page}/parametres", new() { ["Intitule"] = "Tarifs révisés", ["Population"] = "Municipale" })).Statut);

        var service = await finances.SoumettreAsync($"{page}/services/nouveau", new() { ["Code"] = "sig", ["Libelle"] = "SIG", ["Famille"] = "Applicatifs" });
        Assert.Equal(HttpStatusCode.Redirect, service.Statut);
        Assert.EndsWith("/composantes/nouvelle", service.Redirection, StringComparison.Ordinal);
        var composante = await finances.SoumettreAsync(service.Redirection!, new()
        {
            ["Libelle"] = "forfait", ["Nature"] = "Forfait", ["Frequence"] = "Annuelle", ["Prorata"] = "Douziemes",
            ["Quantite"] = "population", ["Unite"] = "an", ["Montant"] = "1 200,00", ["MontantPremiereAnnee"] = "1 500",
        });
        Assert.Equal(HttpStatusCode.Redirect, composante.Statut);

        var version = await portail.LireAsync(brouillon);
        Assert.Equal(("Tarifs révisés", ReferencePopulation.Municipale), (version.Intitule, version.Population));
        var sig = version.Services.Single(s => s.Code == "SIG");
        Assert.Equal((1200.00m, 1500.00m, Prorata.Douziemes), (sig.Composantes[0].Montant.Euros, sig.Composantes[0].MontantPremiereAnnee!.Value.Euros, sig.Composantes[0].Prorata));

        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(page, [], $"{page}/services/{sig.Id}/composantes/0/supprimer")).Statut);
        Assert.Empty((await portail.LireAsync(brouillon)).Services.Single(s => s.Code == "SIG").Composantes);
        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(page, [], $"{page}/services/{sig.Id}/supprimer")).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(page, [], $"{page}/annexes/{annexe}/supprimer")).Statut);
        version = await portail.LireAsync(brouillon);
        Assert.DoesNotContain(version.Services, s => s.Code == "SIG");
        Assert.Empty(version.Annexes);

        Assert.Equal(HttpStatusCode.Redirect, (await finances.SoumettreAsync(page, [], $"{page}/supprimer")).Statut);
        Assert.False(await portail.ExecuterAsync(db => db.VersionsCatalogue.AnyAsync(v => v.Id == brouillon)));
        Assert.Equal(HttpStatusCode.NotFound, (await finances.GetAsync(page)).Statut);
    }

    [Fact]
    public async Task Un_compte_sans_role_ne_lit_pas_les_brouillons()
    {
        var (brouillon, _) = await portail.AjouterBrouillonAvecAnnexeAsync();
        using var sansRole = await portail.ConnecterAsync(await portail.CreerAsync(role: null), Comptes.MotDePasse);

        Assert.Equal(HttpStatusCode.NotFound, (await sansRole.GetAsync($"/catalogue/{brouillon}")).Statut);
        Assert.Equal(HttpStatusCode.OK, (await sansRole.GetAsync($"/catalogue/{await VersionVoteeAsync(portail, Courant)}")).Statut);
    }

    [Fact]
    public async Task Les_montants_stockes_en_centimes_se_somment_exactement_en_SQL()
    {
        // 0,10 € three hundred times: 30,00 € exactly (a binary float would not give it).
        var composante = new ComposanteTarif("dixièmes", NatureComposante.ParTranche,
            Enumerable.Range(0, 300).Select(i => new TrancheTarif($"tranche {i}", i, i + 1, new Montant(0.10m))));
        var version = new VersionCatalogue(2095);
        var service = version.AjouterService(new DonneesService("CENTIMES", "Somme au centime", "Test"));
        version.DefinirComposante(service, null, composante);
        await portail.ExecuterAsync(async db =>
        {
            db.VersionsCatalogue.Add(version);
            return await db.SaveChangesAsync();
        });
        var composanteId = (await portail.LireAsync(version.Id)).Services[0].Composantes[0].Id;

        var centimes = await portail.ExecuterAsync(db => db.Database
            .SqlQuery<long>($"SELECT SUM(\"Montant\") AS \"Value\" FROM \"TranchesTarif\" WHERE \"ComposanteTarifId\" = {composanteId}")
            .SingleAsync());

        Assert.Equal(3000L, centimes);
        Assert.Equal(30.00m, Montant.DepuisCentimes(centimes).Euros);
        Assert.Equal(30.00m, (await portail.LireAsync(version.Id)).Services[0].Composantes[0].Tranches.Sum(t => t.Montant.Euros));
    }

    private static string JetonDe(Session.Page page) =>
        page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static async Task<Session.Page> DeposerAsync(Session session, int version, string titre, byte[] fichier, string nom)
    {
        var jeton = JetonDe(await session.GetAsync($"/catalogue/{version}"));
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(titre), "titre" },
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new ByteArrayContent(fichier), "fichier", nom },
        };
        return await session.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri($"/catalogue/{version}/annexes", UriKind.Relative)) { Content = contenu });
    }
}

[Collection(PortailCollection.Nom)]
public class ContributionsTests(PortailFactory portail)
{
    [Fact]
    public async Task La_projection_tarife_chaque_membre_et_compare_aux_ETP_du_modele()
    {
        using var finances = await portail.ConnecterAsync(Comptes.Finances);
        var page = await finances.GetAsync("/contributions?formule=socle-complet&annee=premiere");

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        var allaire = await portail.ExecuterAsync(db => db.Membres.SingleAsync(m => m.NomRecherche == "ALLAIRE"));
        // The projection's table (the real adhésions follow in a table of their own).
        var projection = page.Document.QuerySelector("table")!;
        var ligne = projection.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Allaire", StringComparison.Ordinal));
        Assert.Contains((2500m + (allaire.PopulationTotale!.Value * 1.5m)).ToString("#,##0.00 €", CultureInfo.GetCultureInfo("fr-FR")), ligne.TextContent, StringComparison.Ordinal);
        var redon = projection.QuerySelectorAll("tbody tr").Single(tr => tr.TextContent.Contains("Redon", StringComparison.Ordinal) && !tr.TextContent.Contains("Saint", StringComparison.Ordinal) && !tr.TextContent.Contains("Sainte", StringComparison.Ordinal));
        Assert.Contains("examen approfondi", redon.TextContent, StringComparison.Ordinal);
        Assert.Contains("ETP", page.TexteVisible, StringComparison.Ordinal);
        Assert.NotNull(page.Document.GetElementById("ecart"));
    }

    [Fact]
    public async Task Une_mairie_n_a_pas_acces_a_la_projection()
    {
        var commune = await portail.AjouterCommuneAsync();
        using var mairie = await portail.ConnecterAsync(await portail.CreerAsync(Roles.Mairie, commune.Id), Comptes.MotDePasse);
        Assert.Contains("/compte/acces-refuse", (await mairie.GetAsync("/contributions")).Redirection, StringComparison.Ordinal);
    }

    private const int Courant = PortailFactory.Exercice;

    private static string Texte(int valeur) => valeur.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Un_EPCI_sans_version_a_copier_cree_une_version_vierge_et_une_saisie_fausse_revient_avec_son_erreur()
    {
        using var autre = PortailFactory.SurUneNouvelleBase();
        using var finances = await autre.ConnecterAsync(Comptes.Finances);
        var liste = await finances.GetAsync("/catalogue");
        Assert.NotNull(liste.Document.QuerySelector("form[action='/catalogue/nouvelle']"));

        var refus = await finances.SoumettreAsync("/catalogue", new() { ["exerciceVierge"] = "20277", ["intitule"] = "Premier catalogue" }, "/catalogue/nouvelle");
        Assert.Equal(HttpStatusCode.OK, refus.Statut);
        Assert.Contains("L'exercice est une année entre", refus.ErreurDuChamp("exerciceVierge"), StringComparison.Ordinal);
        Assert.Equal("20277", refus.ValeurDuChamp("exerciceVierge"));
        Assert.Equal("Premier catalogue", refus.ValeurDuChamp("intitule"));

        var cree = await finances.SoumettreAsync("/catalogue", new() { ["exerciceVierge"] = Texte(Courant + 1), ["intitule"] = "Premier catalogue" }, "/catalogue/nouvelle");
        Assert.Equal(HttpStatusCode.Redirect, cree.Statut);
        var version = await autre.LireAsync(int.Parse(cree.Redirection!.Split('/')[^1], CultureInfo.InvariantCulture));
        Assert.Equal((Courant + 1, "Premier catalogue", false), (version.Exercice, version.Intitule, version.EstVotee));
        Assert.Empty(version.Services);

        // Who may create one: the isolation matrix (catalogue/nouvelle, GestionCatalogue).
    }
}
