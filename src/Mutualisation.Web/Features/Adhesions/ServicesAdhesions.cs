namespace Mutualisation.Web.Features.Adhesions;

public static class ServicesAdhesions
{
    /// <summary>The pricing of the real adhésions (one call from the composition root).</summary>
    public static IServiceCollection AjouterAdhesions(this IServiceCollection services) =>
        services.AddScoped<ContributionsReelles>();
}
