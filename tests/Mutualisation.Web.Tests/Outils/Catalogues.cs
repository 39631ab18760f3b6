using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

public static class Catalogues
{
    /// <summary>A small valid PDF: one blank A4 page, with its cross-reference table (a PDF reader opens it).</summary>
    public static readonly byte[] Pdf = PdfMinimal();

    private static byte[] PdfMinimal()
    {
        string[] objets = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var positions = new List<int>();
        for (var i = 0; i < objets.Length; i++)
        {
            positions.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }

        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objets.Length + 1}\n0000000000 65535 f \n");
        foreach (var position in positions)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{position:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objets.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>A draft (Redon tariffs, a far exercice no other test prices) with one annex; returns their ids.</summary>
    public static async Task<(int Version, int Annexe)> AjouterBrouillonAvecAnnexeAsync(this PortailFactory portail, int exercice = 2090)
    {
        var version = CataloguesDeReference.VersionRedon(exercice, "Brouillon de test " + Guid.NewGuid().ToString("N")[..6]);
        var annexe = version.AjouterAnnexe("Annexe RGPD", "rgpd.pdf", "application/pdf", Pdf, portail.Horloge.GetUtcNow());
        await portail.ExecuterAsync(async db =>
        {
            db.VersionsCatalogue.Add(version);
            return await db.SaveChangesAsync();
        });
        return (version.Id, annexe.Id);
    }

    public static Task<VersionCatalogue> LireAsync(this PortailFactory portail, int id) =>
        portail.ExecuterAsync(db => db.VersionsCatalogue.AsNoTracking().AvecTarifs().Include(v => v.Annexes).SingleAsync(v => v.Id == id));
}
