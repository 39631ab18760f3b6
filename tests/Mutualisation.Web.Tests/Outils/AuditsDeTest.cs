using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Conventions;
using Mutualisation.Web.Features.Audits;

namespace Mutualisation.Web.Tests.Outils;

public static class AuditsDeTest
{
    private static readonly Auteur Test = new(null, "Test");

    /// <summary>
    /// An audit of a member requested on 02/03/2026, brought up to <paramref name="jusqua"/> (planned for and started on
    /// 14/04/2026, one finding per axis and two inventory lines, report delivered on 20/05/2026 with its PDF).
    /// Returns its id, its first finding's and its first inventory line's.
    /// </summary>
    public static async Task<(int Audit, int Constat, int Element)> AjouterAuditAsync(this PortailFactory portail, int membreId, StatutAudit jusqua = StatutAudit.EnCours,
        string texte = "Sauvegardes non externalisées", DateOnly? livreLe = null)
    {
        var quand = portail.Horloge.GetUtcNow();
        var aujourdHui = DateOnly.FromDateTime(PortailFactory.Maintenant.Date);
        Verifier(Audit.Demander(membreId, new DateOnly(2026, 3, 2), Test, quand, aujourdHui, out var audit));
        if (jusqua == StatutAudit.Annule)
        {
            Verifier(audit!.Annuler(new DateOnly(2026, 3, 5), "Report", Test, quand, aujourdHui));
        }

        if (jusqua is StatutAudit.Planifie or StatutAudit.EnCours or StatutAudit.RapportLivre)
        {
            Verifier(audit!.Planifier(new DateOnly(2026, 4, 14), Test, quand, aujourdHui));
        }

        if (jusqua is StatutAudit.EnCours or StatutAudit.RapportLivre)
        {
            Verifier(audit!.Demarrer(new DateOnly(2026, 4, 14), Test, quand, aujourdHui));
            Verifier(audit.AjouterConstat(AxeAudit.Infrastructure, ThemeRecommandation.RepriseApresSinistre, GraviteConstat.Elevee, texte,
                "Externaliser une copie chiffrée des sauvegardes", Test, quand, aujourdHui));
            Verifier(audit.AjouterConstat(AxeAudit.Organisation, ThemeRecommandation.ConformiteLegale, GraviteConstat.Moderee, "Registre des traitements absent",
                "Ouvrir le registre des traitements", Test, quand, aujourdHui));
            Verifier(audit.AjouterConstat(AxeAudit.Ressources, ThemeRecommandation.DocumentsDeReference, GraviteConstat.Faible, "Contrat des copieurs reconduit sans mise en concurrence",
                "Rejoindre le groupement d'achats", Test, quand, aujourdHui));
            Verifier(audit.AjouterElement(NatureElementInventaire.Logiciel, "Logiciel d'état civil", "Version 2023", true, Test, quand, aujourdHui));
            Verifier(audit.AjouterElement(NatureElementInventaire.Materiel, "Serveur de fichiers", "2017", false, Test, quand, aujourdHui));
        }

        if (jusqua == StatutAudit.RapportLivre)
        {
            var date = livreLe ?? new DateOnly(2026, 5, 20);
            Verifier(audit!.LivrerRapport(date, RapportAuditPdf.Produire(audit, "Commune de test", "35999", date, quand), Test, quand, aujourdHui));
        }

        await portail.ExecuterAsync(async db =>
        {
            db.Audits.Add(audit!);
            return await db.SaveChangesAsync();
        });
        return (audit!.Id, audit.Constats.FirstOrDefault()?.Id ?? 0, audit.Inventaire.FirstOrDefault()?.Id ?? 0);
    }

    private static void Verifier(RefusAudit? refus) => Assert.True(refus is null, refus?.Message);
}
