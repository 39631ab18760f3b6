using Mutualisation.Web.Demarrage;

var builder = WebApplication.CreateBuilder(args);
ProfilsDemo.Configurer(builder, args);
builder.AjouterMutualisation();

var app = builder.Build();
app.UtiliserMutualisation();

if (LigneDeCommande.EstUneCommande(args))
{
    return await LigneDeCommande.ExecuterAsync(app, args);
}

await app.PreparerBaseDeDonneesAsync();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
