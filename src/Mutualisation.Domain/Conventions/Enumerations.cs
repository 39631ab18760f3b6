namespace Mutualisation.Domain.Conventions;

/// <summary>The two conventions the portal knows (domain.md, "Members and conventions").</summary>
public enum ModeleConvention
{
    /// <summary>Redon: convention cadre of the service commun (art. L5211-4-2 CGCT), one year, tacitly renewed.</summary>
    ServiceCommun,

    /// <summary>CCCF: convention globale de mutualisation, effective after the PV de mise en service.</summary>
    ConventionGlobale,
}

public enum StatutConvention
{
    Brouillon,
    Signee,
    EnVigueur,
    Denoncee,
    Resiliee,
}

/// <summary>Who gave notice (dénonciation).</summary>
public enum AuteurDenonciation
{
    Membre,
    Epci,
}

/// <summary>What an uploaded document of a convention is.</summary>
public enum NatureDocumentConvention
{
    ConventionSignee,
    Deliberation,
    ProcesVerbal,
    Avenant,
    Courrier,
    Autre,
}

public static class LibellesConvention
{
    public static string Libelle(this ModeleConvention modele) => modele switch
    {
        ModeleConvention.ServiceCommun => "Service commun (convention cadre)",
        ModeleConvention.ConventionGlobale => "Convention globale de mutualisation",
        _ => modele.ToString(),
    };

    public static string Libelle(this StatutConvention statut) => statut switch
    {
        StatutConvention.Brouillon => "Brouillon",
        StatutConvention.Signee => "Signée",
        StatutConvention.EnVigueur => "En vigueur",
        StatutConvention.Denoncee => "Dénoncée",
        StatutConvention.Resiliee => "Résiliée",
        _ => statut.ToString(),
    };

    public static string Libelle(this AuteurDenonciation auteur) => auteur switch
    {
        AuteurDenonciation.Membre => "le membre",
        AuteurDenonciation.Epci => "l'EPCI",
        _ => auteur.ToString(),
    };

    public static string Libelle(this NatureDocumentConvention nature) => nature switch
    {
        NatureDocumentConvention.ConventionSignee => "Convention signée",
        NatureDocumentConvention.Deliberation => "Délibération",
        NatureDocumentConvention.ProcesVerbal => "Procès-verbal de mise en service",
        NatureDocumentConvention.Avenant => "Avenant",
        NatureDocumentConvention.Courrier => "Courrier",
        NatureDocumentConvention.Autre => "Autre document",
        _ => nature.ToString(),
    };
}
