namespace Mutualisation.Domain.Membres;

/// <summary>
/// One word of a member's folded name (<see cref="Membre.NomRecherche"/> split on spaces), kept in
/// its own indexed table so a search by the start of a word reads an index instead of every name.
/// </summary>
public sealed class MotDuNom
{
    public string Mot { get; private set; }

    private MotDuNom()
    {
        Mot = string.Empty;
    }

    internal MotDuNom(string mot)
    {
        Mot = mot;
    }
}
