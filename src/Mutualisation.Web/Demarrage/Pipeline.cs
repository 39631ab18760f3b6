using Microsoft.AspNetCore.Localization;
using Mutualisation.Web.Features.Compte;
using Mutualisation.Web.Features.ReferenceApi;

namespace Mutualisation.Web.Demarrage;

public static class Pipeline
{
    public static WebApplication UtiliserMutualisation(this WebApplication app)
    {
        app.UtiliserJournalDesRequetes();
        app.UseSecurityHeaders(EnTetesSecurite.Politique());
        app.SignalerClesNonProtegees();
        app.UseExceptionHandler("/erreur");
        app.UseStatusCodePagesWithReExecute("/erreur/{0}");
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Test"))
        {
            app.UseHsts();
            app.Use(EnTetesSecurite.HttpsObligatoire);
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
        app.UtiliserSecuriteConnexion();
        app.UseAuthentication();
        app.UtiliserContexteDeJournal();
        app.UseAuthorization();

        app.MapSante();
        app.MapperDocumentsOpenApi();
        app.MapControllers();
        return app;
    }
}
