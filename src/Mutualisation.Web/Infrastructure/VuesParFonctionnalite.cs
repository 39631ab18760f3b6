using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// Finds a view in the feature folder of its controller, named by the controller's namespace rather than
/// by the controller, so one feature holds several controllers: for
/// <c>Mutualisation.Web.Features.Membres.ImportMembresController</c>, <c>View("Index")</c> looks in
/// <c>/Features/Membres/Views/ImportMembres/Index.cshtml</c>, then <c>/Features/Membres/Views/Index.cshtml</c>,
/// then <c>/Features/Shared/Index.cshtml</c>.
/// </summary>
public sealed class VuesParFonctionnalite : IViewLocationExpander
{
    private const string Cle = "fonctionnalite";
    private const string PrefixeEspaceDeNoms = "Mutualisation.Web.Features.";

    public static void Configurer(RazorViewEngineOptions options)
    {
        options.ViewLocationFormats.Clear();
        options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
        options.ViewLocationExpanders.Add(new VuesParFonctionnalite());
    }

    /// <summary>The feature of a controller: the namespace segment after <c>Features.</c>, or null outside a feature.</summary>
    public static string? Fonctionnalite(Type controleur)
    {
        var espace = controleur.Namespace ?? string.Empty;
        if (!espace.StartsWith(PrefixeEspaceDeNoms, StringComparison.Ordinal))
        {
            return null;
        }

        return espace[PrefixeEspaceDeNoms.Length..].Split('.')[0];
    }

    // The feature is part of the view engine's cache key: two features may have a controller of the same name.
    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values[Cle] = context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            ? Fonctionnalite(action.ControllerTypeInfo)
            : null;

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(Cle, out var fonctionnalite) && fonctionnalite is not null)
        {
            yield return $"/Features/{fonctionnalite}/Views/{{1}}/{{0}}{RazorViewEngine.ViewExtension}";
            yield return $"/Features/{fonctionnalite}/Views/{{0}}{RazorViewEngine.ViewExtension}";
        }

        foreach (var emplacement in viewLocations)
        {
            yield return emplacement;
        }
    }
}
