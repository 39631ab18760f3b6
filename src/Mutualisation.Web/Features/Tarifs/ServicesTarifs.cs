namespace Mutualisation.Web.Features.Tarifs;

public static class ServicesTarifs
{
    /// <summary>What applies to an exercice and the members' facts, one instance per request (read once, shared by the page and the pricing).</summary>
    public static IServiceCollection AjouterTarifs(this IServiceCollection services) =>
        services.AddScoped<TarifsDeLExercice>().AddScoped<FaitsDesMembres>();
}
