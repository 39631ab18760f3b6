using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>
/// Annexe 3 as the form posts it: every field as typed (amounts in French, « 4 800,50 »), so a rejected form comes back
/// with the user's input. <see cref="Envoi"/> says whether to save the draft or to submit it.
/// </summary>
public sealed class FicheFormulaire
{
    public const string EnvoiDeposer = "deposer";

    public string? MembreId { get; set; }

    public string? Titre { get; set; }

    public string? Commentaire { get; set; }

    public string? Envoi { get; set; }

    public string? DirectionPilote { get; set; }

    public string? Type { get; set; }

    public string? Diffusion { get; set; }

    public string? Redacteur { get; set; }

    public string? Validation { get; set; }

    public string? Origine { get; set; }

    public string? Demandeur { get; set; }

    public string? Enjeux { get; set; }

    public string? Nature { get; set; }

    public string? ProjetsConnexes { get; set; }

    public string? Description { get; set; }

    public string? PeriodeSouhaitee { get; set; }

    public string? EtapesInitiales { get; set; }

    public string? CoutInformatique { get; set; }

    public string? CoutOrganisation { get; set; }

    public string? CoutFormation { get; set; }

    public string? DepensesAssociees { get; set; }

    public string? FinancementExterieur { get; set; }

    public string? MontantFinancementExterieur { get; set; }

    public string? ObjectifsUsagers { get; set; }

    public string? ObjectifsDirection { get; set; }

    public string? ObjectifsUtilisateurs { get; set; }

    public string? ContraintesOrganisationnelles { get; set; }

    public string? ContraintesCompetences { get; set; }

    public string? ContraintesExterieures { get; set; }

    public string? ConditionsReussite { get; set; }

    public string? Incertitudes { get; set; }

    public string? IndicateursSuivi { get; set; }

    public bool Deposer => string.Equals(Envoi, EnvoiDeposer, StringComparison.Ordinal);

    /// <summary>The value typed for a field of <see cref="ChampFiche.Tous"/>.</summary>
    public string? Valeur(string nom) => typeof(FicheFormulaire).GetProperty(nom)?.GetValue(this) as string;

    /// <summary>
    /// The content the form describes, or the fields that cannot be read (an amount that is not one, an unknown
    /// choice): each error is named by its field.
    /// </summary>
    public (ContenuFiche Contenu, IReadOnlyList<RefusFiche> Erreurs) VersContenu()
    {
        var erreurs = new List<RefusFiche>();
        Montant? Euros(string? texte, string champ)
        {
            if (SaisieFr.EstVide(texte))
            {
                return null;
            }

            if (SaisieFr.EstMontantOuVide(texte))
            {
                return new Montant(SaisieFr.Nombre(texte)!.Value);
            }

            erreurs.Add(new RefusFiche($"{ChampFiche.Tous.Single(c => c.Nom == champ).Libelle} : saisissez un montant en euros (par exemple 4 800,50).", champ));
            return null;
        }

        T? Choix<T>(string? texte, string champ)
            where T : struct, Enum
        {
            if (SaisieFr.EstVide(texte))
            {
                return null;
            }

            if (Enum.TryParse<T>(texte, out var valeur) && Enum.IsDefined(valeur) && !int.TryParse(texte, out _))
            {
                return valeur;
            }

            erreurs.Add(new RefusFiche($"{ChampFiche.Tous.Single(c => c.Nom == champ).Libelle} : choisissez une des valeurs proposées.", champ));
            return null;
        }

        var contenu = new ContenuFiche
        {
            DirectionPilote = DirectionPilote,
            Type = Choix<TypeProjet>(Type, nameof(Type)),
            Diffusion = Diffusion,
            Redacteur = Redacteur,
            Validation = Validation,
            Origine = Origine,
            Demandeur = Demandeur,
            Enjeux = Enjeux,
            Nature = Choix<NatureProjet>(Nature, nameof(Nature)),
            ProjetsConnexes = ProjetsConnexes,
            Description = Description,
            PeriodeSouhaitee = PeriodeSouhaitee,
            EtapesInitiales = EtapesInitiales,
            CoutInformatique = Euros(CoutInformatique, nameof(CoutInformatique)),
            CoutOrganisation = Euros(CoutOrganisation, nameof(CoutOrganisation)),
            CoutFormation = Euros(CoutFormation, nameof(CoutFormation)),
            DepensesAssociees = Euros(DepensesAssociees, nameof(DepensesAssociees)),
            FinancementExterieur = FinancementExterieur,
            MontantFinancementExterieur = Euros(MontantFinancementExterieur, nameof(MontantFinancementExterieur)),
            ObjectifsUsagers = ObjectifsUsagers,
            ObjectifsDirection = ObjectifsDirection,
            ObjectifsUtilisateurs = ObjectifsUtilisateurs,
            ContraintesOrganisationnelles = ContraintesOrganisationnelles,
            ContraintesCompetences = ContraintesCompetences,
            ContraintesExterieures = ContraintesExterieures,
            ConditionsReussite = ConditionsReussite,
            Incertitudes = Incertitudes,
            IndicateursSuivi = IndicateursSuivi,
        };
        return (contenu, erreurs);
    }

    /// <summary>The form filled with a stored fiche (amounts in French without the currency).</summary>
    public static FicheFormulaire Depuis(FicheProjet fiche)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        var c = fiche.Contenu;
        static string? E(Montant? m) => m is { } v ? SaisieFr.Texte(v.Euros) : null;
        return new FicheFormulaire
        {
            MembreId = fiche.MembreId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Titre = fiche.Titre,
            DirectionPilote = c.DirectionPilote,
            Type = c.Type?.ToString(),
            Diffusion = c.Diffusion,
            Redacteur = c.Redacteur,
            Validation = c.Validation,
            Origine = c.Origine,
            Demandeur = c.Demandeur,
            Enjeux = c.Enjeux,
            Nature = c.Nature?.ToString(),
            ProjetsConnexes = c.ProjetsConnexes,
            Description = c.Description,
            PeriodeSouhaitee = c.PeriodeSouhaitee,
            EtapesInitiales = c.EtapesInitiales,
            CoutInformatique = E(c.CoutInformatique),
            CoutOrganisation = E(c.CoutOrganisation),
            CoutFormation = E(c.CoutFormation),
            DepensesAssociees = E(c.DepensesAssociees),
            FinancementExterieur = c.FinancementExterieur,
            MontantFinancementExterieur = E(c.MontantFinancementExterieur),
            ObjectifsUsagers = c.ObjectifsUsagers,
            ObjectifsDirection = c.ObjectifsDirection,
            ObjectifsUtilisateurs = c.ObjectifsUtilisateurs,
            ContraintesOrganisationnelles = c.ContraintesOrganisationnelles,
            ContraintesCompetences = c.ContraintesCompetences,
            ContraintesExterieures = c.ContraintesExterieures,
            ConditionsReussite = c.ConditionsReussite,
            Incertitudes = c.Incertitudes,
            IndicateursSuivi = c.IndicateursSuivi,
        };
    }
}

/// <summary>The DSI's request for more information (the fiche goes back « en construction »).</summary>
public sealed class DemandeComplementsFormulaire
{
    public string? Demande { get; set; }
}

/// <summary>What the DSI records during instruction.</summary>
public sealed class InstructionFormulaire
{
    /// <summary>« oui », « non » or empty (not established yet).</summary>
    public string? CouvertParExistant { get; set; }

    public string? DureeEstimeeMois { get; set; }

    public string? AvisDsi { get; set; }
}
