using Microsoft.AspNetCore.Localization;

namespace Mutualisation.Web.Demarrage;

public static class Pipeline
{
    public static WebApplication UtiliserMutualisation(this WebApplication app)
    {
        app.UseMiddleware<JournalRequetes>();
        app.UseMiddleware<EnTetesSecurite>();
        app.UseExceptionHandler("/erreur");
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Test"))
        {
            app.UseHsts();
        }

        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(CultureFr.Culture),
            SupportedCultures = [CultureFr.Culture],
            SupportedUICultures = [CultureFr.Culture],
            RequestCultureProviders = [],
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapSante();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization();
        app.MapControllers();
        return app;
    }
}
