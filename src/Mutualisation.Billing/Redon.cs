namespace Mutualisation.Billing;

public enum FormuleRedon
{
    SocleComplet,
    Audit,
    GroupementAchats,
    SocleAnnexeComplet,
}

/// <summary>REDON Agglomération's tariffs for one exercice (convention art. 7), as data.</summary>
public sealed record GrilleRedon(
    GrilleTranches SocleComplet,
    decimal TauxHabitantSocleComplet,
    GrilleTranches Audit,
    GrilleTranches GroupementAchats,
    decimal TauxHabitantGroupementAchats,
    GrilleTranches JoursN1,
    decimal PrixDemiJourneeN1,
    int MoisDeductionAudit)
{
    /// <summary>The tariffs voted in the convention cadre (CC_2020_77), as in the seed.</summary>
    public static GrilleRedon Convention { get; } = new(
        SocleComplet: new("population",
        [
            new("moins de 1 500 habitants", 0, 1500, Montant: 1500m),
            new("de 1 500 à moins de 3 000 habitants", 1500, 3000, Montant: 2000m),
            new("de 3 000 à 8 000 habitants", 3000, 8001, Montant: 2500m),
        ]),
        TauxHabitantSocleComplet: 1.50m,
        Audit: new("population",
        [
            new("moins de 1 500 habitants", 0, 1500, Montant: 990m),
            new("de 1 500 à moins de 3 000 habitants", 1500, 3000, Montant: 3500m),
            new("de 3 000 à 8 000 habitants", 3000, 8001, Montant: 7000m),
        ]),
        GroupementAchats: new("population",
        [
            new("moins de 1 500 habitants", 0, 1500, Montant: 750m),
            new("de 1 500 à moins de 3 000 habitants", 1500, 3000, Montant: 1250m),
            new("de 3 000 à 8 000 habitants", 3000, 8001, Montant: 2000m),
            new("plus de 8 000 habitants", 8001, null, Montant: 3500m),
        ]),
        TauxHabitantGroupementAchats: 0.25m,
        JoursN1: new("population",
        [
            new("moins de 1 500 habitants", 0, 1500, Montant: 2.5m),
            new("de 1 500 à moins de 3 000 habitants", 1500, 3000, Montant: 4.5m),
            new("de 3 000 à 8 000 habitants", 3000, 8001, Montant: 6.5m),
        ]),
        PrixDemiJourneeN1: 200m,
        MoisDeductionAudit: 6);
}

/// <summary>The facts to price one member for one exercice under the Redon model.</summary>
public sealed record DemandeRedon(FormuleRedon Formule, int Population, int Millesime, int Exercice)
{
    /// <summary>Date the audit report was delivered (starts the deduction window).</summary>
    public DateOnly? AuditLivreLe { get; init; }

    /// <summary>Date of adhesion to the formule (socle complet: decides the first year and the deduction).</summary>
    public DateOnly? AdhesionLe { get; init; }

    /// <summary>N1 days consumed during the exercice, a multiple of 0.5.</summary>
    public decimal JoursN1Consommes { get; init; }

    /// <summary>The member has its own IT department: no automatic price (art. 3.2.2).</summary>
    public bool ServiceInformatiquePropre { get; init; }
}

/// <summary>Redon model pricing (art. 7): each line with its bases, amounts rounded per line.</summary>
public static class TarificationRedon
{
    public const int SeuilExamenApprofondi = 8000;

    public static Contribution Tarifer(GrilleRedon grille, DemandeRedon demande)
    {
        if (demande.Population < 0)
        {
            throw new TarificationImpossibleException("La population ne peut pas être négative.", "population-negative");
        }

        if (demande.JoursN1Consommes < 0 || demande.JoursN1Consommes % 0.5m != 0)
        {
            throw new TarificationImpossibleException("Les jours N1 consommés se comptent par demi-journées (multiple de 0,5).", "jours-invalides");
        }

        var lignes = demande.Formule switch
        {
            FormuleRedon.SocleComplet => SocleComplet(grille, demande),
            FormuleRedon.Audit => [Audit(grille, demande)],
            FormuleRedon.GroupementAchats => [Groupement(grille, demande)],
            FormuleRedon.SocleAnnexeComplet => PremiereAnnee(demande)
                ? [Audit(grille, demande), Groupement(grille, demande)]
                : [Groupement(grille, demande)],
            _ => throw new TarificationImpossibleException($"Formule inconnue : {demande.Formule}.", "formule-inconnue"),
        };
        return new Contribution(lignes);
    }

