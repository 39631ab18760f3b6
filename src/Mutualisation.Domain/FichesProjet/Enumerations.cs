namespace Mutualisation.Domain.FichesProjet;

/// <summary>
/// Where a fiche projet stands, modelled on the State's dossier workflow (issue 11): the commune drafts and submits,
/// the DSI instructs (and may send it back « en construction » for more), the COPIL decides.
/// </summary>
public enum EtatFiche
{
    Brouillon,
    Deposee,
    EnConstruction,
    EnInstruction,
    PresenteeCopil,
    Acceptee,
    Refusee,
    Ajournee,
}

/// <summary>Header of Annexe 3: « Type de projet : Transversal ou Sectoriel ».</summary>
public enum TypeProjet
{
    Sectoriel,
    Transversal,
}

/// <summary>« La nature du projet » of Annexe 3: isolated (unitaire) or with related projects.</summary>
public enum NatureProjet
{
    Isole,
    AvecProjetsConnexes,
}

/// <summary>What the COPIL decides for a fiche on its agenda.</summary>
public enum DecisionCopil
{
    Acceptee,
    Refusee,
    Ajournee,
}

/// <summary>A similar fiche of another member: suggested by the portal, then confirmed or dismissed by the DSI.</summary>
public enum StatutLien
{
    Suggere,
    Confirme,
    Ecarte,
}

public static class LibellesFiche
{
    public static string Libelle(this EtatFiche etat) => etat switch
    {
        EtatFiche.Brouillon => "Brouillon",
        EtatFiche.Deposee => "Déposée",
        EtatFiche.EnConstruction => "En construction (compléments demandés)",
        EtatFiche.EnInstruction => "En instruction",
        EtatFiche.PresenteeCopil => "Présentée en COPIL",
        EtatFiche.Acceptee => "Acceptée (planifiée)",
        EtatFiche.Refusee => "Refusée",
        _ => "Ajournée",
    };

    public static string Libelle(this TypeProjet type) => type == TypeProjet.Transversal ? "Transversal" : "Sectoriel";

    public static string Libelle(this NatureProjet nature) =>
        nature == NatureProjet.Isole ? "Projet isolé (unitaire)" : "Avec projets connexes (système d'information, organisation, formation…)";

    public static string Libelle(this StatutLien statut) => statut switch
    {
        StatutLien.Suggere => "Suggéré",
        StatutLien.Confirme => "Besoin partagé confirmé",
        _ => "Écarté",
    };

    public static string Libelle(this DecisionCopil decision) => decision switch
    {
        DecisionCopil.Acceptee => "Acceptée",
        DecisionCopil.Refusee => "Refusée",
        _ => "Ajournée",
    };

    /// <summary>The states in which the commune may still edit its fiche.</summary>
    public static bool EstModifiableParLaCommune(this EtatFiche etat) => etat is EtatFiche.Brouillon or EtatFiche.EnConstruction;

    /// <summary>The states a decision closes.</summary>
    public static bool EstDecidee(this EtatFiche etat) => etat is EtatFiche.Acceptee or EtatFiche.Refusee;
}
