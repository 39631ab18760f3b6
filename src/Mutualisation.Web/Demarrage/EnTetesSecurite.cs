namespace Mutualisation.Web.Demarrage;

/// <summary>
/// Security headers on every response (NetEscapades.AspNetCore.SecurityHeaders): CSP without inline
/// script nor style, no framing, no sniffing, no referrer outside the site, no powerful features,
/// no <c>Server</c> header.
/// </summary>
public static class EnTetesSecurite
{
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
