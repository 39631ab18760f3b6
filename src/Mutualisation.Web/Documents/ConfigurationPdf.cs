using PdfSharp;
using PdfSharp.Fonts;

namespace Mutualisation.Web.Documents;

/// <summary>
/// PDFsharp's process-wide settings, set once: the AGPL licence (the application is AGPL-3.0, ADR 0011)
/// and the embedded fonts. Called at start-up; documents call it too, so a tool or a test that builds a
/// PDF without the web host gets the same settings.
/// </summary>
public static class ConfigurationPdf
{
    private static readonly Lazy<PolicesIntegrees> Polices = new(() =>
    {
        PdfSharpLicense.SetAgplLicense();
        var polices = new PolicesIntegrees();
        GlobalFontSettings.FontResolver = polices;
        return polices;
    });

    public static IFontResolver Initialiser() => Polices.Value;

    /// <summary>Start-up: configures PDFsharp once for the process.</summary>
    public static IServiceCollection AjouterDocuments(this IServiceCollection services)
    {
        _ = Initialiser();
        return services;
    }
}
