namespace Mutualisation.Domain.Membres;

public enum NatureMembre
{
    Commune = 1,
    EtablissementAssocie = 2,
}
