using Microsoft.EntityFrameworkCore;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Membres;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// <c>dotnet run --project src/Mutualisation.Web -- import-communes --epci &lt;SIREN&gt; --file &lt;epci.json&gt; [--millesime &lt;année&gt;]</c>
/// </summary>
public static class LigneDeCommande
{
    public const string ImportCommunes = "import-communes";

    public static bool EstUneCommande(string[] args) => args.Length > 0 && args[0] == ImportCommunes;

    public static async Task<int> ExecuterAsync(WebApplication app, string[] args)
    {
        var options = LireOptions(args.Skip(1).ToArray());
        if (!options.TryGetValue("--epci", out var epci) || !options.TryGetValue("--file", out var fichier))
        {
            await Console.Error.WriteLineAsync("Usage : import-communes --epci <SIREN de l'EPCI> --file <epci.json> [--millesime <année>]");
            return 2;
        }

        var millesime = Domain.Membres.PopulationLegale.MillesimeEnVigueur(app.Services.GetRequiredService<TimeProvider>().ExerciceCourant());
        if (options.TryGetValue("--millesime", out var texteMillesime) && !int.TryParse(texteMillesime, System.Globalization.CultureInfo.InvariantCulture, out millesime))
        {
            await Console.Error.WriteLineAsync($"Millésime invalide : « {texteMillesime} ».");
            return 2;
        }

        if (!File.Exists(fichier))
        {
            await Console.Error.WriteLineAsync($"Fichier introuvable : « {fichier} ».");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MutualisationDbContext>().Database.MigrateAsync();
        try
        {
            await using var flux = File.OpenRead(fichier);
            var rapport = await scope.ServiceProvider.GetRequiredService<ImportEtalab>().ImporterAsync(flux, epci, millesime, CancellationToken.None);
            foreach (var ligne in rapport.Lignes())
            {
                Console.WriteLine(ligne);
            }

            return 0;
        }
        catch (ImportEtalabException erreur)
        {
            await Console.Error.WriteLineAsync("Import refusé : " + erreur.Message);
            return 1;
        }
    }

    private static Dictionary<string, string> LireOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }
}
