using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;

namespace Mutualisation.Domain.FichesProjet;

/// <summary>What a line of a fiche's exchanges is: a message of the thread (the commune reads it) or a private DSI annotation.</summary>
public enum GenreEchange
{
    Message,
    Annotation,
}

/// <summary>
/// A message of the thread between the commune and the DSI about one fiche, or a private annotation of the DSI (never
/// shown to the commune). Carries the fiche's member, so a commune account reads and writes only its own commune's.
/// </summary>
public sealed class EchangeFiche : IPerimetreMembre
{
    public const int LongueurMaxTexte = 4000;

    private EchangeFiche()
    {
    }

    public int Id { get; private set; }

    public int FicheId { get; private set; }

    public int MembreId { get; private set; }

    public GenreEchange Genre { get; private set; }

    public string Texte { get; private set; } = string.Empty;

    /// <summary>True when the DSI wrote it (a message « de la DSI »), false when the commune did.</summary>
    public bool ParLaDsi { get; private set; }

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public DateTimeOffset Horodatage { get; private set; }

    /// <summary>Writes a message (commune or DSI) or an annotation (DSI only); refused with a French reason otherwise.</summary>
    public static RefusFiche? Ecrire(FicheProjet fiche, GenreEchange genre, string? texte, bool parLaDsi, Auteur auteur, DateTimeOffset quand, out EchangeFiche? echange)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        ArgumentNullException.ThrowIfNull(auteur);
        echange = null;
        if (genre == GenreEchange.Annotation && !parLaDsi)
        {
            return new("Seule la DSI annote une fiche.");
        }

        var libelle = genre == GenreEchange.Annotation ? "L'annotation" : "Le message";
        if (string.IsNullOrWhiteSpace(texte))
        {
            return new($"{libelle} est vide : écrivez quelques mots.", "Texte");
        }

        if (Limites.Refus(texte.Trim(), LongueurMaxTexte, libelle) is { } refus)
        {
            return new(refus, "Texte");
        }

        echange = new EchangeFiche
        {
            FicheId = fiche.Id,
            MembreId = fiche.MembreId,
            Genre = genre,
            Texte = texte.Trim(),
            ParLaDsi = parLaDsi,
            UtilisateurId = auteur.UtilisateurId,
            UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom,
            Horodatage = quand.ToUniversalTime(),
        };
        return null;
    }
}

/// <summary>
/// A file attached to a fiche (or to one of its messages or annotations), kept in the database, outside the web root.
/// A file of an annotation is the DSI's only (<see cref="PriveeDsi"/>).
/// </summary>
public sealed class PieceFiche : IPerimetreMembre
{
    public const int LongueurMaxNom = 255;

    private PieceFiche()
    {
    }

    public int Id { get; private set; }

    public int FicheId { get; private set; }

    public int MembreId { get; private set; }

    /// <summary>The message or annotation it came with; null for a file attached to the fiche itself.</summary>
    public int? EchangeId { get; private set; }

    /// <summary>The message or annotation, when both are saved together (its key is known only then).</summary>
    public EchangeFiche? Echange { get; private set; }

    public bool PriveeDsi { get; private set; }

    public string NomFichier { get; private set; } = string.Empty;

    public string TypeContenu { get; private set; } = string.Empty;

    public int Taille { get; private set; }

    public byte[] Contenu { get; private set; } = [];

    public string? UtilisateurId { get; private set; }

    public string UtilisateurNom { get; private set; } = string.Empty;

    public DateTimeOffset DeposeeLe { get; private set; }

    /// <summary>
    /// Attaches a file already checked by its content. The commune attaches files to its fiche while it is a draft or
    /// « en construction » (to a message at any time: the file is part of the message); the DSI at any time.
    /// </summary>
    public static RefusFiche? Joindre(FicheProjet fiche, EchangeFiche? echange, bool parLaDsi, string nomFichier, string typeContenu, byte[] contenu,
        Auteur auteur, DateTimeOffset quand, out PieceFiche? piece)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        ArgumentNullException.ThrowIfNull(contenu);
        ArgumentNullException.ThrowIfNull(auteur);
        piece = null;
        if (echange is null && !parLaDsi && !fiche.Etat.EstModifiableParLaCommune())
        {
            return new($"La commune joint des fichiers à une fiche en brouillon ou en construction (celle-ci est {fiche.Etat.Libelle().ToLowerInvariant()}) ; "
                + "vous pouvez joindre un fichier à un message à la DSI.", "Fichier");
        }

        if (echange is not null && (echange.FicheId != fiche.Id || echange.MembreId != fiche.MembreId))
        {
            return new("Ce message n'appartient pas à cette fiche.", "Fichier");
        }

        piece = new PieceFiche
        {
            FicheId = fiche.Id,
            MembreId = fiche.MembreId,
            Echange = echange,
            PriveeDsi = echange?.Genre == GenreEchange.Annotation,
            NomFichier = nomFichier.Length > LongueurMaxNom ? nomFichier[..LongueurMaxNom] : nomFichier,
            TypeContenu = typeContenu,
            Taille = contenu.Length,
            Contenu = contenu,
            UtilisateurId = auteur.UtilisateurId,
            UtilisateurNom = auteur.Nom.Length > 200 ? auteur.Nom[..200] : auteur.Nom,
            DeposeeLe = quand.ToUniversalTime(),
        };
        return null;
    }
}
