using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Documents;
using Mutualisation.Web.Features.Compte;
using Mutualisation.Web.Features.EchangesFiches;
using Mutualisation.Web.Features.Membres;
using Mutualisation.Web.Features.ReferenceApi;
using Mutualisation.Web.Features.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Demarrage;

public static class Services
{
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
        services.AjouterSecuriteConnexion(builder.Configuration);

        // A disabled user's cookie is refused at once (see docs/adr/0009-revocation-des-sessions.md).
        services.AjouterRevocationDesSessions(builder.Configuration);
        // Outside Development, cookies are Secure and carry the __Host- prefix (no Domain, Path=/, HTTPS only).
        var developpement = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Test");
        var prefixe = developpement ? string.Empty : "__Host-";
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = prefixe + "Mutualisation.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = developpement ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = "/compte/connexion";
            options.LogoutPath = "/compte/deconnexion";
            options.AccessDeniedPath = "/compte/acces-refuse";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.Events.OnRedirectToLogin = context => RepondreApi(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RepondreApi(context, StatusCodes.Status403Forbidden);
            DureeAbsolueSession.Appliquer(options, builder.Configuration);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefixe + "Mutualisation.Antiforgery";
            o.Cookie.SecurePolicy = developpement ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        builder.AjouterProtectionDesCles();

        services.AjouterAutorisations();
        services.AjouterNavigation();

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
            .AddRazorOptions(VuesParFonctionnalite.Configurer);
        services.AjouterDocumentsOpenApi();
        // French text stays readable in the HTML (only <, >, &, quotes are encoded).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        // One query on a pooled connection: the default test (CanConnect) opens, on SQLite, a new unpooled read-only
        // connection that parses the whole schema on every call (2.6 ms of CPU against 0.1 ms).
        services.AddHealthChecks().AddDbContextCheck<MutualisationDbContext>("base-de-donnees",
            customTestQuery: async (db, annulation) =>
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1", annulation);
                return true;
            });

        // Validators hold no state and no service: built once (building one compiles its rules' expressions).
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        services.AjouterSaisiesSures();
        services.AddScoped<ImportEtalab>();
        services.AddScoped<Features.Simulation.SimulateurContributions>();
        services.AddScoped<Features.Contributions.ProjectionContributions>();
        Features.Tarifs.ServicesTarifs.AjouterTarifs(services);
        Features.Adhesions.ServicesAdhesions.AjouterAdhesions(services);
        Features.Missions.ServicesMissions.AjouterMissions(services);
        services.AddScoped<SemisDemo>();
        services.AddScoped<AmorcageAdministrateur>();
        services.AjouterTravaux();
        services.AjouterDocuments();
        Features.Titres.ServicesTitres.AjouterTitres(services);
        Features.TitresParticuliers.ServicesTitresParticuliers.AjouterTitresParticuliers(services);
        Features.Pes.ServicesPes.AjouterPes(services);
        Features.Campagnes.ServicesCampagnes.AjouterCampagnes(services);
        services.AjouterEchangesFiches();
        return builder;
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
