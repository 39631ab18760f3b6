using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Tarifs;
using Mutualisation.Web.Features.Titres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.TitresParticuliers;

/// <summary>What the delivery of an audit's report gives: the draft of its titre, or why there is none (in French).</summary>
public sealed record TitreDeLivraison(TitreDeRecette? Brouillon, string Message);

/// <summary>
/// The audit titre (Redon rule 2): when an audit's report is delivered, a draft ordinary titre is made in the same save,
/// priced by the billing engine from the member's stored population légale with the catalogue in force for the delivery
/// year (<see cref="TarifsDeLExercice"/>). Its line keeps the catalogue's audit service code (the service another one
/// deducts) and its exercice facturé is the delivery year, so the campaign recognises it as already billed. When the
/// engine refuses (deeper examination above 8 000 inhabitants), or the catalogue has no audit service, no draft: the
/// reason says what to do.
/// </summary>
public sealed class TitreDAudit(MutualisationDbContext db, TarifsDeLExercice tarifs, FaitsDesMembres faits)
{
    public const string AFaireALaMain = "Le titre de l'audit est à établir à la main, avec le montant négocié et sa justification.";

    /// <summary>The audit service of a catalogue: the one-off service another service deducts (the audit before the socle), or null.</summary>
    public static string? CodeServiceAudit(CatalogueTarifaire catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.Services.Where(s => s.Deduction is not null).Select(s => s.Deduction!.CodeService).FirstOrDefault(c => catalogue.Services.Any(s => s.Code == c));
    }

    /// <summary>The draft titre of the audit delivered on <paramref name="livreLe"/> (not added to the context), or why there is none.</summary>
    public async Task<TitreDeLivraison> PreparerAsync(Audit audit, DateOnly livreLe, Auteur auteur, DateTimeOffset quand, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var (lignes, tarif, raison) = await TarifierAsync(audit.MembreId, livreLe, annulation);
        if (lignes is null)
        {
            return new(null, raison!);
        }

        var membre = await db.Membres.AsNoTracking().FirstAsync(m => m.Id == audit.MembreId, annulation);
        var budget = await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).Select(p => p.CodeBudget).FirstOrDefaultAsync(annulation) ?? SemisTitres.Budget;
        var version = tarif!.Version;
        var deliberation = version.DeliberationNumero is { } numero
            ? $", voté par délibération n° {numero}" + (version.DeliberationLe is { } le ? $" du {FormatFr.Date(le)}" : string.Empty)
            : string.Empty;
        var refus = TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, membre.CodeInsee.Valeur, membre.Adresse.ToString()),
            tarifs.ExerciceCourant, livreLe.Year, budget,
            $"Audit du système d'information, rapport livré le {FormatFr.Date(livreLe)}",
            $"Convention d'adhésion du membre, audit du socle annexe (art. 4.1 et 7.2.1), titre émis à la livraison du rapport ; catalogue de l'exercice {livreLe.Year}{deliberation}.",
            lignes, auteur, quand, out var titre);
        if (refus is not null)
        {
            return new(null, $"Pas de titre d'audit : {refus.Message} {AFaireALaMain}");
        }

        titre!.RattacherAudit(audit.Id);
        return new(titre, $"Brouillon du titre de l'audit créé ({FormatFr.Euros(titre.Total.Euros)}) : il s'émet avec les autres titres.");
    }

    /// <summary>Why a delivered audit has no titre (the same pricing as at its delivery), or null when it would have one.</summary>
    public async Task<string?> RaisonSansTitreAsync(int membreId, DateOnly livreLe, CancellationToken annulation) =>
        (await TarifierAsync(membreId, livreLe, annulation)).Raison;

    private async Task<(IReadOnlyList<LignePrevue>? Lignes, ExerciceTarifaire? Tarif, string? Raison)> TarifierAsync(int membreId, DateOnly livreLe, CancellationToken annulation)
    {
        var annee = livreLe.Year;
        var tarif = await tarifs.EnVigueurAsync(annee, annulation);
        if (tarif is null)
        {
            return (null, null, $"Aucun catalogue voté ne s'applique à l'exercice {annee} : pas de titre d'audit automatique. {AFaireALaMain}");
        }

        if (CodeServiceAudit(tarif.Catalogue) is not { } code)
        {
            return (null, tarif, $"Le catalogue de l'exercice {annee} n'a pas de service d'audit : la livraison du rapport ne fait pas de titre.");
        }

        var lus = await faits.LireAsync(tarif, [membreId], horsPerimetre: false, annulation);
        var membre = lus.Count > 0 ? lus[0] : null;
        if (membre?.Population is not { } population)
        {
            return (null, tarif, $"Population légale en vigueur au 1er janvier {annee} (millésime {tarif.MillesimePopulation}) inconnue : pas de tarif automatique. {AFaireALaMain}");
        }

        var faitsAudit = new FaitsMembre(population, membre.Millesime)
        {
            Abonnements = [new Abonnement(code, livreLe)],
            Livraisons = [new Livraison(code, livreLe)],
            LivraisonsEnregistrees = true,
        };
        try
        {
            var resultat = Tarification.Evaluer(tarif.Catalogue, faitsAudit);
            if (resultat.Contribution is not { } contribution)
            {
                return (null, tarif, $"{resultat.Refus!.Message} {AFaireALaMain}");
            }

            var lignes = contribution.Lignes.Where(l => l.Montant != 0)
                .Select(l => new LignePrevue(l.Libelle, FormatFr.Bases(l.Bases), new Montant(l.Montant), code, null, null)).ToList();
            return lignes.Count == 0
                ? (null, tarif, $"Le catalogue de l'exercice {annee} ne donne aucun montant pour cet audit : pas de titre.")
                : (lignes, tarif, null);
        }
        catch (TarificationImpossibleException erreur)
        {
            return (null, tarif, $"{erreur.Message} {AFaireALaMain}");
        }
    }
}

/// <summary>The audit's titre on the audit page: a link to it, or why the delivery made none (EPCI staff only for a draft or a reason).</summary>
public sealed class TitreDeLAuditViewComponent(MutualisationDbContext db, TitreDAudit titres) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Audit audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        if (audit.RapportLivreLe is not { } livreLe)
        {
            return Content(string.Empty);
        }

        var utilisateur = UserClaimsPrincipal;
        var lies = await TitresLisibles.Pour(db, utilisateur).AsNoTracking().Where(t => t.AuditId == audit.Id)
            .OrderBy(t => t.Id).Select(t => new TitreLie(t.Id, t.Numero, t.Statut, t.Total, t.EmisLe)).ToListAsync(HttpContext.RequestAborted);
        var personnel = Roles.Intercommunaux.Any(utilisateur.IsInRole);
        var raison = lies.Count == 0 && personnel ? await titres.RaisonSansTitreAsync(audit.MembreId, livreLe, HttpContext.RequestAborted) : null;
        return View(new TitreDeLAuditModel(lies, raison, personnel));
    }
}

public sealed record TitreLie(int Id, int? Numero, StatutTitre Statut, Montant Total, DateOnly? EmisLe);

public sealed record TitreDeLAuditModel(IReadOnlyList<TitreLie> Titres, string? Raison, bool Personnel);

/// <summary>The services of the titres outside the campaign, registered with one line from <c>Services.cs</c>.</summary>
public static class ServicesTitresParticuliers
{
    public static IServiceCollection AjouterTitresParticuliers(this IServiceCollection services) => services.AddScoped<TitreDAudit>();
}
