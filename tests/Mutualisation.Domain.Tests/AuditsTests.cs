using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Tests;

public class AuditsTests
{
    private static readonly Auteur Agent = new("u-1", "Alain Agent");
    private static readonly DateTimeOffset Quand = new(2026, 10, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly AujourdHui = new(2026, 10, 15);
    private static readonly byte[] Pdf = "%PDF-1.7 rapport"u8.ToArray();

    private static Audit Demande()
    {
        Assert.Null(Audit.Demander(7, new DateOnly(2026, 3, 2), Agent, Quand, AujourdHui, out var audit));
        return audit!;
    }

    private static Audit Planifie()
    {
        var audit = Demande();
        Assert.Null(audit.Planifier(new DateOnly(2026, 4, 14), Agent, Quand, AujourdHui));
        return audit;
    }

    private static Audit EnCours(bool avecConstat = true)
    {
        var audit = Planifie();
        Assert.Null(audit.Demarrer(new DateOnly(2026, 4, 14), Agent, Quand, AujourdHui));
        if (avecConstat)
        {
            Assert.Null(audit.AjouterConstat(AxeAudit.Infrastructure, ThemeRecommandation.RepriseApresSinistre, GraviteConstat.Elevee,
                "Sauvegardes non externalisées", "Externaliser une copie chiffrée", Agent, Quand, AujourdHui));
        }

        return audit;
    }

    private static Audit Livre()
    {
        var audit = EnCours();
        Assert.Null(audit.LivrerRapport(new DateOnly(2026, 5, 20), Pdf, Agent, Quand, AujourdHui));
        return audit;
    }

    private static Audit Annule()
    {
        var audit = Demande();
        Assert.Null(audit.Annuler(new DateOnly(2026, 3, 10), "La commune reporte à l'an prochain", Agent, Quand, AujourdHui));
        return audit;
    }

    [Fact]
    public void Le_parcours_complet_est_date_attribue_et_ecrit_dans_l_historique()
    {
        var audit = Livre();

        Assert.Equal(StatutAudit.RapportLivre, audit.Statut);
        Assert.Equal(new DateOnly(2026, 5, 20), audit.RapportLivreLe);
        Assert.Equal(new DateOnly(2026, 11, 20), audit.FinDeduction);
        var transitions = audit.Evenements.Where(e => e.EstUnChangementDeStatut).Select(e => (e.StatutAvant, e.StatutApres, e.Date)).ToList();
        Assert.Equal(
            [
                (null, StatutAudit.Demande, new DateOnly(2026, 3, 2)),
                (StatutAudit.Demande, StatutAudit.Planifie, AujourdHui),
                (StatutAudit.Planifie, StatutAudit.EnCours, new DateOnly(2026, 4, 14)),
                (StatutAudit.EnCours, StatutAudit.RapportLivre, new DateOnly(2026, 5, 20)),
            ],
            transitions);
        Assert.All(audit.Evenements.Skip(1), e => Assert.Equal("Alain Agent", e.UtilisateurNom));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), audit.Rapport!.Sha256);
        Assert.Equal(7, audit.Rapport.MembreId);
    }

    [Fact]
    public void Un_audit_planifie_se_replanifie_sans_changer_de_statut()
    {
        var audit = Planifie();
        Assert.Null(audit.Planifier(new DateOnly(2026, 5, 2), Agent, Quand, AujourdHui));
        Assert.Equal((StatutAudit.Planifie, new DateOnly(2026, 5, 2)), (audit.Statut, audit.PrevuLe));
        Assert.Contains(audit.Evenements, e => e.Libelle == "Audit replanifié" && e.Detail!.Contains("14/04/2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("demande")]
    [InlineData("planifie")]
    [InlineData("en-cours")]
    public void Un_audit_non_livre_s_annule_avec_son_motif(string etape)
    {
        var audit = etape switch { "demande" => Demande(), "planifie" => Planifie(), _ => EnCours() };
        Assert.Null(audit.Annuler(AujourdHui, "  Fusion de communes  ", Agent, Quand, AujourdHui));
        Assert.Equal((StatutAudit.Annule, "Fusion de communes", AujourdHui), (audit.Statut, audit.MotifAnnulation, audit.AnnuleLe));
        Assert.False(audit.EstModifiable);
    }

    [Fact]
    public void Chaque_transition_est_refusee_hors_de_son_etape_sans_rien_changer()
    {
        var cas = new (Func<Audit> Audit, Func<Audit, RefusAudit?> Action, string Attendu)[]
        {
            (() => EnCours(), a => a.Planifier(AujourdHui, Agent, Quand, AujourdHui), "Seul un audit demandé ou planifié se planifie (l'audit est en cours)."),
            (Livre, a => a.Planifier(AujourdHui, Agent, Quand, AujourdHui), "l'audit est rapport livré"),
            (Annule, a => a.Planifier(AujourdHui, Agent, Quand, AujourdHui), "l'audit est annulé"),
            (Demande, a => a.Demarrer(AujourdHui, Agent, Quand, AujourdHui), "Seul un audit planifié démarre (l'audit est demandé)."),
            (() => EnCours(), a => a.Demarrer(AujourdHui, Agent, Quand, AujourdHui), "Seul un audit planifié démarre"),
            (Livre, a => a.Demarrer(AujourdHui, Agent, Quand, AujourdHui), "Seul un audit planifié démarre"),
            (Demande, a => a.LivrerRapport(AujourdHui, Pdf, Agent, Quand, AujourdHui), "Seul le rapport d'un audit en cours se livre (l'audit est demandé)."),
            (Planifie, a => a.LivrerRapport(AujourdHui, Pdf, Agent, Quand, AujourdHui), "Seul le rapport d'un audit en cours se livre"),
            (Livre, a => a.LivrerRapport(AujourdHui, Pdf, Agent, Quand, AujourdHui), "Seul le rapport d'un audit en cours se livre"),
            (Annule, a => a.LivrerRapport(AujourdHui, Pdf, Agent, Quand, AujourdHui), "Seul le rapport d'un audit en cours se livre"),
            (() => EnCours(avecConstat: false), a => a.LivrerRapport(AujourdHui, Pdf, Agent, Quand, AujourdHui), "sans constat"),
            (Livre, a => a.Annuler(AujourdHui, "Trop tard", Agent, Quand, AujourdHui), "Un audit rapport livré ne s'annule plus"),
            (Annule, a => a.Annuler(AujourdHui, "Deux fois", Agent, Quand, AujourdHui), "Un audit annulé ne s'annule plus"),
            (Livre, a => a.AjouterConstat(AxeAudit.Ressources, ThemeRecommandation.ConformiteLegale, GraviteConstat.Faible, "x", "y", Agent, Quand, AujourdHui),
                "ses constats et son inventaire ne se modifient plus"),
            (Annule, a => a.AjouterElement(NatureElementInventaire.Contrat, "Contrat", null, true, Agent, Quand, AujourdHui),
                "ses constats et son inventaire ne se modifient plus"),
        };

        foreach (var (fabrique, action, attendu) in cas)
        {
            var audit = fabrique();
            var avant = (audit.Statut, audit.Evenements.Count, audit.Constats.Count, audit.Inventaire.Count, audit.RapportLivreLe);
            var refus = action(audit);
            Assert.NotNull(refus);
            Assert.Contains(attendu, refus.Message, StringComparison.Ordinal);
            Assert.Equal(avant, (audit.Statut, audit.Evenements.Count, audit.Constats.Count, audit.Inventaire.Count, audit.RapportLivreLe));
        }
    }

    [Theory]
    [InlineData(2026, 3, 1, "avant la demande du 02/03/2026")]
    [InlineData(2026, 4, 13, "avant le début de l'audit (14/04/2026)")]
    [InlineData(2026, 10, 16, "ne peut pas être dans le futur")]
    public void La_date_de_livraison_suit_le_debut_et_n_est_pas_dans_le_futur(int annee, int mois, int jour, string attendu)
    {
        var audit = EnCours();
        var refus = audit.LivrerRapport(new DateOnly(annee, mois, jour), Pdf, Agent, Quand, AujourdHui);
        Assert.Equal("RapportLivreLe", refus?.Champ);
        Assert.Contains(attendu, refus!.Message, StringComparison.Ordinal);
        Assert.Equal((StatutAudit.EnCours, null), (audit.Statut, audit.Rapport));
    }

    [Fact]
    public void Livre_le_jour_meme_du_debut_ou_aujourd_hui_est_accepte()
    {
        Assert.Null(EnCours().LivrerRapport(new DateOnly(2026, 4, 14), Pdf, Agent, Quand, AujourdHui));
        Assert.Null(EnCours().LivrerRapport(AujourdHui, Pdf, Agent, Quand, AujourdHui));
    }

    [Fact]
    public void Les_dates_des_etapes_sont_controlees()
    {
        Assert.Equal("DemandeLe", Audit.Demander(7, AujourdHui.AddDays(1), Agent, Quand, AujourdHui, out _)?.Champ);
        Assert.Contains("avant sa demande du 02/03/2026", Demande().Planifier(new DateOnly(2026, 3, 1), Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Null(Demande().Planifier(new DateOnly(2027, 1, 10), Agent, Quand, AujourdHui)); // a planned day may be in the future
        Assert.Equal("DebuteLe", Planifie().Demarrer(AujourdHui.AddDays(1), Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("DebuteLe", Planifie().Demarrer(new DateOnly(2026, 3, 1), Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("AnnuleLe", Demande().Annuler(new DateOnly(2026, 3, 1), "motif", Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("AnnuleLe", Demande().Annuler(AujourdHui.AddDays(1), "motif", Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("Motif", Demande().Annuler(AujourdHui, "   ", Agent, Quand, AujourdHui)?.Champ);
    }

    [Fact]
    public void Constats_et_inventaire_se_modifient_et_se_suppriment_avant_la_livraison()
    {
        var audit = EnCours();
        Assert.Equal("Texte", audit.AjouterConstat(AxeAudit.Organisation, ThemeRecommandation.ConformiteLegale, GraviteConstat.Faible, " ", "r", Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("Recommandation", audit.AjouterConstat(AxeAudit.Organisation, ThemeRecommandation.ConformiteLegale, GraviteConstat.Faible, "t", "", Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("Axe", audit.AjouterConstat((AxeAudit)9, ThemeRecommandation.ConformiteLegale, GraviteConstat.Faible, "t", "r", Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("Texte", audit.AjouterConstat(AxeAudit.Organisation, ThemeRecommandation.ConformiteLegale, GraviteConstat.Faible, "a\u202Eb", "r", Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("Libelle", audit.AjouterElement(NatureElementInventaire.Logiciel, "", null, false, Agent, Quand, AujourdHui)?.Champ);
        Assert.Equal("Details", audit.AjouterElement(NatureElementInventaire.Logiciel, "ERP", new string('x', 501), false, Agent, Quand, AujourdHui)?.Champ);

        Assert.Null(audit.AjouterElement(NatureElementInventaire.Logiciel, " ERP ", " v2 ", true, Agent, Quand, AujourdHui));
        var element = audit.Inventaire.Single();
        Assert.Equal(("ERP", "v2", true), (element.Libelle, element.Details, element.TransferableEpci));
        Assert.Null(audit.ModifierElement(element.Id, NatureElementInventaire.Contrat, "Contrat ERP", null, false, Agent, Quand, AujourdHui));
        Assert.Equal((NatureElementInventaire.Contrat, "Contrat ERP", null, false), (element.Nature, element.Libelle, element.Details, element.TransferableEpci));
        var constat = audit.Constats.Single();
        Assert.Null(audit.ModifierConstat(constat.Id, AxeAudit.Ressources, ThemeRecommandation.DocumentsDeReference, GraviteConstat.Critique, "Nouveau", "Faire", Agent, Quand, AujourdHui));
        Assert.Equal((AxeAudit.Ressources, GraviteConstat.Critique, "Nouveau"), (constat.Axe, constat.Gravite, constat.Texte));
        Assert.Null(audit.SupprimerElement(element.Id, Agent, Quand, AujourdHui));
        Assert.Empty(audit.Inventaire);
        Assert.NotNull(audit.SupprimerConstat(12345, Agent, Quand, AujourdHui));
        Assert.Contains(audit.Evenements, e => e.Libelle == "Élément d'inventaire supprimé" && e.Detail == "Contrat : Contrat ERP");
    }

    [Fact]
    public void Chaque_axe_et_chaque_theme_ont_un_libelle_francais()
    {
        Assert.Equal(3, Enum.GetValues<AxeAudit>().Length);
        Assert.Equal(9, Enum.GetValues<ThemeRecommandation>().Select(t => t.Libelle()).Distinct().Count());
        Assert.All(Enum.GetValues<ThemeRecommandation>(), t => Assert.NotEqual(t.ToString(), t.Libelle()));
        Assert.All(Enum.GetValues<AxeAudit>(), a => Assert.NotEqual(a.ToString(), a.Libelle()));
    }
}
