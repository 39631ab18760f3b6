using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;

namespace Mutualisation.Domain.Tests;

public class TitresTests
{
    private static readonly Auteur Finances = new("u-2", "Françoise Finances");
    private static readonly DateTimeOffset Quand = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Le = new(2026, 3, 2);
    private static readonly Debiteur Commune = new("Allaire", "215600016", "56001", "Mairie, 56350 Allaire");

    private static ParametresEmetteur Complet()
    {
        var p = new ParametresEmetteur();
        Assert.Null(p.Modifier("REDON Agglomération", "243500741", "24350074100018", "3 rue Charles Sillard", "35600", "Redon",
            new Signataire("MARY", "Jean-François", "Président"), null, "Service de gestion comptable de Redon", null, "Virement", "Tribunal administratif de Rennes", null,
            "BP", ParametresEmetteur.SeuilReglementaire));
        Assert.Null(p.DefinirImputations([("SOCLE", "70876", "020", "SOCL")]));
        return p;
    }

    private static TitreDeRecette Brouillon(params decimal[] montants)
    {
        var refus = TitreDeRecette.Creer(12, Commune, 2026, 2025, "BP", "Contribution au socle complet, exercice 2025", "Convention cadre ; délibération CC_2020_77",
            montants.Select((m, i) => new LignePrevue($"Ligne {i + 1}", "population 2 355 hab.", new Montant(m), "SOCLE", null, null)).ToList(), Finances, Quand, out var titre);
        Assert.Null(refus);
        return titre!;
    }

    private static TitreDeRecette Emis(params decimal[] montants)
    {
        var titre = Brouillon(montants);
        var emetteur = Complet();
        titre.ImputerLignes(emetteur);
        Assert.Null(titre.Emettre(emetteur, 7, new Bordereau(2026, "BP", 2, Le, emetteur.SignatairePar!, Finances, Quand), Le, Finances, Quand));
        return titre;
    }

    [Fact]
    public void Le_total_est_la_somme_des_lignes_arrondies()
    {
        var titre = Brouillon(2000m, 3532.50m);
        Assert.Equal(5532.50m, titre.Total.Euros);
        Assert.Equal(StatutTitre.Brouillon, titre.Statut);
        Assert.Single(titre.Evenements);
    }