    private static bool PremiereAnnee(DemandeRedon d) => d.AdhesionLe is null || d.AdhesionLe.Value.Year == d.Exercice;

    private static List<LignePrix> SocleComplet(GrilleRedon grille, DemandeRedon d)
    {
        if (d.ServiceInformatiquePropre || d.Population > SeuilExamenApprofondi)
        {
            throw new TarificationImpossibleException(
                $"Au-delà de {SeuilExamenApprofondi:N0} habitants, ou avec un service informatique propre, le socle complet n'a pas de tarif automatique : un examen approfondi des moyens est nécessaire et le montant doit être négocié et justifié.",
                "examen-approfondi");
        }

        var tranche = grille.SocleComplet.Trouver(d.Population);
        var bases = new BasesDeLiquidation { Population = d.Population, Millesime = d.Millesime, Tranche = tranche.Libelle };
        var fixe = new LignePrix("Socle complet — part fixe", bases, Arrondi.AuCentime(tranche.Montant));
        var variable = new LignePrix("Socle complet — part par habitant",
            bases with { Taux = grille.TauxHabitantSocleComplet, Quantite = d.Population, Unite = "habitant" },
            Arrondi.AuCentime(grille.TauxHabitantSocleComplet * d.Population));
        var lignes = new List<LignePrix> { fixe, variable };

        if (d.AuditLivreLe is { } livre && d.AdhesionLe is { } adhesion && adhesion.Year == d.Exercice && PremiereAnnee(d))
        {
            var limite = livre.AddMonths(grille.MoisDeductionAudit);
            if (adhesion >= livre && adhesion <= limite)
            {
                var audit = grille.Audit.Trouver(d.Population).Montant;
                var deduction = Math.Min(audit, fixe.Montant + variable.Montant);
                lignes.Add(new LignePrix("Déduction de l'audit préalable (art. 4.1)",
                    bases with { Deduction = deduction, MotifDeduction = $"audit livré le {livre:dd/MM/yyyy}, adhésion le {adhesion:dd/MM/yyyy}, dans les {grille.MoisDeductionAudit} mois" },
                    -Arrondi.AuCentime(deduction)));
            }
        }

        var allocation = grille.JoursN1.Trouver(d.Population).Montant;
        if (d.JoursN1Consommes > allocation)
        {
            var demiJournees = (d.JoursN1Consommes - allocation) * 2m;
            lignes.Add(new LignePrix("Prestations ponctuelles N1 au-delà de l'allocation",
                bases with { Quantite = demiJournees, Unite = "demi-journée", Taux = grille.PrixDemiJourneeN1 },
                Arrondi.AuCentime(demiJournees * grille.PrixDemiJourneeN1)));
        }

        return lignes;
    }

    private static LignePrix Audit(GrilleRedon grille, DemandeRedon d)
    {
        var tranche = grille.Audit.Trouver(d.Population);
        return new LignePrix("Audit (socle annexe, niveau 1)",
            new BasesDeLiquidation { Population = d.Population, Millesime = d.Millesime, Tranche = tranche.Libelle },
            Arrondi.AuCentime(tranche.Montant));
    }

    private static LignePrix Groupement(GrilleRedon grille, DemandeRedon d)
    {
        var tranche = grille.GroupementAchats.Trouver(d.Population);
        return new LignePrix("Groupements d'achats (socle annexe, niveau 2)",
            new BasesDeLiquidation { Population = d.Population, Millesime = d.Millesime, Tranche = tranche.Libelle, Taux = grille.TauxHabitantGroupementAchats, Quantite = d.Population, Unite = "habitant" },
            Arrondi.AuCentime(tranche.Montant + grille.TauxHabitantGroupementAchats * d.Population));
    }
}
