using System.Globalization;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.FichesProjet;

/// <summary>
/// What the commune writes in Annexe 3 (Redon), section by section. Any field may be empty in a draft; a submission
/// needs the fields <see cref="ChampFiche.Obligatoire"/>. Immutable: each submission keeps a copy as its version.
/// </summary>
public sealed record ContenuFiche
{
    public const int LongueurMaxCourt = 200;
    public const int LongueurMaxLong = 4000;

    // En-tête
    public string? DirectionPilote { get; init; }

    public TypeProjet? Type { get; init; }

    /// <summary>Liste de diffusion: services and recipients, for action or for information (one per line).</summary>
    public string? Diffusion { get; init; }

    /// <summary>Visas: the writer and who validates.</summary>
    public string? Redacteur { get; init; }

    public string? Validation { get; init; }

    // La demande
    /// <summary>Origine de la demande: on what occasion, and the existing state.</summary>
    public string? Origine { get; init; }

    /// <summary>Le demandeur: who asks.</summary>
    public string? Demandeur { get; init; }

    /// <summary>Les enjeux: what the collectivité gains, the activity improved, the service to citizens, the strategy.</summary>
    public string? Enjeux { get; init; }

    public NatureProjet? Nature { get; init; }

    public string? ProjetsConnexes { get; init; }

    // Le projet
    public string? Description { get; init; }

    /// <summary>Période de mise en application souhaitée par la maîtrise d'ouvrage.</summary>
    public string? PeriodeSouhaitee { get; init; }

    /// <summary>Présentation des étapes initiales du projet.</summary>
    public string? EtapesInitiales { get; init; }

    // Enveloppe financière
    public Montant? CoutInformatique { get; init; }

    public Montant? CoutOrganisation { get; init; }

    public Montant? CoutFormation { get; init; }

    public Montant? DepensesAssociees { get; init; }

    /// <summary>Financement extérieur escompté: subventions, participations… (which).</summary>
    public string? FinancementExterieur { get; init; }

    public Montant? MontantFinancementExterieur { get; init; }

    // Objectifs
    public string? ObjectifsUsagers { get; init; }

    public string? ObjectifsDirection { get; init; }

    public string? ObjectifsUtilisateurs { get; init; }

    // Contraintes
    public string? ContraintesOrganisationnelles { get; init; }

    public string? ContraintesCompetences { get; init; }

    public string? ContraintesExterieures { get; init; }

    // Conditions de réussite, incertitudes, suivi
    public string? ConditionsReussite { get; init; }

    public string? Incertitudes { get; init; }

    public string? IndicateursSuivi { get; init; }

    /// <summary>The global cost (somme inscrite au PPI): the four parts, those given.</summary>
    public Montant CoutGlobal =>
        new[] { CoutInformatique, CoutOrganisation, CoutFormation, DepensesAssociees }.Aggregate(Montant.Zero, (s, m) => m is { } v ? s + v : s);

    /// <summary>The same content with every text trimmed and blank texts as null.</summary>
    public ContenuFiche Normalise() => this with
    {
        DirectionPilote = N(DirectionPilote),
        Diffusion = N(Diffusion),
        Redacteur = N(Redacteur),
        Validation = N(Validation),
        Origine = N(Origine),
        Demandeur = N(Demandeur),
        Enjeux = N(Enjeux),
        ProjetsConnexes = N(ProjetsConnexes),
        Description = N(Description),
        PeriodeSouhaitee = N(PeriodeSouhaitee),
        EtapesInitiales = N(EtapesInitiales),
        FinancementExterieur = N(FinancementExterieur),
        ObjectifsUsagers = N(ObjectifsUsagers),
        ObjectifsDirection = N(ObjectifsDirection),
        ObjectifsUtilisateurs = N(ObjectifsUtilisateurs),
        ContraintesOrganisationnelles = N(ContraintesOrganisationnelles),
        ContraintesCompetences = N(ContraintesCompetences),
        ContraintesExterieures = N(ContraintesExterieures),
        ConditionsReussite = N(ConditionsReussite),
        Incertitudes = N(Incertitudes),
        IndicateursSuivi = N(IndicateursSuivi),
    };

