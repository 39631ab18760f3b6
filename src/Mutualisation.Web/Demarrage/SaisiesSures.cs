using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// What keeps hostile input from becoming a 500 or from acting on another row: client errors
/// turned into French pages (<see cref="ExceptionsAttendues"/>), and the ids of the URL that no
/// form field can override.
/// </summary>
public static class SaisiesSures
{
    public static IServiceCollection AjouterSaisiesSures(this IServiceCollection services)
    {
        services.AddExceptionHandler<ExceptionsAttendues>();

        // A 20 000-character parameter reaches the application and gets a French answer, instead of
        // Kestrel's bare 414 at 8 Ko (a longer request line still gets it).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestLineSize = 64 * 1024);
        services.AddSingleton<IConfigureOptions<MvcOptions>, LiaisonDesValeurs>();
        services.PostConfigure<ApiBehaviorOptions>(o =>
        {
            // The API's automatic 400 in French, like every other answer.
            o.InvalidModelStateResponseFactory = contexte => new BadRequestObjectResult(new ValidationProblemDetails(contexte.ModelState)
            {
                Title = "Paramètres invalides",
                Detail = "Un ou plusieurs paramètres ne sont pas valides : le détail est donné par paramètre.",
                Status = StatusCodes.Status400BadRequest,
            })
            { ContentTypes = { "application/problem+json" } };
            foreach (var (statut, donnees) in o.ClientErrorMapping)
            {
                donnees.Title = PagesErreur.Pour(statut).Titre;
            }
        });
        return services;
    }
}

/// <summary>
/// MVC reads the form before the route by default: <c>POST /membres/7/modifier</c> with a field
/// <c>id=4</c> would change member 4. Every action parameter named like a parameter of its route
/// is bound from the route only, and the route is read before the form for everything else.
/// Form and query values are cleaned by <see cref="ValeursNettoyees"/> on the way.
/// </summary>
public sealed class LiaisonDesValeurs : IConfigureOptions<MvcOptions>, IActionModelConvention
{
    public void Configure(MvcOptions options)
    {
        options.Conventions.Add(this);
        options.Filters.Add(new CorpsTropVolumineux());
        var route = options.ValueProviderFactories.OfType<RouteValueProviderFactory>().FirstOrDefault();
        if (route is not null)
        {
            options.ValueProviderFactories.Remove(route);
            options.ValueProviderFactories.Insert(0, route);
        }

        for (var i = 0; i < options.ValueProviderFactories.Count; i++)
        {
            if (options.ValueProviderFactories[i] is FormValueProviderFactory or QueryStringValueProviderFactory or JQueryFormValueProviderFactory or JQueryQueryStringValueProviderFactory)
            {
                options.ValueProviderFactories[i] = new ValeursNettoyees(options.ValueProviderFactories[i]);
            }
        }
    }

    public void Apply(ActionModel action)
    {
        var parametresDeRoute = action.Selectors
            .Concat(action.Controller.Selectors)
            .Select(s => s.AttributeRouteModel?.Template)
            .Where(t => t is not null)
            .SelectMany(t => Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Parse(t!).Parameters.Select(p => p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var parametre in action.Parameters.Where(p => parametresDeRoute.Contains(p.ParameterName)))
        {
            parametre.BindingInfo ??= new BindingInfo();
            parametre.BindingInfo.BindingSource = BindingSource.Path;
        }
    }
}

/// <summary>
/// Form and query values reach model binding without their control and bidirectional characters
/// (<see cref="Domain.Commun.TexteSaisi"/>): invisible to the user, refused by PostgreSQL (NUL),
/// or used to disguise a name. Every text field of every form is covered, present and future.
/// </summary>
public sealed class ValeursNettoyees(IValueProviderFactory source) : IValueProviderFactory
{
    public async Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var avant = context.ValueProviders.Count;
        await source.CreateValueProviderAsync(context);
        for (var i = avant; i < context.ValueProviders.Count; i++)
        {
            context.ValueProviders[i] = new Fournisseur(context.ValueProviders[i]);
        }
    }

    private sealed class Fournisseur(IValueProvider interne) : IEnumerableValueProvider, IBindingSourceValueProvider, IKeyRewriterValueProvider
    {
        public bool ContainsPrefix(string prefix) => interne.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var resultat = interne.GetValue(key);
            if (resultat == ValueProviderResult.None || !resultat.Values.Any(Domain.Commun.TexteSaisi.ContientInterdits))
            {
                return resultat;
            }

            var propres = resultat.Values.Select(v => Domain.Commun.TexteSaisi.Nettoyer(v)).ToArray();
            return new ValueProviderResult(new Microsoft.Extensions.Primitives.StringValues(propres), resultat.Culture);
        }

        public IDictionary<string, string> GetKeysFromPrefix(string prefix) =>
            interne is IEnumerableValueProvider enumerable ? enumerable.GetKeysFromPrefix(prefix) : new Dictionary<string, string>();

        // Same answers as the wrapped provider: a provider that cannot be filtered is left out, as MVC does.
        public IValueProvider? Filter(BindingSource bindingSource) =>
            interne is IBindingSourceValueProvider filtrable && filtrable.Filter(bindingSource) is { } filtre ? new Fournisseur(filtre) : null;

        public IValueProvider? Filter() =>
            interne is IKeyRewriterValueProvider reecrivant
                ? reecrivant.Filter() is { } filtre ? new Fournisseur(filtre) : null
                : this;
    }
}

/// <summary>
/// A body announced larger than the endpoint accepts is refused with 413 before anything reads it
/// (the antiforgery check would fail to read the form and answer a vague 400, or a 500).
/// </summary>
public sealed class CorpsTropVolumineux : Microsoft.AspNetCore.Mvc.Filters.IAuthorizationFilter, Microsoft.AspNetCore.Mvc.Filters.IOrderedFilter
{
    public int Order => int.MinValue;

    public void OnAuthorization(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context)
    {
        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            return; // The error page of that refusal itself.
        }

        var requete = context.HttpContext.Request;
        var limite = context.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (requete.ContentLength is { } taille && limite is { } maximum && taille > maximum)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