    [Fact]
    public void Un_total_negatif_ou_nul_et_une_ligne_sans_bases_sont_refuses()
    {
        Assert.Contains("négatif", TitreDeRecette.Creer(1, Commune, 2026, 2025, "BP", "Objet", "Fondement",
            [new LignePrevue("Socle", "bases", new Montant(100m), null, null, null), new LignePrevue("Déduction", "audit", new Montant(-200m), null, null, null)], Finances, Quand, out _)!.Message, StringComparison.Ordinal);
        Assert.NotNull(TitreDeRecette.Creer(1, Commune, 2026, 2025, "BP", "Objet", "Fondement", [new LignePrevue("Socle", "bases", Montant.Zero, null, null, null)], Finances, Quand, out _));
        Assert.Contains("bases de liquidation", TitreDeRecette.Creer(1, Commune, 2026, 2025, "BP", "Objet", "Fondement",
            [new LignePrevue("Socle", " ", new Montant(10m), null, null, null)], Finances, Quand, out _)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Des_parametres_vides_nomment_chaque_element_manquant()
    {
        var manquants = new ParametresEmetteur().Manquants(["SOCLE"]);
        Assert.Contains("le SIREN de l'émetteur", manquants);
        Assert.Contains("l'ordonnateur (nom, prénoms et qualité)", manquants);
        Assert.Contains("le comptable public assignataire", manquants);
        Assert.Contains("le tribunal administratif compétent", manquants);
        Assert.Contains("le code du budget", manquants);
        Assert.Contains("l'imputation (compte par nature, fonction) du service SOCLE", manquants);
        Assert.Empty(Complet().Manquants(["SOCLE"]));
        Assert.Equal(["l'imputation (compte par nature, fonction) du service AUDIT"], Complet().Manquants(["AUDIT"]));
    }

    [Fact]
    public void L_emission_est_refusee_tant_que_les_parametres_sont_incomplets_en_nommant_ce_qui_manque()
    {
        var titre = Brouillon(5532.50m);
        var refus = titre.RefusEmission(new ParametresEmetteur());
        Assert.NotNull(refus);
        Assert.Contains("le tribunal administratif compétent", refus.Message, StringComparison.Ordinal);
        Assert.Contains("du service SOCLE", refus.Message, StringComparison.Ordinal);
        Assert.Null(titre.RefusEmission(Complet()));
    }

    [Fact]
    public void Un_titre_sous_le_seuil_de_15_euros_ne_s_emet_pas()
    {
        var refus = Brouillon(14.99m).RefusEmission(Complet());
        Assert.Contains("D1611-1", refus!.Message, StringComparison.Ordinal);
        Assert.Null(Brouillon(15m).RefusEmission(Complet()));
    }

    [Fact]
    public void Un_delegue_incomplet_est_signale_et_un_delegue_complet_signe()
    {
        var p = Complet();
        Assert.Null(p.Modifier(p.Nom, p.Siren, p.Siret, p.AdresseLigne, p.AdresseCodePostal, p.AdresseVille, p.Ordonnateur, new Signataire("DUPONT", "", "Vice-président"),
            p.Comptable, null, p.ModesDePaiement, p.Tribunal, null, p.CodeBudget, p.Seuil));
        Assert.Contains("le délégataire complet (nom, prénoms et qualité) ou aucun", p.Manquants());
        Assert.Null(p.Modifier(p.Nom, p.Siren, p.Siret, p.AdresseLigne, p.AdresseCodePostal, p.AdresseVille, p.Ordonnateur, new Signataire("DUPONT", "Marie", "Vice-présidente"),
            p.Comptable, null, p.ModesDePaiement, p.Tribunal, null, p.CodeBudget, p.Seuil));
        Assert.Equal("DUPONT", p.SignatairePar!.Nom);
    }

    [Fact]
    public void Un_siren_ou_un_siret_faux_est_refuse_a_cote_du_champ()
    {
        var p = new ParametresEmetteur();
        Assert.Equal("Siren", p.Modifier("EPCI", "123456789", null, null, null, null, null, null, null, null, null, null, null, null, ParametresEmetteur.SeuilReglementaire)!.Champ);
        Assert.Equal("Siret", p.Modifier("EPCI", "243500741", "12345678900011", null, null, null, null, null, null, null, null, null, null, null, ParametresEmetteur.SeuilReglementaire)!.Champ);
    }

    [Fact]
    public void L_emission_date_signe_numerote_impute_et_grave_le_pdf_puis_tout_changement_est_refuse()
    {
        var titre = Emis(5532.50m);
        Assert.Equal(StatutTitre.Emis, titre.Statut);
        Assert.Equal(7, titre.Numero);
        Assert.Equal(2, titre.BordereauNumero);
        Assert.Equal(Le, titre.EmisLe);
        Assert.Equal(("MARY", "Jean-François", "Président"), (titre.SignataireNom, titre.SignatairePrenoms, titre.SignataireQualite));
        Assert.Equal("70876 / 020", titre.Lignes[0].Imputation);
        var emission = titre.Evenements.Last();
        Assert.Equal((StatutTitre.Brouillon, StatutTitre.Emis, "Françoise Finances", Quand), (emission.StatutAvant!.Value, emission.StatutApres, emission.UtilisateurNom, emission.Horodatage));

        Assert.NotNull(titre.RemplacerLignes([new LignePrevue("Autre", "bases", new Montant(1m), null, null, null)], Finances, Quand));
        Assert.NotNull(titre.RefusEmission(Complet()));
        Assert.Equal(5532.50m, titre.Total.Euros);
    }

    [Fact]
    public void Une_annulation_reference_l_original_exige_un_motif_et_ne_depasse_pas_son_reste()
    {
        var original = Emis(5532.50m);
        Assert.Equal("Motif", TitreDeRecette.Reduction(original, Montant.Zero, new Montant(100m), "  ", 2026, Finances, Quand, out _)!.Champ);
        Assert.Equal("Montant", TitreDeRecette.Reduction(original, new Montant(5500m), new Montant(100m), "Erreur de population", 2026, Finances, Quand, out _)!.Champ);
        Assert.NotNull(TitreDeRecette.Reduction(Brouillon(10m), Montant.Zero, new Montant(1m), "x", 2026, Finances, Quand, out _));

        Assert.Null(TitreDeRecette.Reduction(original, Montant.Zero, new Montant(5532.50m), "Erreur de débiteur", 2026, Finances, Quand, out var annulation));
        Assert.Equal(NatureTitre.AnnulationReduction, annulation!.Nature);
        Assert.Equal(7, annulation.TitreOrigineNumero);
        Assert.Equal("Erreur de débiteur", annulation.Motif);
        Assert.StartsWith("Annulation du titre n° 7", annulation.Objet, StringComparison.Ordinal);
        Assert.Equal(EtatTitre.Annule, original.Etat(new Montant(5532.50m)));
        Assert.Equal(EtatTitre.Reduit, original.Etat(new Montant(100m)));
        Assert.Equal(EtatTitre.Emis, original.Etat(Montant.Zero));

        // The threshold does not stop a reduction of a few euros.
        var reduction = TitreDeRecette.Reduction(original, Montant.Zero, new Montant(2m), "Arrondi", 2026, Finances, Quand, out var petite);
        Assert.Null(reduction);
        Assert.Null(petite!.RefusEmission(Complet()));
    }

    [Fact]
    public void Un_avis_ne_se_produit_que_pour_un_titre_emis_et_enregistre()
    {
        var rendus = 0;
        byte[] Rendre(TitreDeRecette t) => [(byte)++rendus];
        Assert.Throws<InvalidOperationException>(() => AvisTitre.Produire(Brouillon(100m), Rendre, Quand));
        // Issued in memory but not stored yet: no id to attach the avis to.
        Assert.Throws<InvalidOperationException>(() => AvisTitre.Produire(Emis(100m), Rendre, Quand));
        Assert.Equal(0, rendus);
    }

    [Fact]
    public void Un_titre_ne_s_emet_que_pendant_son_exercice()
    {
        var titre = Brouillon(100m);
        var emetteur = Complet();
        titre.ImputerLignes(emetteur);
        var refus = titre.Emettre(emetteur, 1, new Bordereau(2026, "BP", 1, Le, emetteur.SignatairePar!, Finances, Quand), new DateOnly(2027, 1, 5), Finances, Quand);
        Assert.Contains("exercice 2026", refus!.Message, StringComparison.Ordinal);
        Assert.Equal(StatutTitre.Brouillon, titre.Statut);
    }

    [Fact]
    public void Les_parametres_pes_sont_controles_et_leurs_manques_nommes()
    {
        var p = Complet();
        Assert.Equal(
            ["le codique du poste comptable (IdPost)", "le SIRET de la collectivité (IdColl)", "le code collectivité (CodCol)", "le code budget (CodBud)",
                "l'identification du logiciel émetteur (éditeur, nom et version)", "le code produit local (CodProdLoc) du service HORS-CATALOGUE"],
            p.ManquantsPes(["SOCLE", "HORS-CATALOGUE"]).Take(5).Append(p.ManquantsPes(["HORS-CATALOGUE"])[5]));
        Assert.Equal("PesIdPost", p.ModifierPes("35A12", null, null, null, null, null, null, EditionAsap.EditeParLaDgfip)!.Champ);
        Assert.Equal("PesIdColl", p.ModifierPes("035999", "2435007410001", null, null, null, null, null, EditionAsap.EditeParLaDgfip)!.Champ);
        Assert.Equal("PesCodCol", p.ModifierPes("035999", null, "12", null, null, null, null, EditionAsap.EditeParLaDgfip)!.Champ);
        Assert.Equal("PesCodBud", p.ModifierPes("035999", null, null, "0A", null, null, null, EditionAsap.EditeParLaDgfip)!.Champ);
        Assert.Equal("PesLogicielEditeur", p.ModifierPes(null, null, null, null, null, new string('x', 33), null, EditionAsap.EditeParLaDgfip)!.Champ);
        Assert.Equal("PesEdition", p.ModifierPes(null, null, null, null, null, null, null, (EditionAsap)7)!.Champ);
        Assert.Null(p.PesIdPost);

        Assert.Null(p.ModifierPes("02A1234", "243 500 741 00018", "001", "b1", "Budget principal", "MUTUALISATION", "Mutualisation 1.0", EditionAsap.ChorusPro));
        Assert.Equal(("02A1234", "24350074100018", "B1", EditionAsap.ChorusPro), (p.PesIdPost, p.PesIdColl, p.PesCodBud, p.PesEdition));
        Assert.Empty(p.ManquantsPes(["SOCLE"]));

        // A product code of 5 characters is refused; a non-numeric compte par nature is named for PES.
        Assert.Equal("Imputations", p.DefinirImputations([("SOCLE", "70876", "020", "SOCLE")])!.Champ);
        Assert.Null(p.DefinirImputations([("SOCLE", "7087A", "020", "socl")]));
        Assert.Equal("SOCL", p.ImputationDe("SOCLE")!.CodeProduitLocal);
        Assert.Equal(["un compte par nature numérique (12 chiffres au plus) pour le service SOCLE"], p.ManquantsPes(["SOCLE"]));
    }
}
