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
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The home-page view components, rendered as the lead's home pages will render them: by name, with plain ids, in a
/// request of a given user (so the query filters apply).
/// </summary>
[Collection(PortailCollection.Nom)]
public class ComposantsAuditsTests(PortailFactory portail)
{
    [Fact]
    public async Task AuditsDuMembre_montre_a_la_mairie_ses_audits_et_le_lien_du_rapport_livre_et_rien_d_une_autre_commune()
    {
        var propre = await portail.AjouterCommuneAsync();
        var etrangere = await portail.AjouterCommuneAsync();
        var (livre, _, _) = await portail.AjouterAuditAsync(propre.Id, StatutAudit.RapportLivre);
        var (planifie, _, _) = await portail.AjouterAuditAsync(propre.Id, StatutAudit.Planifie);
        var (autre, _, _) = await portail.AjouterAuditAsync(etrangere.Id, StatutAudit.RapportLivre);
        var mairie = Utilisateur(Roles.Mairie, propre.Id);

        var section = await RendreAsync(mairie, "AuditsDuMembre", new { membreId = propre.Id });
        var liens = section.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal("Audits", section.QuerySelector("h2")!.TextContent);
        Assert.Contains($"/audits/{livre}/rapport", liens);
        Assert.Contains($"/audits/{planifie}", liens);
        Assert.DoesNotContain($"/audits/{planifie}/rapport", liens);
        Assert.Contains("Prévu le 14/04/2026", section.TextContent, StringComparison.Ordinal);

        var etranger = await RendreAsync(mairie, "AuditsDuMembre", new { membreId = etrangere.Id });
        Assert.DoesNotContain(etranger.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains($"/audits/{autre}", StringComparison.Ordinal));
        Assert.Contains("Aucun audit", etranger.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableauDeBordAudits_liste_les_audits_en_cours_et_les_fenetres_de_deduction_qui_se_ferment_dans_le_mois()
    {
        var commune = await portail.AjouterCommuneAsync();
        var (planifie, _, _) = await portail.AjouterAuditAsync(commune.Id, StatutAudit.Planifie);
        var fermeBientot = await portail.AjouterCommuneAsync();
        await portail.AjouterAuditAsync(fermeBientot.Id, StatutAudit.RapportLivre, livreLe: new DateOnly(2026, 5, 2)); // window closes 02/11/2026
        var fermePlusTard = await portail.AjouterCommuneAsync();
        await portail.AjouterAuditAsync(fermePlusTard.Id, StatutAudit.RapportLivre); // 20/05/2026: closes 20/11/2026, more than a month away
        var tableau = await RendreAsync(Utilisateur(Roles.AgentDSI, null), "TableauDeBordAudits", new { });

        Assert.Contains(tableau.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/audits/{planifie}");
        var deductions = tableau.QuerySelectorAll("li.deduction-audit").Select(li => li.TextContent).ToList();
        Assert.Contains(deductions, d => d.Contains(fermeBientot.Nom, StringComparison.Ordinal) && d.Contains("déduction jusqu'au 02/11/2026", StringComparison.Ordinal));
        Assert.DoesNotContain(deductions, d => d.Contains(fermePlusTard.Nom, StringComparison.Ordinal));
        Assert.Matches(@"\d+ rapport\(s\) livré\(s\) en 2026", tableau.TextContent);
    }

    private static ClaimsPrincipal Utilisateur(string role, int? membreId)
    {
        var revendications = new List<Claim> { new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, "test") };
        if (membreId is { } id)
        {
            revendications.Add(new(Infrastructure.PerimetreHttp.RevendicationMembre, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(revendications, "test"));
    }

    private async Task<IElement> RendreAsync(ClaimsPrincipal utilisateur, string composant, object arguments)
    {
        await using var scope = portail.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = utilisateur };
        var accesseur = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accesseur.HttpContext = http;
        try
        {
            var action = new ActionContext(http, new RouteData(), new ActionDescriptor());
            var vue = new ViewContext(action, new VueVide(), new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()),
                new TempDataDictionary(http, scope.ServiceProvider.GetRequiredService<ITempDataProvider>()), TextWriter.Null, new HtmlHelperOptions());
            var helper = scope.ServiceProvider.GetRequiredService<IViewComponentHelper>();
            ((IViewContextAware)helper).Contextualize(vue);
            var contenu = await helper.InvokeAsync(composant, arguments);
            await using var texte = new StringWriter();
            contenu.WriteTo(texte, HtmlEncoder.Default);
            var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(texte.ToString()));
            return document.QuerySelector("section")!;
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
