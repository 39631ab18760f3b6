using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.Options;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Persistence.Protection;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Features.Membres;
using Mutualisation.Web.Features.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Demarrage;

public static class Services
{
    public const string PolitiqueGestionMembres = "GestionMembres";
    public const string PolitiqueAdministration = "Administration";
    public const string PolitiqueGestionCatalogue = "GestionCatalogue";
    public const string PolitiqueIntercommunale = "Intercommunale";

    public static WebApplicationBuilder AjouterMutualisation(this WebApplicationBuilder builder)
    {
        CultureFr.AppliquerParDefaut();
        builder.AjouterJournalisation();

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IPerimetreUtilisateur, PerimetreHttp>();
        services.AjouterPersistance(builder.Configuration);

        services.AddIdentity<Utilisateur, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 14;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<MutualisationDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ErreursIdentiteFr>()
            .AddClaimsPrincipalFactory<FabriqueRevendications>();

        // A disabled user's cookie is checked against its security stamp on every request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "Mutualisation.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Test")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/compte/acces-refuse";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = context => RepondreApi(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RepondreApi(context, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "Mutualisation.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddDataProtection().SetApplicationName("Mutualisation");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DepotClesProtection(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PolitiqueGestionMembres, p => p.RequireRole(Roles.AdministrateurDSI, Roles.AgentDSI))
            .AddPolicy(PolitiqueAdministration, p => p.RequireRole(Roles.AdministrateurDSI))
            .AddPolicy(PolitiqueGestionCatalogue, p => p.RequireRole(Roles.AdministrateurDSI, Roles.Finance))
            .AddPolicy(PolitiqueIntercommunale, p => p.RequireRole(Roles.Intercommunaux));

        services.AddControllersWithViews(options =>
            {
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Conventions.Add(new SeulesLesApiDansOpenApi());
                options.ModelBindingMessageProvider.SetValueMustBeANumberAccessor(champ => $"Le champ {champ} doit être un nombre.");
                options.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((valeur, champ) => $"La valeur « {valeur} » n'est pas valide pour {champ}.");
                options.ModelBindingMessageProvider.SetValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
                options.ModelBindingMessageProvider.SetMissingBindRequiredValueAccessor(champ => $"Le champ {champ} est obligatoire.");
                options.ModelBindingMessageProvider.SetNonPropertyAttemptedValueIsInvalidAccessor(valeur => $"La valeur « {valeur} » n'est pas valide.");
                options.ModelBindingMessageProvider.SetUnknownValueIsInvalidAccessor(champ => $"La valeur saisie n'est pas valide pour {champ}.");
                options.ModelBindingMessageProvider.SetValueMustNotBeNullAccessor(champ => $"Le champ {champ} est obligatoire.");
            })
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/Views/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
            });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Mutualisation — API";
            document.Info.Description = "API en lecture seule du portail Mutualisation. Authentification par le cookie de session du portail.";
            return Task.CompletedTask;
        }));
        // French text stays readable in the HTML (only <, >, &, quotes are encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHealthChecks().AddDbContextCheck<MutualisationDbContext>("base-de-donnees");

        services.AddValidatorsFromFeatures();
        services.AddScoped<ImportEtalab>();
        services.AddScoped<Features.Simulation.SimulateurContributions>();
        services.AddScoped<Features.Contributions.ProjectionContributions>();
        services.AddScoped<SemisDemo>();
        services.AddScoped<AmorcageAdministrateur>();
        services.AjouterTravaux();
        services.AjouterDocuments();
        return builder;
    }

    private static void AddValidatorsFromFeatures(this IServiceCollection services)
    {
        // FluentValidation's DI package does not restore here: register every validator of this assembly once.
        foreach (var type in typeof(Services).Assembly.GetTypes().Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition))
        {
            var interfaceValidateur = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>));
            if (interfaceValidateur is not null)
            {
                services.AddSingleton(interfaceValidateur, type);
            }
        }
    }

    private static Task RepondreApi(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int statut)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = statut;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>French UI whatever the server's locale.</summary>
public static class CultureFr
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static void AppliquerParDefaut()
    {
        CultureInfo.DefaultThreadCurrentCulture = Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Culture;
    }
}
