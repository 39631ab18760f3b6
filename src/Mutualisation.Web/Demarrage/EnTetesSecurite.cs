namespace Mutualisation.Web.Demarrage;

/// <summary>
/// Security headers on every response (NetEscapades.AspNetCore.SecurityHeaders): CSP without inline
/// script nor style, no framing, no sniffing, no referrer outside the site, no powerful features,
/// no <c>Server</c> header.
/// </summary>
public static class EnTetesSecurite
{
    /// <summary>
    /// Outside Development the portal is served over HTTPS only, normally through a reverse proxy that
    /// says so with <c>X-Forwarded-Proto</c> (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>): its cookies
    /// are Secure and <c>__Host-</c>. A plain-HTTP request gets a French 400 rather than a broken form;
    /// health checks stay reachable over HTTP for the container's probe.
    /// </summary>
    public static Task HttpsObligatoire(HttpContext context, RequestDelegate suivant)
    {
        if (context.Request.IsHttps || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            return suivant(context);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            "Le portail n'est servi qu'en HTTPS. Ouvrez-le par son adresse https://, derrière le proxy inverse qui transmet X-Forwarded-Proto (voir README, « Deploy »).");
    }

    public static HeaderPolicyCollection Politique() =>
        new HeaderPolicyCollection()
            .AddDefaultSecurityHeaders()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                csp.AddScriptSrc().Self();
                csp.AddStyleSrc().Self();
                csp.AddImgSrc().Self().Data();
                csp.AddFontSrc().Self();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })
            .AddPermissionsPolicy(p =>
            {
                p.AddCamera().None();
                p.AddMicrophone().None();
                p.AddGeolocation().None();
            })
            .RemoveServerHeader();
}
