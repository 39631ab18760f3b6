using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Tarifs;

/// <summary>A quantity a formule asks for: optional when it is only a consumption beyond an allowance (none consumed means 0).</summary>
public sealed record QuantiteDemandee(QuantiteCatalogue Quantite, bool Obligatoire);

/// <summary>
/// What applies to one exercice: the catalogue version that prices it (or a draft being previewed),
/// ready for the engine, the millésime of the population légale in force, and today in Europe/Paris.
/// </summary>
public sealed record ExerciceTarifaire(int Exercice, VersionCatalogue Version, CatalogueTarifaire Catalogue, int MillesimePopulation, DateOnly AujourdHui)
{
    /// <summary>A draft previewed before the vote: nothing priced with it is binding.</summary>
    public bool EstBrouillon => !Version.EstVotee;

    public FormuleTarifaire? Formule(string? code) => string.IsNullOrWhiteSpace(code) ? null : Catalogue.Formule(code.Trim());

    /// <summary>The declared quantities the services of a formule price on, in declaration order.</summary>
    public IReadOnlyList<QuantiteDemandee> QuantitesDe(FormuleTarifaire formule)
    {
        var composantes = Composantes(formule).ToList();
        return Version.QuantitesDe(formule.Services)
            .Select(q => new QuantiteDemandee(q, composantes.Any(c => c.QuantiteDeTranche == q.Code || (c.Quantite == q.Code && c.Nature != NatureComposante.AuDelaDeFranchise && c.Nature != NatureComposante.Forfait))))
            .ToList();
    }

    /// <summary>Whether a component or a deeper-examination rule of the formule reads the population.</summary>
    public bool UtiliseLaPopulation(FormuleTarifaire formule) =>
        Composantes(formule).Any(c => c.Nature != NatureComposante.Forfait && (c.Quantite == Quantites.Population || c.QuantiteDeTranche == Quantites.Population))
        || formule.Services.Select(Service).Any(s => s?.ExamenApprofondi?.PopulationMaximale is not null);

    /// <summary>Whether a service of the formule deducts a prior one-off service bought outside it (the audit): the delivery date matters then.</summary>
    public bool ADeduction(FormuleTarifaire formule) =>
        formule.Services.Select(Service).Any(s => s?.Deduction is { } d && !formule.Services.Contains(d.CodeService));

    private IEnumerable<Composante> Composantes(FormuleTarifaire formule) =>
        formule.Services.Select(Service).OfType<ServiceTarife>().SelectMany(s => s.Composantes);

    private ServiceTarife? Service(string code) => Catalogue.Services.FirstOrDefault(s => s.Code == code);
}

/// <summary>
/// The one answer to « what applies to exercice N »: the voted version in force at the exercice's
/// reference date (<see cref="VersionCatalogue.DateDeReference"/>, today in Europe/Paris from the
/// injected clock), or a draft previewed by EPCI staff. Shared by the simulator, the projection and
/// the invoicing campaign.
/// </summary>
public sealed class TarifsDeLExercice(MutualisationDbContext db, TimeProvider horloge)
{
    /// <summary>Exercices already read in this request (the page and the pricing need the same one).</summary>
    private readonly Dictionary<int, ExerciceTarifaire?> _exercices = [];

    public DateOnly AujourdHui => horloge.AujourdHui();

    public int ExerciceCourant => horloge.ExerciceCourant();

    /// <summary>Whether a user may preview drafts: the EPCI staff who see the catalogue drafts.</summary>
    public static bool VoitLesBrouillons(System.Security.Claims.ClaimsPrincipal utilisateur) => Roles.Intercommunaux.Any(utilisateur.IsInRole);

    public async Task<IReadOnlyList<int>> ExercicesVotesAsync(CancellationToken annulation) =>
        await db.VersionsCatalogue.Where(v => v.Statut == StatutVersion.Votee).Select(v => v.Exercice).Distinct().OrderBy(e => e).ToListAsync(annulation);

    /// <summary>The voted version that prices the exercice (a mid-year vote replaces the earlier one from its date), or null.</summary>
    public async Task<ExerciceTarifaire?> EnVigueurAsync(int exercice, CancellationToken annulation)
    {
        if (exercice is < VersionCatalogue.ExerciceMinimal or > VersionCatalogue.ExerciceMaximal)
        {
            return null;
        }

        if (_exercices.TryGetValue(exercice, out var connu))
        {
            return connu;
        }

        var versions = await db.VersionsCatalogue.AsNoTracking().AvecTarifs()
            .Where(v => v.Exercice == exercice && v.Statut == StatutVersion.Votee)
            .ToListAsync(annulation);
        var aujourdHui = AujourdHui;
        var version = VersionCatalogue.EnVigueurAu(versions, VersionCatalogue.DateDeReference(exercice, aujourdHui));
        return _exercices[exercice] = version is null ? null : Pour(version, aujourdHui);
    }

    /// <summary>A draft version to preview before its vote (null when the id is not a draft): the caller checks <see cref="VoitLesBrouillons"/>.</summary>
    public async Task<ExerciceTarifaire?> BrouillonAsync(int versionId, CancellationToken annulation)
    {
        var version = await db.VersionsCatalogue.AsNoTracking().AvecTarifs()
            .FirstOrDefaultAsync(v => v.Id == versionId && v.Statut == StatutVersion.Brouillon, annulation);
        return version is null ? null : Pour(version, AujourdHui);
    }

    private static ExerciceTarifaire Pour(VersionCatalogue version, DateOnly aujourdHui) =>
        new(version.Exercice, version, ConversionCatalogue.VersTarification(version), PopulationLegale.MillesimeEnVigueur(version.Exercice), aujourdHui);
}
