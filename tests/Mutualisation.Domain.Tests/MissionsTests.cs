using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Missions;

namespace Mutualisation.Domain.Tests;

public class MissionsTests
{
    private static readonly Auteur Agent = new("u-1", "Alain Agent");
    private static readonly DateTimeOffset Quand = new(2026, 10, 15, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A Thursday.</summary>
    private static readonly DateOnly AujourdHui = new(2026, 10, 15);

    private static ContenuMission Contenu(DateOnly? debut = null, DateOnly? fin = null, decimal jours = 3m) => new(
        "Choix d'un logiciel de cimetière", "Logiciel non maintenu", new Contact("Mme Secrétaire", "Secrétaire de mairie", null, null),
        new Contact("Alain Agent", "Chef de projet", "agent@dsi.demo", null), debut ?? new DateOnly(2026, 10, 1), fin ?? new DateOnly(2026, 12, 15), jours,
        ["Expression des besoins", "Analyse des offres"]);

    private static LettreDeMission Brouillon()
    {
        Assert.Null(LettreDeMission.Creer(7, Contenu(), Agent, Quand, AujourdHui, out var mission));
        return mission!;
    }

    private static LettreDeMission EnCours()
    {
        var mission = Brouillon();
        Assert.Null(mission.Demarrer(Agent, Quand, AujourdHui));
        return mission;
    }

    private static RefusMission? Saisir(LettreDeMission mission, DateOnly date, decimal jours, Creneau creneau = Creneau.Matin, TimeOnly? debut = null, TimeOnly? fin = null) =>
        mission.AjouterSaisie(date, jours, creneau, debut, fin, null, Agent, Agent, Quand, AujourdHui, out _);

    [Fact]
    public void Une_mission_va_du_brouillon_a_en_cours_puis_terminee_chaque_etape_datee_et_attribuee()
    {
        var mission = EnCours();
        Assert.Null(mission.Terminer(Agent, Quand, AujourdHui));

        Assert.Equal(StatutMission.Terminee, mission.Statut);
        var changements = mission.Evenements.Where(e => e.StatutAvant is not null && e.EstUnChangementDeStatut).ToList();
        Assert.Equal([(StatutMission.Brouillon, StatutMission.EnCours), (StatutMission.EnCours, StatutMission.Terminee)],
            changements.Select(e => (e.StatutAvant!.Value, e.StatutApres)));
        Assert.All(mission.Evenements, e => Assert.Equal(("u-1", "Alain Agent", AujourdHui), (e.UtilisateurId, e.UtilisateurNom, e.Date)));
    }

    [Fact]
    public void Les_transitions_interdites_sont_refusees_en_francais_sans_rien_changer()
    {
        var brouillon = Brouillon();
        Assert.Contains("Seule une mission en cours se termine", brouillon.Terminer(Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Contains("Démarrez la mission", Saisir(brouillon, AujourdHui, 0.5m)!.Message, StringComparison.Ordinal);

        var terminee = EnCours();
        Assert.Null(terminee.Terminer(Agent, Quand, AujourdHui));
        var evenements = terminee.Evenements.Count;
        Assert.Contains("Seul un brouillon se démarre", terminee.Demarrer(Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Contains("ne s'annule plus", terminee.Annuler(Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Contains("ne se modifie plus", terminee.Modifier(Contenu(), Agent, Quand, AujourdHui)!.Message, StringComparison.Ordinal);
        Assert.Contains("terminée", Saisir(terminee, AujourdHui, 0.5m)!.Message, StringComparison.Ordinal);
        Assert.Equal((StatutMission.Terminee, evenements), (terminee.Statut, terminee.Evenements.Count));

        var annulee = Brouillon();
        Assert.Null(annulee.Annuler(Agent, Quand, AujourdHui));
        Assert.Equal(StatutMission.Annulee, annulee.Statut);
        Assert.NotNull(annulee.Demarrer(Agent, Quand, AujourdHui));
    }

    [Theory]
    [InlineData(0.5, Creneau.Matin, true)]
    [InlineData(0.5, Creneau.ApresMidi, true)]
    [InlineData(1, Creneau.Journee, true)]
    [InlineData(0.3, Creneau.Matin, false)]
    [InlineData(0, Creneau.Matin, false)]
    [InlineData(-0.5, Creneau.Matin, false)]
    [InlineData(1.5, Creneau.Journee, false)]
    [InlineData(1, Creneau.Matin, false)]
    [InlineData(0.5, Creneau.Journee, false)]
    public void Le_temps_se_saisit_par_demi_journees(double jours, Creneau creneau, bool accepte)
    {
        var mission = EnCours();
        var refus = Saisir(mission, AujourdHui, (decimal)jours, creneau);

        Assert.Equal(accepte, refus is null);
        if (!accepte)
        {
            Assert.Equal("Jours", refus!.Champ);
        }
    }

    [Fact]
    public void Les_demi_journees_s_additionnent_par_exercice()
    {
        var mission = EnCours();
        Assert.Null(mission.Modifier(Contenu(debut: new DateOnly(2025, 12, 1)), Agent, Quand, AujourdHui));
        Assert.Null(Saisir(mission, new DateOnly(2025, 12, 18), 1m, Creneau.Journee));
        Assert.Null(Saisir(mission, new DateOnly(2026, 1, 6), 0.5m));
        Assert.Null(Saisir(mission, new DateOnly(2026, 1, 6), 0.5m, Creneau.ApresMidi));
        Assert.Null(Saisir(mission, new DateOnly(2026, 2, 3), 0.5m));

        Assert.Equal((2.5m, 1m, 1.5m), (mission.JoursConsommes, mission.JoursConsommesEn(2025), mission.JoursConsommesEn(2026)));
        Assert.Equal(5, mission.Saisies.Sum(s => s.DemiJournees));
    }

    [Fact]
    public void Une_saisie_ne_precede_pas_le_debut_de_la_mission_ni_n_est_dans_le_futur()
    {
        var mission = EnCours();

        Assert.Equal("Date", Saisir(mission, new DateOnly(2026, 9, 30), 0.5m)!.Champ);
        Assert.Equal("Date", Saisir(mission, AujourdHui.AddDays(1), 0.5m)!.Champ);
        Assert.Empty(mission.Saisies);
    }

    [Fact]
    public void Les_jours_prevus_et_les_dates_de_la_lettre_sont_verifies_a_cote_de_leur_champ()
    {
        Assert.Equal("JoursPrevus", LettreDeMission.Refus(Contenu(jours: -1m))!.Champ);
        Assert.Equal("JoursPrevus", LettreDeMission.Refus(Contenu(jours: 2.3m))!.Champ);
        Assert.Null(LettreDeMission.Refus(Contenu(jours: 2.5m)));
        var ordre = LettreDeMission.Refus(Contenu(debut: new DateOnly(2026, 11, 10), fin: new DateOnly(2026, 11, 1)))!;
        Assert.Equal("DateFinPrevue", ordre.Champ);
        Assert.Contains("mauvais ordre", ordre.Message, StringComparison.Ordinal);
        Assert.Equal("Objet", LettreDeMission.Refus(Contenu() with { Objet = "  " })!.Champ);
    }

    [Fact]
    public void Le_debut_ne_peut_pas_passer_apres_du_temps_deja_saisi()
    {
        var mission = EnCours();
        Assert.Null(Saisir(mission, new DateOnly(2026, 10, 5), 0.5m));

        Assert.Equal("DateDebut", mission.Modifier(Contenu(debut: new DateOnly(2026, 10, 6)), Agent, Quand, AujourdHui)!.Champ);
    }

    [Fact]
    public void Une_saisie_supprimee_reste_dans_l_historique()
    {
        var mission = EnCours();
        Assert.Null(Saisir(mission, new DateOnly(2026, 10, 5), 0.5m));
        var saisie = mission.Saisies.Single();

        Assert.Null(mission.SupprimerSaisie(saisie.Id, Agent, Quand, AujourdHui));

        Assert.Empty(mission.Saisies);
        Assert.Contains(mission.Evenements, e => e.Libelle == "Saisie supprimée" && e.Detail!.Contains("05/10/2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-10-15", Creneau.Matin, null, null, false)] // Thursday morning
    [InlineData("2026-10-15", Creneau.Horaires, "08:00", "12:30", false)]
    [InlineData("2026-10-15", Creneau.Horaires, "13:30", "18:00", false)]
    [InlineData("2026-10-15", Creneau.Horaires, "09:00", "17:00", false)] // across the lunch break
    [InlineData("2026-10-15", Creneau.Horaires, "17:30", "19:00", true)] // Thursday evening
    [InlineData("2026-10-15", Creneau.Horaires, "07:00", "08:30", true)]
    [InlineData("2026-10-15", Creneau.Horaires, "12:35", "13:15", true)] // during the lunch break
    [InlineData("2026-10-16", Creneau.Horaires, "13:30", "17:00", false)] // Friday afternoon until 17:00
    [InlineData("2026-10-16", Creneau.Horaires, "14:00", "17:30", true)] // Friday after 17:00
    [InlineData("2026-10-15", Creneau.Horaires, "14:00", "17:30", false)] // the same on a Thursday
    [InlineData("2026-10-17", Creneau.Matin, null, null, true)] // Saturday
    [InlineData("2026-10-18", Creneau.Journee, null, null, true)] // Sunday
    [InlineData("2026-11-11", Creneau.Matin, null, null, true)] // armistice
    [InlineData("2026-05-14", Creneau.Matin, null, null, true)] // Ascension 2026
    [InlineData("2026-04-06", Creneau.Matin, null, null, true)] // Easter Monday 2026
    public void Une_saisie_hors_des_plages_de_l_annexe_2_est_signalee(string date, Creneau creneau, string? debut, string? fin, bool signalee)
    {
        var jour = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var hors = PlagesHoraires.HorsPlages(jour, creneau, debut is null ? null : TimeOnly.Parse(debut, System.Globalization.CultureInfo.InvariantCulture),
            fin is null ? null : TimeOnly.Parse(fin, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(signalee, hors is not null);
    }

    [Fact]
    public void Une_saisie_hors_plages_est_acceptee_et_signalee_pas_refusee()
    {
        var mission = EnCours();

        Assert.Null(Saisir(mission, new DateOnly(2026, 10, 9), 0.5m, Creneau.Horaires, new TimeOnly(14, 0), new TimeOnly(17, 30))); // a Friday
        Assert.Null(Saisir(mission, new DateOnly(2026, 10, 10), 0.5m)); // a Saturday

        Assert.All(mission.Saisies, s => Assert.True(s.EstHorsPlages));
        Assert.Contains(mission.Evenements, e => e.Detail!.Contains("hors plages", StringComparison.Ordinal));
    }

    [Fact]
    public void Des_horaires_dans_le_mauvais_ordre_sont_refuses_a_cote_de_l_heure_de_fin()
    {
        var mission = EnCours();

        Assert.Equal("HeureFin", Saisir(mission, AujourdHui, 0.5m, Creneau.Horaires, new TimeOnly(15, 0), new TimeOnly(14, 0))!.Champ);
        Assert.Equal("HeureDebut", Saisir(mission, AujourdHui, 0.5m, Creneau.Horaires)!.Champ);
    }

    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    public void Paques_est_calcule(int annee, int mois, int jour) => Assert.Equal(new DateOnly(annee, mois, jour), JoursFeries.Paques(annee));
}
