using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Mutualisation.Web.Infrastructure;

/// <summary>
/// Finds a view in the feature folder of its controller, named by the controller's namespace rather than
/// by the controller, so one feature holds several controllers: for
/// <c>Mutualisation.Web.Features.Membres.ImportMembresController</c>, <c>View("Index")</c> looks in
/// <c>/Features/Membres/Views/ImportMembres/Index.cshtml</c>, then <c>/Features/Membres/Views/Index.cshtml</c>,
/// then <c>/Features/Shared/Index.cshtml</c>. A view component's view (<c>Components/{Nom}/Default</c>) is looked
/// for in the feature of the component's own namespace, whichever page invokes it (the home pages compose
/// the features' components): <c>/Features/Audits/Views/Components/AuditsDuMembre/Default.cshtml</c>.
/// </summary>
public sealed class VuesParFonctionnalite : IViewLocationExpander
{
    private const string Cle = "fonctionnalite";
    private const string PrefixeEspaceDeNoms = "Mutualisation.Web.Features.";
    private const string PrefixeComposants = "Components/";

    // The feature of each view component of this assembly, by the name MVC gives it (the type name without « ViewComponent »).
    private static readonly Dictionary<string, string> FonctionnaliteDesComposants = typeof(VuesParFonctionnalite).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(Microsoft.AspNetCore.Mvc.ViewComponent).IsAssignableFrom(t) && Fonctionnalite(t) is not null)
        .ToDictionary(t => t.Name.EndsWith("ViewComponent", StringComparison.Ordinal) ? t.Name[..^"ViewComponent".Length] : t.Name, t => Fonctionnalite(t)!, StringComparer.Ordinal);

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
        if (context.ViewName.StartsWith(PrefixeComposants, StringComparison.Ordinal)
            && FonctionnaliteDesComposants.TryGetValue(context.ViewName[PrefixeComposants.Length..].Split('/')[0], out var duComposant))
        {
            yield return $"/Features/{duComposant}/Views/{{0}}{RazorViewEngine.ViewExtension}";
        }

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
