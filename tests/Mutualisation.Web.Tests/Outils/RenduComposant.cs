using System.Security.Claims;
using System.Text.Encodings.Web;
using AngleSharp;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>Renders a view component of the application as the home pages will, for a user of a role (and her commune).</summary>
public static class RenduComposant
{
    public static async Task<IDocument> RendreAsync(this PortailFactory portail, string composant, object arguments, string role, int? membreId = null)
    {
        await using var scope = portail.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var revendications = new List<Claim> { new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, "test") };
        if (membreId is { } id)
        {
            revendications.Add(new(Infrastructure.PerimetreHttp.RevendicationMembre, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var http = new DefaultHttpContext { RequestServices = services, User = new ClaimsPrincipal(new ClaimsIdentity(revendications, "test")) };
        var accesseur = services.GetRequiredService<IHttpContextAccessor>();
        accesseur.HttpContext = http;
        try
        {
            await using var ecrivain = new StringWriter();
            var contexte = new ViewContext(new ActionContext(http, new RouteData(), new ActionDescriptor()), new VueVide(),
                new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()),
                new TempDataDictionary(http, services.GetRequiredService<ITempDataProvider>()), ecrivain, new HtmlHelperOptions());
            var aide = services.GetRequiredService<IViewComponentHelper>();
            ((IViewContextAware)aide).Contextualize(contexte);
            (await aide.InvokeAsync(composant, arguments)).WriteTo(ecrivain, HtmlEncoder.Default);
            return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(ecrivain.ToString()));
        }
        finally
        {
            accesseur.HttpContext = null;
        }
    }

    private sealed class VueVide : Microsoft.AspNetCore.Mvc.ViewEngines.IView
    {
        public string Path => string.Empty;

        public Task RenderAsync(ViewContext context) => Task.CompletedTask;
    }
}
