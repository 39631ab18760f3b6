using Mutualisation.Web.Features.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Campagnes;

/// <summary>What a campaign's background job receives.</summary>
public sealed record ParametresCampagne(int CampagneId);

/// <summary>
/// The dry run of a campaign in the background, under the finance user who launched it. Resumable: the computation
/// replaces its drafts and results, so a run cut by a restart is simply run again from the start (nothing duplicated).
/// </summary>
public sealed class TravailCalculCampagne(CalculCampagne calcul) : ITravail
{
    public const string Genre = "campagne-calcul";

    public bool Reprenable => true;

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        var parametres = contexte.Parametres<ParametresCampagne>();
        contexte.MessageFinal = await calcul.CalculerAsync(parametres.CampagneId, contexte.Utilisateur.Auteur(),
            (fait, total) => contexte.ProgresserAsync(fait, total, $"Calcul des titres : {FormatFr.Entier(fait)} membre(s) sur {FormatFr.Entier(total)}.", annulation), annulation);
    }
}

/// <summary>Issuing a large campaign in the background (one transaction: a run cut by a restart issued nothing and must be run again).</summary>
public sealed class TravailEmissionCampagne(EmissionCampagne emission) : ITravail
{
    public const string Genre = "campagne-emission";

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        var parametres = contexte.Parametres<ParametresCampagne>();
        await contexte.ProgresserAsync(0, null, "Émission des titres prêts en un bordereau…", annulation);
        var (message, refus) = await emission.EmettreAsync(parametres.CampagneId, contexte.Utilisateur.Auteur(), annulation);
        if (refus is not null)
        {
            throw new TravailRefuseException(refus);
        }

        contexte.MessageFinal = message;
    }
}

/// <summary>The campaign's services, registered with one line from <c>Services.cs</c>.</summary>
public static class ServicesCampagnes
{
    public static IServiceCollection AjouterCampagnes(this IServiceCollection services)
    {
        services.AddScoped<CalculCampagne>();
        services.AddScoped<EmissionCampagne>();
        services.AjouterTravail<TravailCalculCampagne>(TravailCalculCampagne.Genre, "Calcul d'une campagne de facturation");
        services.AjouterTravail<TravailEmissionCampagne>(TravailEmissionCampagne.Genre, "Émission d'une campagne de facturation");
        return services;
    }
}
