using Mutualisation.Domain.Commun;

namespace Mutualisation.Domain.Conventions;

/// <summary>
/// A signed document of a convention (the convention itself, a délibération, the PV, an avenant…), its content
/// checked before it gets here. Carries its member so that a commune user reaches only her own (query filter).
/// </summary>
public sealed class DocumentConvention : IPerimetreMembre
{
    public const int LongueurMaxTitre = 200;

    public int Id { get; private set; }

    public int ConventionId { get; private set; }

    public int MembreId { get; private set; }

    public NatureDocumentConvention Nature { get; private set; }

    public string Titre { get; private set; } = string.Empty;

    /// <summary>The avenant this document carries, when it is one.</summary>
    public int? AvenantNumero { get; private set; }

    public string NomFichier { get; private set; } = string.Empty;

    public string TypeContenu { get; private set; } = string.Empty;

    public int Taille { get; private set; }

    public byte[] Contenu { get; private set; } = [];

    public DateTimeOffset DeposeLe { get; private set; }

    public string DeposePar { get; private set; } = string.Empty;

    private DocumentConvention()
    {
    }

    internal DocumentConvention(int membreId, NatureDocumentConvention nature, string titre, int? avenantNumero, string nomFichier, string typeContenu, byte[] contenu, DateTimeOffset deposeLe, Auteur auteur)
    {
        MembreId = membreId;
        Nature = nature;
        Titre = titre;
        AvenantNumero = avenantNumero;
        NomFichier = nomFichier;
        TypeContenu = typeContenu;
        Contenu = contenu;
        Taille = contenu.Length;
        DeposeLe = deposeLe;
        DeposePar = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom;
    }
}
