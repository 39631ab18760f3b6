using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Web.Demarrage;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Audits;

/// <summary>
/// Demo audits through the aggregate's own methods, dated from today. Redon: a delivered audit (findings on each axis,
/// inventory, stored report) for the first mairie account's commune, whose deduction window closes within the month;
/// one in progress and one requested for other communes. CCCF: one planned, one requested. Only when no audit exists.
/// </summary>
public static class SemisAudits
{
    private static readonly Auteur Semis = new(null, "Données de démonstration");

    public static async Task SemerAsync(MutualisationDbContext db, ProfilDemo profil, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(profil);
        if (await db.Audits.AnyAsync())
        {
            return;
        }

        var sirens = profil.Comptes.Where(c => c.SirenCommune is not null).Select(c => Siren.Parse(c.SirenCommune!)).ToList();
        var mairies = await db.Membres.Where(m => sirens.Contains(m.Siren)).Select(m => new { m.Id, m.Nom, m.CodeInsee, m.Siren }).ToListAsync();
        var autres = await db.Membres.Where(m => !sirens.Contains(m.Siren)).OrderBy(m => m.NomRecherche).Select(m => new { m.Id, m.Nom, m.CodeInsee, m.Siren }).Take(2).ToListAsync();
        var premiere = mairies.OrderBy(m => sirens.IndexOf(m.Siren)).FirstOrDefault();
        if (premiere is null || autres.Count < 2)
        {
            return;
        }

        var aujourdHui = horloge.AujourdHui();
        var quand = horloge.GetUtcNow();
        if (profil == ProfilsDemo.Redon)
        {
            var livre = Preparer(premiere.Id, aujourdHui.AddMonths(-7), aujourdHui.AddMonths(-6).AddDays(-10), aujourdHui.AddMonths(-6).AddDays(-10), quand, aujourdHui);
            Remplir(livre, quand, aujourdHui);
            var date = aujourdHui.AddMonths(-6).AddDays(15);
            Verifier(livre.LivrerRapport(date, RapportAuditPdf.Produire(livre, premiere.Nom, premiere.CodeInsee.Valeur, date, quand), Semis, quand, aujourdHui));
            db.Audits.Add(livre);

            var enCours = Preparer(autres[0].Id, aujourdHui.AddMonths(-2), aujourdHui.AddDays(-20), aujourdHui.AddDays(-20), quand, aujourdHui);
            Verifier(enCours.AjouterConstat(AxeAudit.Infrastructure, ThemeRecommandation.RepriseApresSinistre, GraviteConstat.Elevee,
                "Les sauvegardes du serveur de la mairie ne sont pas externalisées.", "Mettre en place une copie hors site chiffrée, testée chaque trimestre.",
                Semis, quand, aujourdHui));
            db.Audits.Add(enCours);
            db.Audits.Add(Preparer(autres[1].Id, aujourdHui.AddDays(-12), null, null, quand, aujourdHui));
        }
        else
        {
            db.Audits.Add(Preparer(premiere.Id, aujourdHui.AddMonths(-1), aujourdHui.AddDays(21), null, quand, aujourdHui));
            db.Audits.Add(Preparer(autres[0].Id, aujourdHui.AddDays(-5), null, null, quand, aujourdHui));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A delivered audit (requested three months before, carried out the month before, findings on each axis, inventory,
    /// stored report), for the demo members other features need with an audit behind them (the socle complet's adhésions).
    /// </summary>
    public static Audit Livre(int membreId, string nom, string codeInsee, DateOnly livreLe, DateTimeOffset quand, DateOnly aujourdHui)
    {
        var audit = Preparer(membreId, livreLe.AddMonths(-3), livreLe.AddMonths(-1), livreLe.AddMonths(-1), quand, aujourdHui);
        Remplir(audit, quand, aujourdHui);
        Verifier(audit.LivrerRapport(livreLe, RapportAuditPdf.Produire(audit, nom, codeInsee, livreLe, quand), Semis, quand, aujourdHui));
        return audit;
    }

    private static Audit Preparer(int membreId, DateOnly demande, DateOnly? prevu, DateOnly? debut, DateTimeOffset quand, DateOnly aujourdHui)
    {
        Verifier(Audit.Demander(membreId, demande, Semis, quand, aujourdHui, out var audit));
        if (prevu is { } p)
        {
            Verifier(audit!.Planifier(p, Semis, quand, aujourdHui));
        }

        if (debut is { } d)
        {
            Verifier(audit!.Demarrer(d, Semis, quand, aujourdHui));
        }

        return audit!;
    }

    private static void Remplir(Audit audit, DateTimeOffset quand, DateOnly aujourdHui)
    {
        (AxeAudit, ThemeRecommandation, GraviteConstat, string, string)[] constats =
        [
            (AxeAudit.Organisation, ThemeRecommandation.ConformiteLegale, GraviteConstat.Elevee,
                "Le registre des traitements (RGPD) n'est pas tenu et aucun délégué à la protection des données n'est désigné.",
                "Désigner le délégué mutualisé de l'EPCI et ouvrir le registre des traitements."),
            (AxeAudit.Organisation, ThemeRecommandation.AccesResponsabilites, GraviteConstat.Moderee,
                "Les agents partagent un même compte pour le logiciel d'état civil.",
                "Créer un compte nominatif par agent et retirer les accès au départ d'un agent."),
            (AxeAudit.Infrastructure, ThemeRecommandation.MaintenanceSecurite, GraviteConstat.Critique,
                "Deux postes fonctionnent encore sous un système qui ne reçoit plus de correctifs de sécurité.",
                "Remplacer les deux postes dans le trimestre par des postes du catalogue mutualisé."),
            (AxeAudit.Infrastructure, ThemeRecommandation.RepriseApresSinistre, GraviteConstat.Elevee,
                "Les sauvegardes sont faites sur un disque branché en permanence au serveur.",
                "Externaliser une copie chiffrée des sauvegardes et tester une restauration chaque trimestre."),
            (AxeAudit.Ressources, ThemeRecommandation.DocumentsDeReference, GraviteConstat.Faible,
                "Le contrat de maintenance des copieurs est reconduit tacitement sans mise en concurrence depuis 2019.",
                "Rejoindre le groupement d'achats de l'EPCI à l'échéance du contrat."),
            (AxeAudit.Ressources, ThemeRecommandation.PerenniteFiabilite, GraviteConstat.Moderee,
                "Trois abonnements de téléphonie mobile ne sont plus utilisés.",
                "Résilier les lignes inutilisées et regrouper les autres dans le marché de l'EPCI."),
        ];
        foreach (var (axe, theme, gravite, texte, recommandation) in constats)
        {
            Verifier(audit.AjouterConstat(axe, theme, gravite, texte, recommandation, Semis, quand, aujourdHui));
        }

        Verifier(audit.AjouterElement(NatureElementInventaire.Logiciel, "Logiciel de gestion de l'état civil et des élections", "Version 2023, éditeur sous contrat annuel", true, Semis, quand, aujourdHui));
        Verifier(audit.AjouterElement(NatureElementInventaire.Materiel, "Serveur de fichiers de la mairie", "Acquis en 2017, garantie échue", false, Semis, quand, aujourdHui));
        Verifier(audit.AjouterElement(NatureElementInventaire.ActifImmateriel, "Nom de domaine de la commune", "Renouvelé chaque année auprès d'un registraire", true, Semis, quand, aujourdHui));
        Verifier(audit.AjouterElement(NatureElementInventaire.Contrat, "Contrat de maintenance des copieurs", "Échéance au 31/12 de l'année prochaine", true, Semis, quand, aujourdHui));
    }

    private static void Verifier(RefusAudit? refus)
    {
        if (refus is not null)
        {
            throw new InvalidOperationException("Audit de démonstration refusé : " + refus.Message);
        }
    }
}