    /// <summary>Why this content cannot be stored, even as a draft (length, control characters, negative amount): per field.</summary>
    public IReadOnlyList<RefusFiche> RefusStockage()
    {
        var refus = new List<RefusFiche>();
        foreach (var champ in ChampFiche.Tous)
        {
            switch (champ.Lire(this))
            {
                case string texte when Limites.Refus(texte, champ.LongueurMax, champ.Libelle) is { } message:
                    refus.Add(new RefusFiche(message, champ.Nom));
                    break;
                case Montant { Euros: < 0 or > 1_000_000_000m }:
                    refus.Add(new RefusFiche($"{champ.Libelle} doit être un montant positif (au plus 1 000 000 000 €).", champ.Nom));
                    break;
            }
        }

        return refus;
    }

    /// <summary>What a submission still lacks, field by field (Annexe 3's sections that must be filled in).</summary>
    public IReadOnlyList<RefusFiche> Incompletudes()
    {
        var refus = new List<RefusFiche>(RefusStockage());
        foreach (var champ in ChampFiche.Tous.Where(c => c.Obligatoire && c.Lire(this) is null))
        {
            if (refus.All(r => r.Champ != champ.Nom))
            {
                refus.Add(new RefusFiche($"{champ.Libelle} : à renseigner avant le dépôt.", champ.Nom));
            }
        }

        if (Nature == NatureProjet.AvecProjetsConnexes && ProjetsConnexes is null)
        {
            refus.Add(new RefusFiche("Projets connexes : précisez lesquels (système d'information, organisation, formation…).", nameof(ProjetsConnexes)));
        }

        if (MontantFinancementExterieur is { Euros: > 0 } && FinancementExterieur is null)
        {
            refus.Add(new RefusFiche("Financement extérieur : précisez sa nature (subvention, participation…).", nameof(FinancementExterieur)));
        }

        if (MontantFinancementExterieur is { } financement && financement.Euros > CoutGlobal.Euros)
        {
            refus.Add(new RefusFiche($"Le financement extérieur ({financement}) ne peut pas dépasser le coût global estimé ({CoutGlobal}).", nameof(MontantFinancementExterieur)));
        }

        return refus;
    }

    private static string? N(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}

/// <summary>
/// One field of Annexe 3: its name (the property, the form field), its French label, its section, whether a submission
/// needs it and its maximum length. The form, the PDF, the comparison of two versions and the checks read this list.
/// </summary>
public sealed record ChampFiche(string Nom, string Libelle, string Section, bool Obligatoire, int LongueurMax, Func<ContenuFiche, object?> Lire)
{
    public const string EnTete = "En-tête";
    public const string LaDemande = "La demande";
    public const string LeProjet = "Le projet";
    public const string Enveloppe = "Enveloppe financière";
    public const string Objectifs = "Objectifs du projet";
    public const string Contraintes = "Contraintes à respecter";
    public const string Reussite = "Conditions de réussite, incertitudes et suivi";

    private const int Court = ContenuFiche.LongueurMaxCourt;
    private const int Long = ContenuFiche.LongueurMaxLong;

