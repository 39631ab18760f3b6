using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

public static class Catalogues
{
    /// <summary>A small PDF, enough for a reader to recognise the format.</summary>
    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>A draft (Redon tariffs, a far exercice no other test prices) with one annex; returns their ids.</summary>
    public static async Task<(int Version, int Annexe)> AjouterBrouillonAvecAnnexeAsync(this PortailFactory portail, int exercice = 2090)
    {
        var version = ConversionCatalogue.VersVersion(CataloguesDeReference.Redon(exercice), "Brouillon de test " + Guid.NewGuid().ToString("N")[..6]);
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
