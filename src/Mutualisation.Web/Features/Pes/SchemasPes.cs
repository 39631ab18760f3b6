using System.Xml;
using System.Xml.Schema;

namespace Mutualisation.Web.Features.Pes;

/// <summary>
/// The DGFiP's PES V2 schemas (v5.12, <c>Schemas/PES_V2/Rev0/PES_Aller.xsd</c> and what it includes; provenance in
/// <c>Schemas/MANIFEST.tsv</c>), compiled once, and the check of a file against them. The portal checks every PES file
/// it produces before keeping it, and the tests check with the same set that it rejects a file Hélios would reject.
/// </summary>
public static class SchemasPes
{
    public const string EspaceAller = "http://www.minefi.gouv.fr/cp/helios/pes_v2/Rev0/aller";

    private static readonly Lazy<XmlSchemaSet> Jeu = new(Compiler, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The folder of the schemas beside the application (copied at build and publish).</summary>
    public static string Dossier => Path.Combine(AppContext.BaseDirectory, "Features", "Pes", "Schemas");

    /// <summary>
    /// Checks a PES_Aller document, read as a stream (memory does not grow with the file); returns the first errors
    /// (line, position, the validator's message), empty when the document is valid.
    /// </summary>
    public static IReadOnlyList<string> Valider(Stream flux, int maxErreurs = 20)
    {
        ArgumentNullException.ThrowIfNull(flux);
        var erreurs = new List<string>();
        var reglages = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Jeu.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings,
        };
        reglages.ValidationEventHandler += (_, e) =>
        {
            if (erreurs.Count < maxErreurs)
            {
                erreurs.Add($"ligne {e.Exception.LineNumber}, colonne {e.Exception.LinePosition} : {e.Message}");
            }
        };
        try
        {
            using var lecteur = XmlReader.Create(flux, reglages);
            while (lecteur.Read())
            {
            }
        }
        catch (XmlException ex)
        {
            erreurs.Add($"XML mal formé, ligne {ex.LineNumber}, colonne {ex.LinePosition} : {ex.Message}");
        }

        return erreurs;
    }

    private static XmlSchemaSet Compiler()
    {
        var jeu = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var reglages = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() };
        var chemin = Path.Combine(Dossier, "PES_V2", "Rev0", "PES_Aller.xsd");
        using (var lecteur = XmlReader.Create(chemin, reglages))
        {
            jeu.Add(EspaceAller, lecteur);
        }

        jeu.Compile();
        return jeu;
    }
}
