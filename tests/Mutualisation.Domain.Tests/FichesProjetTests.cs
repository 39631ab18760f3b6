using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.FichesProjet;

namespace Mutualisation.Domain.Tests;

/// <summary>The fiche projet's workflow (issue 11): each transition allowed and refused, drafts, versions, decisions.</summary>
public class FichesProjetTests
{
    private static readonly Auteur Secretaire = new("u-mairie", "Sophie Secrétaire");
    private static readonly Auteur Dsi = new("u-dsi", "Denis DSI");
    private static readonly DateTimeOffset Quand = new(2026, 10, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly AujourdHui = new(2026, 10, 15);

    private static readonly ContenuFiche Complet = new()
    {
        DirectionPilote = "Secrétariat général",
        Type = TypeProjet.Sectoriel,
        Redacteur = "Sophie Secrétaire",
        Origine = "Les actes d'état civil sont saisis sur un logiciel qui n'est plus maintenu.",
        Demandeur = "Le maire",
        Enjeux = "Sécuriser l'état civil et dématérialiser les échanges avec le COMEDEC.",
        Nature = NatureProjet.Isole,
        Description = "Remplacer le logiciel d'état civil par une solution maintenue.",
        PeriodeSouhaitee = "Premier semestre 2027",
        CoutInformatique = new Montant(4800m),
        CoutFormation = new Montant(600m),
        ObjectifsUsagers = "Délivrer les actes plus vite.",
        ObjectifsDirection = "Traçabilité des actes.",
        ObjectifsUtilisateurs = "Saisie guidée.",
        ConditionsReussite = "Disponibilité de l'agent d'état civil pendant la reprise des données.",
        IndicateursSuivi = "Délai moyen de délivrance d'un acte.",
    };

    private static string Numeroter(FicheProjet fiche, DateOnly jour) => $"FP-{jour.Year}-0042";

    private static FicheProjet Brouillon(ContenuFiche? contenu = null)
    {
        Assert.Null(FicheProjet.Creer(7, "Logiciel d'état civil", contenu ?? Complet, Secretaire, Quand, out var fiche));
        return fiche!;
    }

    private static FicheProjet Deposee()
    {
        var fiche = Brouillon();
        Assert.Empty(fiche.Deposer(null, Numeroter, Secretaire, Quand, AujourdHui));
        return fiche;
    }

    private static FicheProjet EnInstruction()
    {
        var fiche = Deposee();
        Assert.Null(fiche.PrendreEnInstruction(Dsi, Quand));
        return fiche;
    }

    private static FicheProjet EnCopil()
    {
        var fiche = EnInstruction();
        Assert.Null(fiche.EnregistrerInstruction(false, 6, "Aucun logiciel du portefeuille ne couvre l'état civil.", Dsi, Quand));
        Assert.Null(fiche.InscrireEnCopil(3, new DateOnly(2026, 10, 14), Dsi, Quand));
        return fiche;
    }

    [Fact]
    public void Un_brouillon_a_moitie_rempli_s_enregistre_puis_se_depose_une_fois_complete()
    {
        var fiche = Brouillon(new ContenuFiche { Description = "  Remplacer le logiciel d'état civil.  ", Enjeux = "   " });
        Assert.Equal(EtatFiche.Brouillon, fiche.Etat);
        Assert.Equal("Remplacer le logiciel d'état civil.", fiche.Contenu.Description);
        Assert.Null(fiche.Contenu.Enjeux);

        var manques = fiche.Deposer(null, Numeroter, Secretaire, Quand, AujourdHui);
        Assert.Contains(manques, r => r.Champ == nameof(ContenuFiche.Enjeux) && r.Message.Contains("Les enjeux", StringComparison.Ordinal));
        Assert.Contains(manques, r => r.Champ == nameof(ContenuFiche.DirectionPilote));
        Assert.DoesNotContain(manques, r => r.Champ == nameof(ContenuFiche.Description));
        Assert.DoesNotContain(manques, r => r.Champ == nameof(ContenuFiche.Incertitudes));
        Assert.Equal(EtatFiche.Brouillon, fiche.Etat);
        Assert.Empty(fiche.Versions);
        Assert.Null(fiche.Numero);

        Assert.Null(fiche.Enregistrer("Logiciel d'état civil", Complet, Secretaire, Quand));
        Assert.Empty(fiche.Deposer("Première version", Numeroter, Secretaire, Quand, AujourdHui));
        Assert.Equal((EtatFiche.Deposee, "FP-2026-0042", AujourdHui), (fiche.Etat, fiche.Numero, fiche.DeposeeLe));
        var version = Assert.Single(fiche.Versions);
        Assert.Equal((1, "1.0", "Sophie Secrétaire", "Première version"), (version.Numero, version.Libelle, version.UtilisateurNom, version.Commentaire));
        Assert.Equal(Complet, version.Contenu);
    }

    [Fact]
    public void Le_titre_est_exige_meme_pour_un_brouillon_et_un_texte_trop_long_est_refuse_avec_son_champ()
    {
        Assert.Equal("Titre", FicheProjet.Creer(7, "  ", Complet, Secretaire, Quand, out _)?.Champ);
        var refus = FicheProjet.Creer(7, "Projet", Complet with { Enjeux = new string('x', ContenuFiche.LongueurMaxLong + 1) }, Secretaire, Quand, out var fiche);
        Assert.Equal(nameof(ContenuFiche.Enjeux), refus?.Champ);
        Assert.Null(fiche);
        Assert.Equal(nameof(ContenuFiche.CoutFormation),
            FicheProjet.Creer(7, "Projet", Complet with { CoutFormation = new Montant(-1m) }, Secretaire, Quand, out _)?.Champ);
    }

    [Fact]
    public void Les_regles_croisees_du_depot_nomment_leur_champ()
    {
        var connexe = Brouillon(Complet with { Nature = NatureProjet.AvecProjetsConnexes });
        Assert.Contains(connexe.Deposer(null, Numeroter, Secretaire, Quand, AujourdHui), r => r.Champ == nameof(ContenuFiche.ProjetsConnexes));

        var finance = Brouillon(Complet with { MontantFinancementExterieur = new Montant(9000m), FinancementExterieur = "DETR" });
        Assert.Contains(finance.Deposer(null, Numeroter, Secretaire, Quand, AujourdHui),
            r => r.Champ == nameof(ContenuFiche.MontantFinancementExterieur) && r.Message.Contains("5\u202F400,00 €", StringComparison.Ordinal));
    }

    [Fact]
    public void La_dsi_demande_des_complements_la_commune_complete_et_redepose_une_version_2()
    {
        var fiche = EnInstruction();
        Assert.Equal("Demande", fiche.DemanderComplements(" ", Dsi, Quand)?.Champ);
        Assert.Null(fiche.DemanderComplements("Précisez le nombre d'actes par an.", Dsi, Quand));
        Assert.Equal(EtatFiche.EnConstruction, fiche.Etat);

        Assert.Null(fiche.Enregistrer("Logiciel d'état civil", Complet with { Origine = "Environ 300 actes par an ; logiciel non maintenu." }, Secretaire, Quand));
        Assert.Empty(fiche.Deposer("Nombre d'actes précisé", Numeroter, Secretaire, Quand, AujourdHui.AddDays(3)));
        Assert.Equal(EtatFiche.Deposee, fiche.Etat);
        Assert.Equal([1, 2], fiche.Versions.Select(v => v.Numero));
        Assert.Equal(AujourdHui, fiche.DeposeeLe);

        var differences = ChampFiche.Differences(fiche.Versions[0].Contenu, fiche.Versions[1].Contenu);
        var (champ, avant, apres) = Assert.Single(differences);
        Assert.Equal(nameof(ContenuFiche.Origine), champ.Nom);
        Assert.StartsWith("Les actes", avant, StringComparison.Ordinal);
        Assert.StartsWith("Environ 300", apres, StringComparison.Ordinal);
    }

    [Fact]
    public void Chaque_transition_hors_de_son_etat_est_refusee_sans_rien_changer()
    {
        var brouillon = Brouillon();
        Assert.NotNull(brouillon.PrendreEnInstruction(Dsi, Quand));
        Assert.NotNull(brouillon.DemanderComplements("Pourquoi ?", Dsi, Quand));
        Assert.NotNull(brouillon.InscrireEnCopil(1, AujourdHui, Dsi, Quand));
        Assert.NotNull(brouillon.Decider(DecisionCopil.Acceptee, "Oui", AujourdHui, 2027, Dsi, Quand, AujourdHui));
        Assert.NotNull(brouillon.EnregistrerInstruction(true, 3, null, Dsi, Quand));

        var deposee = Deposee();
        Assert.NotNull(deposee.Enregistrer("Autre titre", Complet, Secretaire, Quand));
        Assert.Single(deposee.Deposer(null, Numeroter, Secretaire, Quand, AujourdHui));
        Assert.Equal("Logiciel d'état civil", deposee.Titre);

        // Before the COPIL, the DSI says whether the existing covers the need and estimates the duration.
        var instruite = EnInstruction();
        Assert.Equal("DureeEstimeeMois", instruite.InscrireEnCopil(1, AujourdHui, Dsi, Quand)?.Champ);
        Assert.Equal("DureeEstimeeMois", instruite.EnregistrerInstruction(false, 0, null, Dsi, Quand)?.Champ);

        var acceptee = EnCopil();
        Assert.Null(acceptee.Decider(DecisionCopil.Acceptee, "Besoin partagé par trois communes.", AujourdHui, 2027, Dsi, Quand, AujourdHui));
        Assert.NotNull(acceptee.Decider(DecisionCopil.Refusee, "Finalement non", AujourdHui, null, Dsi, Quand, AujourdHui));
        Assert.NotNull(acceptee.DemanderComplements("Encore ?", Dsi, Quand));
        Assert.NotNull(acceptee.Enregistrer("Autre", Complet, Secretaire, Quand));
        Assert.Equal(EtatFiche.Acceptee, acceptee.Etat);
    }

    [Fact]
    public void Une_decision_exige_sa_motivation_et_une_acceptation_son_annee_au_schema_directeur()
    {
        var fiche = EnCopil();
        Assert.Equal("Motivation", fiche.Decider(DecisionCopil.Refusee, "  ", AujourdHui, null, Dsi, Quand, AujourdHui)?.Champ);
        Assert.Equal("AnneeSchemaDirecteur", fiche.Decider(DecisionCopil.Acceptee, "Utile", AujourdHui, null, Dsi, Quand, AujourdHui)?.Champ);
        Assert.Equal("AnneeSchemaDirecteur", fiche.Decider(DecisionCopil.Acceptee, "Utile", AujourdHui, 2025, Dsi, Quand, AujourdHui)?.Champ);
        Assert.Equal("DecideeLe", fiche.Decider(DecisionCopil.Refusee, "Non", AujourdHui.AddDays(1), null, Dsi, Quand, AujourdHui)?.Champ);
        Assert.Equal(EtatFiche.PresenteeCopil, fiche.Etat);

        Assert.Null(fiche.Decider(DecisionCopil.Ajournee, "Attendre le budget 2027.", AujourdHui, null, Dsi, Quand, AujourdHui));
        Assert.Equal((EtatFiche.Ajournee, DecisionCopil.Ajournee, (int?)null), (fiche.Etat, fiche.Decision, fiche.AnneeSchemaDirecteur));

        // An adjourned fiche comes back before a later COPIL and is accepted there.
        Assert.Null(fiche.InscrireEnCopil(4, AujourdHui, Dsi, Quand));
        Assert.Null(fiche.Decider(DecisionCopil.Acceptee, "Budget voté.", AujourdHui, 2027, Dsi, Quand, AujourdHui));
        Assert.Equal((EtatFiche.Acceptee, 2027, 4), (fiche.Etat, fiche.AnneeSchemaDirecteur!.Value, fiche.SeanceCopilId!.Value));
        Assert.Equal(
            ["Brouillon créé", "Fiche déposée", "Prise en instruction", "Instruction mise à jour", "Inscrite à l'ordre du jour du COPIL",
             "Ajournée par le COPIL", "Inscrite à l'ordre du jour du COPIL", "Acceptée par le COPIL, planifiée en 2027"],
            fiche.Evenements.Select(e => e.Libelle));
        Assert.All(fiche.Evenements, e => Assert.False(string.IsNullOrEmpty(e.UtilisateurNom)));
    }

    [Fact]
    public void Les_notes_d_instruction_et_les_rapprochements_ne_sont_pas_montres_a_la_commune()
    {
        var fiche = EnInstruction();
        Assert.Null(fiche.EnregistrerInstruction(true, 2, "Le logiciel mutualisé couvre le besoin.", Dsi, Quand));
        fiche.Suggerer(99, 0.61, Quand);
        fiche.Suggerer(99, 0.7, Quand);
        Assert.Single(fiche.Liens);
        Assert.False(fiche.Mutualisable);

        Assert.Null(fiche.Qualifier(99, confirme: true, Dsi, Quand));
        Assert.True(fiche.Mutualisable);
        Assert.Null(fiche.Qualifier(99, confirme: false, Dsi, Quand));
        Assert.False(fiche.Mutualisable);
        Assert.Equal(StatutLien.Ecarte, fiche.Liens.Single().Statut);

        var privees = fiche.Evenements.Where(e => !e.VisibleParLaCommune).Select(e => e.Libelle).ToList();
        Assert.Equal(["Instruction mise à jour", "Besoin partagé confirmé", "Rapprochement écarté"], privees);
        Assert.All(fiche.Evenements.Where(e => e.EstUnChangementDEtat), e => Assert.True(e.VisibleParLaCommune));
    }

    [Fact]
    public void La_liste_des_champs_couvre_chaque_propriete_de_la_fiche_une_fois()
    {
        var proprietes = typeof(ContenuFiche).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order().ToList();
        Assert.Equal(proprietes, ChampFiche.Tous.Select(c => c.Nom).Order());
        Assert.Equal("5\u202F400,00 €", Complet.CoutGlobal.ToString());
        Assert.Equal("Sectoriel", ChampFiche.Tous.Single(c => c.Nom == "Type").Texte(Complet));
    }
}
