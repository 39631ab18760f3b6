using System.IO.Compression;
using Mutualisation.Web.Infrastructure;
using PdfSharp.Pdf.IO;

namespace Mutualisation.Web.Features.Catalogue;

/// <summary>
/// What an annexe must be, read from its content and not only its first bytes: a PDF that
/// PDFsharp opens, an ODT whose first zip entry <c>mimetype</c> says so, a DOCX with its
/// <c>[Content_Types].xml</c> and <c>word/document.xml</c>, an XLSX with <c>xl/workbook.xml</c>, a PNG with its
/// signature and header chunk, a JPEG with its start and end markers. Each use says which formats it accepts (the
/// catalogue's annexes: PDF, ODT, DOCX; the files of a fiche projet: all of them). Reasons in French.
/// </summary>
public static class VerificationAnnexe
{
    public const int TailleMaximale = 10 * 1024 * 1024;

    public const string TypePdf = "application/pdf";
    public const string TypeOdt = "application/vnd.oasis.opendocument.text";
    public const string TypeDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string TypeXlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string TypePng = "image/png";
    public const string TypeJpeg = "image/jpeg";

    /// <summary>What the catalogue's annexes may be.</summary>
    public static readonly IReadOnlyList<string> FormatsDocuments = [".pdf", ".odt", ".docx"];

    /// <summary>What the files of a fiche projet may be (issue 11).</summary>
    public static readonly IReadOnlyList<string> FormatsFichesProjet = [".pdf", ".odt", ".docx", ".xlsx", ".png", ".jpg", ".jpeg"];

    private static readonly byte[] SignaturePng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] DebutJpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] FinJpeg = [0xFF, 0xD9];

    static VerificationAnnexe() => PdfSharp.PdfSharpLicense.SetAgplLicense();

    /// <summary>The content type of an accepted annexe, or the reason it is refused.</summary>
    public static (string? Type, string? Refus) Verifier(string nomFichier, byte[] contenu, IReadOnlyList<string>? formats = null)
    {
        formats ??= FormatsDocuments;
        var extension = Path.GetExtension(nomFichier).ToLowerInvariant();
        var (type, valide) = extension switch
        {
            ".pdf" => (TypePdf, (Func<byte[], bool>)EstUnPdf),
            ".odt" => (TypeOdt, EstUnOdt),
            ".docx" => (TypeDocx, EstUnDocx),
            ".xlsx" => (TypeXlsx, EstUnXlsx),
            ".png" => (TypePng, EstUnPng),
            ".jpg" or ".jpeg" => (TypeJpeg, EstUnJpeg),
            _ => (null, null),
        };
        if (type is null || valide is null || !formats.Contains(extension))
        {
            return (null, $"Fichier refusé : seuls les {Enumerer(formats)} sont acceptés (reçu « {nomFichier} »).");
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

    private static bool EstUnXlsx(byte[] contenu) =>
        LireZip(contenu, zip => zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("xl/workbook.xml") is not null);

    /// <summary>The PNG signature, then the IHDR chunk every PNG starts with.</summary>
    private static bool EstUnPng(byte[] contenu) =>
        contenu.AsSpan().StartsWith(SignaturePng) && contenu.Length > 16 && contenu.AsSpan(12, 4).SequenceEqual("IHDR"u8);

    /// <summary>A JPEG starts with SOI and a marker (FF D8 FF) and holds an end-of-image marker (FF D9).</summary>
    private static bool EstUnJpeg(byte[] contenu) =>
        contenu.AsSpan().StartsWith(DebutJpeg) && contenu.AsSpan(3).LastIndexOf(FinJpeg) >= 0;

    /// <summary>« PDF, ODT et DOCX » (JPG and JPEG said once).</summary>
    private static string Enumerer(IReadOnlyList<string> formats)
    {
        var noms = formats.Select(f => f == ".jpg" ? ".jpeg" : f).Distinct(StringComparer.Ordinal).Select(f => f[1..].ToUpperInvariant()).ToList();
        return noms.Count == 1 ? noms[0] : string.Join(", ", noms.Take(noms.Count - 1)) + " et " + noms[^1];
    }

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

        return await LireFichierAsync(fichier, FormatsDocuments, annulation);
    }

    /// <summary>Reads and checks an uploaded file against <paramref name="formats"/>: its size, its content; the cleaned file name.</summary>
    public static async Task<(string? Erreur, string? Type, byte[]? Contenu, string NomFichier)> LireFichierAsync(IFormFile? fichier, IReadOnlyList<string> formats, CancellationToken annulation)
    {
        var nom = NomDeFichier.Nettoyer(fichier?.FileName);
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
        var (type, refus) = Verifier(nom, contenu, formats);
        return (refus, type, refus is null ? contenu : null, nom);
    }
}
