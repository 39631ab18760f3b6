namespace Mutualisation.Web.Features.Missions;

public static class ServicesMissions
{
    public static IServiceCollection AjouterMissions(this IServiceCollection services) =>
        services.AddScoped<ConsommationN1>().AddScoped<SoldesN1>();
}
