namespace Mutualisation.Domain.Membres;

public enum NatureMembre
{
    Commune = 1,
    EtablissementAssocie = 2,
}

public static class NatureMembreLibelles
{
    /// <summary>The French label shown in lists, pages and forms.</summary>
    public static string Libelle(this NatureMembre nature) => nature switch
    {
        NatureMembre.Commune => "Commune",
        NatureMembre.EtablissementAssocie => "Établissement associé",
        _ => nature.ToString(),
    };
}
