using System.IO.Compression;
using Mutualisation.Web.Infrastructure;
using PdfSharp.Pdf.IO;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>
/// What an annexe must be, read from its content and not only its first bytes: a PDF that
/// PDFsharp opens, an ODT whose first zip entry <c>mimetype</c> says so, a DOCX with its
/// <c>[Content_Types].xml</c> and <c>word/document.xml</c>. Reasons in French.
/// </summary>
public static class VerificationAnnexe
{
    public const int TailleMaximale = 10 * 1024 * 1024;

    public const string TypePdf = "application/pdf";
    public const string TypeOdt = "application/vnd.oasis.opendocument.text";
    public const string TypeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    static VerificationAnnexe() => PdfSharp.PdfSharpLicense.SetAgplLicense();

    /// <summary>The content type of an accepted annexe, or the reason it is refused.</summary>
    public static (string? Type, string? Refus) Verifier(string nomFichier, byte[] contenu)
    {
        var extension = Path.GetExtension(nomFichier).ToLowerInvariant();
        var (type, valide) = extension switch
        {
            ".pdf" => (TypePdf, (Func<byte[], bool>)EstUnPdf),
            ".odt" => (TypeOdt, EstUnOdt),
            ".docx" => (TypeDocx, EstUnDocx),
            _ => (null, null),
        };
        if (type is null || valide is null)
        {
            return (null, $"Fichier refusé : seuls les PDF, ODT et DOCX sont acceptés (reçu « {nomFichier} »).");
        }

        return valide(contenu)
            ? (type, null)
            : (null, $"Fichier refusé : « {nomFichier} » n'a pas le contenu d'un fichier {extension} (fichier abîmé, incomplet ou renommé).");
    }

    private static bool EstUnPdf(byte[] contenu)
    {
        if (!contenu.AsSpan().StartsWith("%PDF-"u8))
        {
            return false;
        }

        try
        {
            using var flux = new MemoryStream(contenu, writable: false);
            using var document = PdfReader.Open(flux, PdfDocumentOpenMode.Import);
            return document.PageCount > 0;
        }
#pragma warning disable CA1031 // Any parser failure means "not a readable PDF", which is the answer.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static bool EstUnOdt(byte[] contenu) => LireZip(contenu, zip =>
    {
        // OpenDocument: the first entry is "mimetype", stored uncompressed, holding the type.
        var premiere = zip.Entries.Count > 0 ? zip.Entries[0] : null;
        if (premiere is not { FullName: "mimetype" } || premiere.Length > 200 || zip.GetEntry("content.xml") is null)
        {
            return false;
        }

        using var lecteur = new StreamReader(premiere.Open());
        return lecteur.ReadToEnd().Trim() == TypeOdt;
    });

    private static bool EstUnDocx(byte[] contenu) =>
        LireZip(contenu, zip => zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null);

    private static bool LireZip(byte[] contenu, Func<ZipArchive, bool> verifier)
    {
        if (!contenu.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        try
        {
            using var flux = new MemoryStream(contenu, writable: false);
            using var zip = new ZipArchive(flux, ZipArchiveMode.Read);
            return verifier(zip);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Reads and checks an uploaded annexe: its title, its size, its content; the cleaned file name.</summary>
    public static async Task<(string? Erreur, string? Type, byte[]? Contenu, string NomFichier)> LireAsync(string? titre, IFormFile? fichier, CancellationToken annulation)
    {
        var nom = NomDeFichier.Nettoyer(fichier?.FileName);
        if (string.IsNullOrWhiteSpace(titre) || titre.Trim().Length > 200)
        {
            return ("Donnez un titre à l'annexe (200 caractères au plus).", null, null, nom);
        }

        if (fichier is null || fichier.Length == 0)
        {
            return ("Choisissez un fichier non vide.", null, null, nom);
        }

        if (fichier.Length > TailleMaximale)
        {
            return ($"Fichier refusé : {FormatFr.Entier((int)Math.Min(int.MaxValue, fichier.Length / 1024))} Ko dépassent la limite de 10 Mo.", null, null, nom);
        }

        using var memoire = new MemoryStream();
        await fichier.CopyToAsync(memoire, annulation);
        var contenu = memoire.ToArray();
        var (type, refus) = Verifier(nom, contenu);
        return (refus, type, refus is null ? contenu : null, nom);
    }
}
