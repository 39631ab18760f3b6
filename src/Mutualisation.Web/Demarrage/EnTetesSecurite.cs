namespace Mutualisation.Web.Demarrage;

/// <summary>Security headers on every response: CSP without inline script, no framing, no sniffing.</summary>
public sealed class EnTetesSecurite(RequestDelegate suivant)
{
    public const string PolitiqueContenu =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var entetes = context.Response.Headers;
            entetes.ContentSecurityPolicy = PolitiqueContenu;
            entetes.XContentTypeOptions = "nosniff";
            entetes.XFrameOptions = "DENY";
            entetes["Referrer-Policy"] = "strict-origin-when-cross-origin";
            entetes["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            entetes["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return suivant(context);
    }
}
