using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.Tests;

public class ConventionsTests
{
    private static readonly Auteur Agent = new("u-1", "Alain Agent");
    private static readonly DateTimeOffset Quand = new(2026, 10, 15, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly AujourdHui = new(2026, 10, 15);

    private static Convention Brouillon(ModeleConvention modele, bool avecDeliberations = true)
    {
        var convention = new Convention(7, modele, Agent, Quand, AujourdHui);
        if (avecDeliberations)
        {
            Assert.Null(convention.ModifierBrouillon(modele,
                new Deliberation("2024-65", new DateOnly(2024, 6, 27), "Conseil municipal"),
                new Deliberation("CC_2020_77", new DateOnly(2020, 7, 15), "Conseil communautaire")));
        }

        return convention;
    }

    private static Convention Signee(ModeleConvention modele)
    {
        var convention = Brouillon(modele);
        Assert.Null(convention.Signer(new DateOnly(2024, 7, 5), new DateOnly(2024, 7, 8), Agent, Quand, AujourdHui));
        return convention;
    }

    private static Convention EnVigueur(ModeleConvention modele)
    {
        var convention = Signee(modele);
        if (modele == ModeleConvention.ConventionGlobale)
        {
            Assert.Null(convention.EnregistrerPvMiseEnService(new DateOnly(2024, 9, 12), Agent, Quand, AujourdHui));
            Assert.Null(convention.EnregistrerControleLegalite("014-211407150-20240627-2024-65-DE", new DateOnly(2024, 7, 2), Agent, Quand, AujourdHui));
        }

        Assert.Null(convention.MettreEnVigueur(Agent, Quand, AujourdHui));
        return convention;
    }

    [Theory]
    [InlineData(2026, 10, 1, 2027)]
    [InlineData(2026, 10, 2, 2028)]
    [InlineData(2026, 12, 31, 2028)]
    [InlineData(2026, 1, 1, 2027)]
    public void CCCF_la_sortie_a_lieu_un_1er_janvier_avec_trois_mois_de_preavis(int annee, int mois, int jour, int anneeDeSortie) =>
        Assert.Equal(new DateOnly(anneeDeSortie, 1, 1), RegleConvention.DateSortieGlobale(new DateOnly(annee, mois, jour)));

    [Fact]
    public void Redon_la_sortie_a_lieu_douze_mois_apres_la_denonciation_ou_a_la_date_convenue()
    {
        Assert.Equal(new DateOnly(2027, 3, 10), RegleConvention.DateSortieServiceCommun(new DateOnly(2026, 3, 10), null));
        Assert.Equal(new DateOnly(2026, 9, 1), RegleConvention.DateSortieServiceCommun(new DateOnly(2026, 3, 10), new DateOnly(2026, 9, 1)));
    }

    [Fact]
    public void Une_denonciation_enregistree_fixe_la_date_de_sortie_selon_le_modele()
    {
        var globale = EnVigueur(ModeleConvention.ConventionGlobale);
        Assert.Null(globale.Denoncer(new DateOnly(2026, 10, 2), "LRAR 1", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui));
        Assert.Equal(new DateOnly(2028, 1, 1), globale.DateSortie);
        Assert.Equal(StatutConvention.Denoncee, globale.Statut);

        var cadre = EnVigueur(ModeleConvention.ServiceCommun);
        Assert.Null(cadre.Denoncer(new DateOnly(2026, 3, 10), "LRAR 2", AuteurDenonciation.Epci, new DateOnly(2026, 12, 31), "Accord du 01/04/2026", Agent, Quand, AujourdHui));
        Assert.Equal(new DateOnly(2026, 12, 31), cadre.DateSortie);
        Assert.Equal("Accord du 01/04/2026", cadre.ReferenceAccordSortie);

        var sansAccord = EnVigueur(ModeleConvention.ServiceCommun);
        Assert.Null(sansAccord.Denoncer(new DateOnly(2026, 3, 10), "LRAR 3", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui));
        Assert.Equal(new DateOnly(2027, 3, 10), sansAccord.DateSortie);
    }

    [Fact]
    public void Une_date_convenue_est_refusee_sans_accord_hors_du_preavis_ou_sur_la_convention_globale()
    {
        var cadre = EnVigueur(ModeleConvention.ServiceCommun);
        Assert.Equal("ReferenceAccord", cadre.Denoncer(new DateOnly(2026, 3, 10), "LRAR", AuteurDenonciation.Membre, new DateOnly(2026, 9, 1), null, Agent, Quand, AujourdHui)!.Champ);
        Assert.Equal("DateConvenue", cadre.Denoncer(new DateOnly(2026, 3, 10), "LRAR", AuteurDenonciation.Membre, new DateOnly(2027, 3, 10), "Accord", Agent, Quand, AujourdHui)!.Champ);
        Assert.Equal("DateConvenue", cadre.Denoncer(new DateOnly(2026, 3, 10), "LRAR", AuteurDenonciation.Membre, new DateOnly(2026, 3, 9), "Accord", Agent, Quand, AujourdHui)!.Champ);
        var globale = EnVigueur(ModeleConvention.ConventionGlobale);
        Assert.Equal("DateConvenue", globale.Denoncer(new DateOnly(2026, 3, 10), "LRAR", AuteurDenonciation.Membre, new DateOnly(2026, 9, 1), "Accord", Agent, Quand, AujourdHui)!.Champ);
        Assert.Equal(StatutConvention.EnVigueur, cadre.Statut);
        Assert.Equal(StatutConvention.EnVigueur, globale.Statut);
    }

    [Fact]
    public void Une_denonciation_anterieure_a_la_date_d_effet_est_refusee()
    {
        var cadre = EnVigueur(ModeleConvention.ServiceCommun);
        var refus = cadre.Denoncer(new DateOnly(2024, 7, 1), "LRAR", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui);
        Assert.Equal("DateReception", refus!.Champ);
        Assert.Contains("08/07/2024", refus.Message, StringComparison.Ordinal);
        Assert.Null(cadre.DateSortie);
    }

    [Fact]
    public void CCCF_la_date_d_effet_est_le_1er_du_mois_suivant_le_proces_verbal_et_son_enregistrement()
    {
        Assert.Equal(new DateOnly(2024, 10, 1), RegleConvention.DateEffetGlobale(new DateOnly(2024, 9, 12), new DateOnly(2024, 7, 2)));
        Assert.Equal(new DateOnly(2025, 1, 1), RegleConvention.DateEffetGlobale(new DateOnly(2024, 12, 31), null));
        Assert.Equal(new DateOnly(2024, 11, 1), RegleConvention.DateEffetGlobale(new DateOnly(2024, 9, 12), new DateOnly(2024, 10, 3)));

        var convention = Signee(ModeleConvention.ConventionGlobale);
        Assert.Null(convention.DateEffet);
        Assert.Null(convention.EnregistrerPvMiseEnService(new DateOnly(2024, 9, 12), Agent, Quand, AujourdHui));
        Assert.Equal(new DateOnly(2024, 10, 1), convention.DateEffet);
        Assert.True(convention.AttendLeControleDeLegalite);
    }

    [Fact]
    public void Redon_la_date_d_effet_est_la_signature_des_deux_parties_et_se_renouvelle_chaque_annee()
    {
        var convention = Signee(ModeleConvention.ServiceCommun);
        Assert.Equal(new DateOnly(2024, 7, 8), convention.DateEffet);
        Assert.Equal(new DateOnly(2027, 7, 8), convention.ProchainRenouvellement(new DateOnly(2026, 10, 15)));
        Assert.Equal(new DateOnly(2026, 7, 8), convention.ProchainRenouvellement(new DateOnly(2026, 7, 7)));
        Assert.Equal(new DateOnly(2027, 7, 8), convention.ProchainRenouvellement(new DateOnly(2026, 7, 8)));
        Assert.Equal(new DateOnly(2025, 7, 8), convention.ProchainRenouvellement(new DateOnly(2024, 7, 8)));
        Assert.Null(Signee(ModeleConvention.ConventionGlobale).ProchainRenouvellement(AujourdHui));
    }

    [Fact]
    public void Chaque_transition_permise_est_datee_attribuee_et_gardee_dans_l_historique()
    {
        var convention = EnVigueur(ModeleConvention.ConventionGlobale);
        Assert.Null(convention.Denoncer(new DateOnly(2025, 9, 30), "LRAR 1", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui));
        Assert.Null(convention.Resilier(Agent, Quand, AujourdHui));

        Assert.Equal(StatutConvention.Resiliee, convention.Statut);
        var transitions = convention.Evenements.Where(e => e.EstUnChangementDeStatut).Select(e => (e.StatutAvant, e.StatutApres)).ToList();
        Assert.Equal(
            [(null, StatutConvention.Brouillon), (StatutConvention.Brouillon, StatutConvention.Signee), (StatutConvention.Signee, StatutConvention.EnVigueur),
             (StatutConvention.EnVigueur, StatutConvention.Denoncee), (StatutConvention.Denoncee, StatutConvention.Resiliee)],
            transitions);
        Assert.All(convention.Evenements, e => Assert.Equal(("u-1", "Alain Agent"), (e.UtilisateurId, e.UtilisateurNom)));
        Assert.Equal(new DateOnly(2026, 1, 1), convention.Evenements.Last().Date);
    }

    [Fact]
    public void Les_transitions_hors_ordre_sont_refusees_avec_leur_raison()
    {
        var brouillon = Brouillon(ModeleConvention.ServiceCommun);
        Assert.Contains("Seule une convention signée", brouillon.MettreEnVigueur(Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Contains("Seule une convention en vigueur", brouillon.Denoncer(AujourdHui, "LRAR", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Contains("Seule une convention dénoncée", brouillon.Resilier(Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Contains("délibération de la commune", Brouillon(ModeleConvention.ServiceCommun, avecDeliberations: false)
            .Signer(AujourdHui, AujourdHui, Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);

        var signee = Signee(ModeleConvention.ServiceCommun);
        Assert.Contains("Seul un brouillon se signe", signee.Signer(AujourdHui, AujourdHui, Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.NotNull(signee.ModifierBrouillon(ModeleConvention.ServiceCommun, null, null));

        var enVigueur = EnVigueur(ModeleConvention.ServiceCommun);
        Assert.NotNull(enVigueur.MettreEnVigueur(Agent, Quand, AujourdHui));
        Assert.NotNull(enVigueur.Resilier(Agent, Quand, AujourdHui));

        Assert.Null(enVigueur.Denoncer(new DateOnly(2026, 10, 1), "LRAR", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui));
        var avantSortie = enVigueur.Resilier(Agent, Quand, AujourdHui);
        Assert.Contains("01/10/2027", avantSortie!.Message, StringComparison.Ordinal);
        Assert.NotNull(enVigueur.Denoncer(AujourdHui, "LRAR", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui));
        Assert.Equal(StatutConvention.Denoncee, enVigueur.Statut);
    }

    [Fact]
    public void CCCF_n_entre_en_vigueur_qu_apres_le_proces_verbal_et_le_controle_de_legalite()
    {
        var convention = Signee(ModeleConvention.ConventionGlobale);
        Assert.Contains("procès-verbal", convention.MettreEnVigueur(Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Null(convention.EnregistrerPvMiseEnService(new DateOnly(2024, 9, 12), Agent, Quand, AujourdHui));
        Assert.Contains("contrôle de légalité", convention.MettreEnVigueur(Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Equal(StatutConvention.Signee, convention.Statut);
        Assert.Null(convention.EnregistrerControleLegalite("014-211407150-20240627-2024-65-DE", new DateOnly(2024, 7, 2), Agent, Quand, AujourdHui));
        Assert.Null(convention.MettreEnVigueur(Agent, Quand, AujourdHui));
        Assert.Equal(StatutConvention.EnVigueur, convention.Statut);
    }

    [Fact]
    public void Une_convention_n_entre_pas_en_vigueur_avant_sa_date_d_effet()
    {
        var convention = Signee(ModeleConvention.ServiceCommun);
        var refus = convention.MettreEnVigueur(Agent, Quand, new DateOnly(2024, 7, 7));
        Assert.Contains("08/07/2024", refus!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Une_signature_avant_la_deliberation_ou_dans_le_futur_est_refusee()
    {
        Assert.Equal("SignatureMembre", Brouillon(ModeleConvention.ServiceCommun).Signer(new DateOnly(2024, 6, 1), new DateOnly(2024, 7, 8), Agent, Quand, AujourdHui)!.Champ);
        Assert.Equal("SignatureEpci", Brouillon(ModeleConvention.ServiceCommun).Signer(new DateOnly(2024, 7, 1), new DateOnly(2026, 10, 16), Agent, Quand, AujourdHui)!.Champ);
    }

    [Fact]
    public void En_vigueur_de_la_date_d_effet_a_la_veille_de_la_sortie_et_mois_factures()
    {
        var convention = EnVigueur(ModeleConvention.ConventionGlobale);
        Assert.False(convention.EstEnVigueurLe(new DateOnly(2024, 9, 30)));
        Assert.True(convention.EstEnVigueurLe(new DateOnly(2024, 10, 1)));
        Assert.Equal(3, convention.MoisEnVigueur(2024));
        Assert.Equal(12, convention.MoisEnVigueur(2026));

        Assert.Null(convention.Denoncer(new DateOnly(2026, 10, 2), "LRAR", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui));
        Assert.True(convention.EstEnVigueurLe(new DateOnly(2027, 12, 31)));
        Assert.False(convention.EstEnVigueurLe(new DateOnly(2028, 1, 1)));
        Assert.Equal(12, convention.MoisEnVigueur(2027));
        Assert.Equal(0, convention.MoisEnVigueur(2028));

        var cadre = EnVigueur(ModeleConvention.ServiceCommun);
        Assert.Null(cadre.Denoncer(new DateOnly(2026, 3, 10), "LRAR", AuteurDenonciation.Membre, null, null, Agent, Quand, AujourdHui));
        Assert.Equal(3, cadre.MoisEnVigueur(2027));
        Assert.Equal(0, Signee(ModeleConvention.ServiceCommun).MoisEnVigueur(2026));
    }

    [Theory]
    [InlineData("014-211407150-20240627-2024-65-DE", true)]
    [InlineData("035-213502362-20260115-DEL_2026_004-AR", true)]
    [InlineData("02A-211407150-20240627-12-CC", true)]
    [InlineData("14-211407150-20240627-2024-65-DE", false)]
    [InlineData("014-211407151-20240627-2024-65-DE", false)]
    [InlineData("014-211407150-20240231-2024-65-DE", false)]
    [InlineData("014-211407150-20240627-2024-65-XX", false)]
    [InlineData("014-211407150-2024-06-27-65-DE", false)]
    [InlineData("014 211407150 20240627 2024 65 DE", false)]
    [InlineData("", false)]
    public void L_identifiant_ACTES_est_verifie_sur_sa_forme(string identifiant, bool valide) =>
        Assert.Equal(valide, IdentifiantActes.EstValide(identifiant));

    [Fact]
    public void L_identifiant_est_garde_tel_que_saisi_et_ne_precede_pas_l_acte()
    {
        var convention = Signee(ModeleConvention.ConventionGlobale);
        Assert.Equal("Date", convention.EnregistrerControleLegalite("014-211407150-20240627-2024-65-DE", new DateOnly(2024, 6, 26), Agent, Quand, AujourdHui)!.Champ);
        Assert.Null(convention.EnregistrerControleLegalite("014-211407150-20240627-2024-65-DE", new DateOnly(2024, 6, 28), Agent, Quand, AujourdHui));
        Assert.Equal("014-211407150-20240627-2024-65-DE", convention.ControleLegaliteIdentifiant);
    }

    [Fact]
    public void Les_avenants_sont_numerotes_dans_l_ordre_sur_une_convention_signee()
    {
        Assert.NotNull(Brouillon(ModeleConvention.ServiceCommun).AjouterAvenant(AujourdHui, "Objet", Agent, Quand, AujourdHui, out _));
        var convention = EnVigueur(ModeleConvention.ServiceCommun);
        Assert.Null(convention.AjouterAvenant(new DateOnly(2025, 3, 1), "Vidéo-protection", Agent, Quand, AujourdHui, out var premier));
        Assert.Null(convention.AjouterAvenant(new DateOnly(2026, 3, 1), "Datacenter", Agent, Quand, AujourdHui, out var second));
        Assert.Equal((1, 2), (premier!.Numero, second!.Numero));
        Assert.Equal("Date", convention.AjouterAvenant(new DateOnly(2024, 1, 1), "Trop tôt", Agent, Quand, AujourdHui, out _)!.Champ);
    }
}
