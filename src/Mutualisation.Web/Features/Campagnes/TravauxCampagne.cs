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

/// <summary>
/// Issuing a large campaign in the background: the titres in one transaction (numbers, bordereau), then their avis des
/// sommes à payer slice by slice (ADR 0026). Resumable: a run cut during the issue issued nothing and issues again; a
/// run cut during the avis finds the titres issued and produces only the avis still missing.
/// </summary>
public sealed class TravailEmissionCampagne(EmissionCampagne emission) : ITravail
{
    public const string Genre = "campagne-emission";

    public bool Reprenable => true;

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        var parametres = contexte.Parametres<ParametresCampagne>();
        string? message = null;
        if ((await emission.BrouillonsAsync(parametres.CampagneId, annulation)).Count > 0)
        {
            await contexte.ProgresserAsync(0, null, "Émission des titres prêts en un bordereau…", annulation);
            (message, var refus) = await emission.EmettreAsync(parametres.CampagneId, contexte.Utilisateur.Auteur(), annulation);
            if (refus is not null)
            {
                throw new TravailRefuseException(refus);
            }
        }

        var avis = await emission.ProduireAvisAsync(parametres.CampagneId,
            (fait, total) => contexte.ProgresserAsync(fait, total, $"{message} Avis des sommes à payer : {FormatFr.Entier(fait)} sur {FormatFr.Entier(total)}.".TrimStart(), annulation),
            annulation);
        contexte.MessageFinal = $"{message} {FormatFr.Entier(avis)} avis des sommes à payer produit(s).".TrimStart();
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
        services.AjouterTravail<Titres.TravailAvisBordereau>(Titres.TravailAvisBordereau.Genre, "Production des avis des sommes à payer d'un bordereau");
        return services;
    }
}
