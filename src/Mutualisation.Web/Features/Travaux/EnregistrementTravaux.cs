using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Travaux;

public static class EnregistrementTravaux
{
    /// <summary>The queue, the executant (a hosted service) and the ambient identity of background scopes.</summary>
    public static IServiceCollection AjouterTravaux(this IServiceCollection services)
    {
        services.AddScoped<IdentiteAmbiante>();
        services.AddScoped<FileDeTravaux>();
        services.AddSingleton<SignalTravaux>();
        services.AddSingleton<ExecutantTravaux>();
        services.AddHostedService(sp => sp.GetRequiredService<ExecutantTravaux>());
        Genres(services);
        return services;
    }

    /// <summary>Registers a kind of job: its handler, resolved per run under <paramref name="genre"/>, and its French label.</summary>
    public static IServiceCollection AjouterTravail<T>(this IServiceCollection services, string genre, string libelle)
        where T : class, ITravail
    {
        Genres(services).Ajouter(genre, libelle);
        services.AddKeyedScoped<ITravail, T>(genre);
        return services;
    }

    private static GenresDeTravaux Genres(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(GenresDeTravaux))?.ImplementationInstance is GenresDeTravaux genres)
        {
            return genres;
        }

        genres = new GenresDeTravaux();
        services.AddSingleton(genres);
        return genres;
    }
}
