using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Mutualisation.Web.Documents;

/// <summary>
/// Serves PDFsharp the Liberation Sans fonts embedded in this assembly (SIL Open Font License 1.1,
/// see Polices/LISEZMOI.md): the same glyphs on every server, no system font needed on Linux.
/// Every family asked for resolves to Liberation Sans (metric-compatible with Arial).
/// </summary>
public sealed class PolicesIntegrees : IFontResolver
{
    public const string Famille = "Liberation Sans";

    private readonly ConcurrentDictionary<string, byte[]> _polices = new(StringComparer.Ordinal);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "LiberationSans-BoldItalic",
            (true, false) => "LiberationSans-Bold",
            (false, true) => "LiberationSans-Italic",
            _ => "LiberationSans-Regular",
        });

    public byte[]? GetFont(string faceName) => _polices.GetOrAdd(faceName, Lire);

    private static byte[] Lire(string nom)
    {
        using var flux = typeof(PolicesIntegrees).Assembly.GetManifestResourceStream($"Polices.{nom}.ttf")
            ?? throw new InvalidOperationException($"Police « {nom} » absente des ressources de l'application.");
        using var copie = new MemoryStream();
        flux.CopyTo(copie);
        return copie.ToArray();
    }
}
