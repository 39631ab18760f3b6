using Mutualisation.Domain.Conventions;

namespace Mutualisation.Web.Tests.Outils;

public static class ConventionsDeTest
{
    private static readonly Auteur Test = new(null, "Test");

    /// <summary>
    /// A convention of a member with both délibérations and a signed PDF, brought up to <paramref name="jusqua"/>
    /// (signed in July 2024; CCCF: PV on 12/09/2024 and contrôle de légalité, effective 01/10/2024). Returns its id and its document's.
    /// </summary>
    public static async Task<(int Convention, int Document)> AjouterConventionAsync(this PortailFactory portail, int membreId,
        ModeleConvention modele = ModeleConvention.ServiceCommun, StatutConvention jusqua = StatutConvention.Brouillon)
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
        var convention = new Convention(membreId, modele, Test, quand, aujourdHui);
        Verifier(convention.ModifierBrouillon(modele, new Deliberation("2024-65", new DateOnly(2024, 6, 27), "Conseil municipal"),
            new Deliberation("CC_2020_77", new DateOnly(2020, 7, 15), "Conseil communautaire")));
        Verifier(convention.AjouterDocument(NatureDocumentConvention.ConventionSignee, "Convention signée", null, "convention.pdf", "application/pdf", Catalogues.Pdf, Test, quand, aujourdHui));
        if (jusqua >= StatutConvention.Signee)
        {
            Verifier(convention.Signer(new DateOnly(2024, 7, 5), new DateOnly(2024, 7, 8), Test, quand, aujourdHui));
        }

        if (jusqua >= StatutConvention.EnVigueur)
        {
            if (modele == ModeleConvention.ConventionGlobale)
            {
                Verifier(convention.EnregistrerPvMiseEnService(new DateOnly(2024, 9, 12), Test, quand, aujourdHui));
                Verifier(convention.EnregistrerControleLegalite("014-211407150-20240627-2024-65-DE", new DateOnly(2024, 7, 2), Test, quand, aujourdHui));
            }

            Verifier(convention.MettreEnVigueur(Test, quand, aujourdHui));
        }

        await portail.ExecuterAsync(async db =>
        {
            db.Conventions.Add(convention);
            return await db.SaveChangesAsync();
        });
        return (convention.Id, convention.Documents.Single().Id);
    }

    private static void Verifier(RefusConvention? refus) => Assert.True(refus is null, refus?.Message);
}
