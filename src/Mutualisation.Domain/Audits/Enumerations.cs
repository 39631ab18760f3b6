namespace Mutualisation.Domain.Audits;

/// <summary>The steps of an audit (Redon art. 4.1).</summary>
public enum StatutAudit
{
    Demande,
    Planifie,
    EnCours,
    RapportLivre,
    Annule,
}

/// <summary>The three cybersecurity axes of the audit (domain.md, "Audits").</summary>
public enum AxeAudit
{
    /// <summary>Organisation and information management (criteria of the CNIL security guide).</summary>
    Organisation,

    /// <summary>Infrastructure and equipment (network, telephony, servers…).</summary>
    Infrastructure,

    /// <summary>Resources and finances (procurement, contracts, subscriptions).</summary>
    Ressources,
}

/// <summary>The nine themes the audit's recommendations cover (Redon art. 4.1).</summary>
public enum ThemeRecommandation
{
    ConformiteLegale,
    PerenniteFiabilite,
    AdequationBesoins,
    RepriseApresSinistre,
    AccesResponsabilites,
    MaintenanceSecurite,
    MiseEnProduction,
    ConduiteDeProjet,
    DocumentsDeReference,
}

public enum GraviteConstat
{
    Faible,
    Moderee,
    Elevee,
    Critique,
}

/// <summary>What an inventory line is: the four inventories the audit updates.</summary>
public enum NatureElementInventaire
{
    Logiciel,
    Materiel,
    ActifImmateriel,
    Contrat,
}

public static class LibellesAudit
{
    public static string Libelle(this StatutAudit statut) => statut switch
    {
        StatutAudit.Demande => "Demandé",
        StatutAudit.Planifie => "Planifié",
        StatutAudit.EnCours => "En cours",
        StatutAudit.RapportLivre => "Rapport livré",
        StatutAudit.Annule => "Annulé",
        _ => statut.ToString(),
    };

    public static string Libelle(this AxeAudit axe) => axe switch
    {
        AxeAudit.Organisation => "Organisation et gestion de l'information",
        AxeAudit.Infrastructure => "Infrastructures et équipements",
        AxeAudit.Ressources => "Ressources et finances",
        _ => axe.ToString(),
    };

    public static string Libelle(this ThemeRecommandation theme) => theme switch
    {
        ThemeRecommandation.ConformiteLegale => "Conformité légale",
        ThemeRecommandation.PerenniteFiabilite => "Pérennité et fiabilité",
        ThemeRecommandation.AdequationBesoins => "Adéquation aux besoins des utilisateurs",
        ThemeRecommandation.RepriseApresSinistre => "Reprise après panne ou sinistre",
        ThemeRecommandation.AccesResponsabilites => "Accès et chaîne de responsabilité",
        ThemeRecommandation.MaintenanceSecurite => "Maintenance et sécurité",
        ThemeRecommandation.MiseEnProduction => "Mise en production et changements",
        ThemeRecommandation.ConduiteDeProjet => "Conduite de projet et du changement",
        ThemeRecommandation.DocumentsDeReference => "Mise à jour des documents de référence",
        _ => theme.ToString(),
    };

    public static string Libelle(this GraviteConstat gravite) => gravite switch
    {
        GraviteConstat.Faible => "Faible",
        GraviteConstat.Moderee => "Modérée",
        GraviteConstat.Elevee => "Élevée",
        GraviteConstat.Critique => "Critique",
        _ => gravite.ToString(),
    };

    public static string Libelle(this NatureElementInventaire nature) => nature switch
    {
        NatureElementInventaire.Logiciel => "Logiciel",
        NatureElementInventaire.Materiel => "Matériel",
        NatureElementInventaire.ActifImmateriel => "Actif immatériel",
        NatureElementInventaire.Contrat => "Contrat",
        _ => nature.ToString(),
    };
}