    public static readonly IReadOnlyList<ChampFiche> Tous =
    [
        new(nameof(ContenuFiche.DirectionPilote), "Direction pilote", EnTete, true, Court, c => c.DirectionPilote),
        new(nameof(ContenuFiche.Type), "Type de projet", EnTete, true, Court, c => c.Type),
        new(nameof(ContenuFiche.Diffusion), "Diffusion", EnTete, false, Long, c => c.Diffusion),
        new(nameof(ContenuFiche.Redacteur), "Visa du rédacteur", EnTete, true, Court, c => c.Redacteur),
        new(nameof(ContenuFiche.Validation), "Visa pour validation", EnTete, false, Court, c => c.Validation),
        new(nameof(ContenuFiche.Origine), "Origine de la demande et état de l'existant", LaDemande, true, Long, c => c.Origine),
        new(nameof(ContenuFiche.Demandeur), "Le demandeur", LaDemande, true, Court, c => c.Demandeur),
        new(nameof(ContenuFiche.Enjeux), "Les enjeux", LaDemande, true, Long, c => c.Enjeux),
        new(nameof(ContenuFiche.Nature), "Nature du projet", LaDemande, true, Court, c => c.Nature),
        new(nameof(ContenuFiche.ProjetsConnexes), "Projets connexes", LaDemande, false, Long, c => c.ProjetsConnexes),
        new(nameof(ContenuFiche.Description), "Description du projet", LeProjet, true, Long, c => c.Description),
        new(nameof(ContenuFiche.PeriodeSouhaitee), "Période de mise en application souhaitée", LeProjet, true, Court, c => c.PeriodeSouhaitee),
        new(nameof(ContenuFiche.EtapesInitiales), "Étapes initiales du projet", LeProjet, false, Long, c => c.EtapesInitiales),
        new(nameof(ContenuFiche.CoutInformatique), "Coût du projet informatique", Enveloppe, true, Court, c => c.CoutInformatique),
        new(nameof(ContenuFiche.CoutOrganisation), "Coût du projet organisation", Enveloppe, false, Court, c => c.CoutOrganisation),
        new(nameof(ContenuFiche.CoutFormation), "Coût du projet formation métier", Enveloppe, false, Court, c => c.CoutFormation),
        new(nameof(ContenuFiche.DepensesAssociees), "Dépenses associées", Enveloppe, false, Court, c => c.DepensesAssociees),
        new(nameof(ContenuFiche.FinancementExterieur), "Financement extérieur escompté", Enveloppe, false, Long, c => c.FinancementExterieur),
        new(nameof(ContenuFiche.MontantFinancementExterieur), "Montant du financement extérieur", Enveloppe, false, Court, c => c.MontantFinancementExterieur),
        new(nameof(ContenuFiche.ObjectifsUsagers), "Objectifs attendus pour l'usager", Objectifs, true, Long, c => c.ObjectifsUsagers),
        new(nameof(ContenuFiche.ObjectifsDirection), "Objectifs attendus par la direction", Objectifs, true, Long, c => c.ObjectifsDirection),
        new(nameof(ContenuFiche.ObjectifsUtilisateurs), "Objectifs attendus par les utilisateurs", Objectifs, true, Long, c => c.ObjectifsUtilisateurs),
        new(nameof(ContenuFiche.ContraintesOrganisationnelles), "Contraintes organisationnelles du service demandeur", Contraintes, false, Long, c => c.ContraintesOrganisationnelles),
        new(nameof(ContenuFiche.ContraintesCompetences), "Compétences, métiers, formation", Contraintes, false, Long, c => c.ContraintesCompetences),
        new(nameof(ContenuFiche.ContraintesExterieures), "Contraintes extérieures", Contraintes, false, Long, c => c.ContraintesExterieures),
        new(nameof(ContenuFiche.ConditionsReussite), "Conditions de réussite", Reussite, true, Long, c => c.ConditionsReussite),
        new(nameof(ContenuFiche.Incertitudes), "Incertitudes", Reussite, false, Long, c => c.Incertitudes),
        new(nameof(ContenuFiche.IndicateursSuivi), "Indicateurs de suivi du projet", Reussite, true, Long, c => c.IndicateursSuivi),
    ];

    /// <summary>The field's value as printed (French labels for choices, fr-FR amounts), or null when empty.</summary>
    public string? Texte(ContenuFiche contenu) => Lire(contenu) switch
    {
        null => null,
        TypeProjet t => t.Libelle(),
        NatureProjet n => n.Libelle(),
        Montant m => m.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.GetCultureInfo("fr-FR")),
        var v => v.ToString(),
    };

    /// <summary>The fields whose value differs between two versions (the comparison of Annexe 3's version history).</summary>
    public static IReadOnlyList<(ChampFiche Champ, string? Avant, string? Apres)> Differences(ContenuFiche avant, ContenuFiche apres) =>
        Tous.Select(c => (Champ: c, Avant: c.Texte(avant), Apres: c.Texte(apres)))
            .Where(d => !string.Equals(d.Avant, d.Apres, StringComparison.Ordinal)).ToList();
}
