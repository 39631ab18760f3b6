using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// Health endpoints, anonymous, answering "Healthy" or "Unhealthy" as text:
/// <c>/health/live</c> says the process answers (no database, for a container health check or a
/// liveness probe: a database outage must not restart every instance); <c>/health/ready</c> also
/// opens the database (for a load balancer or a readiness probe); <c>/health</c> stays the readiness check.
/// </summary>
public static class Sante
{
    public static WebApplication MapSante(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
