using System.Text.Json;
using Microsoft.Playwright;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>Runs axe-core (installed by test.sh with npm) in the page and returns its serious and critical violations.</summary>
public static class Axe
{
    private static readonly string Script = File.ReadAllText(Chemin());

    public static async Task<IReadOnlyList<string>> ViolationsGravesAsync(IPage page)
    {
        // Injected through the page's own context: the application's CSP forbids inline scripts, Playwright's evaluation is not inline.
        await page.EvaluateAsync(Script);
        var resultat = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations");
        return resultat.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}) : " +
                string.Join(" | ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("html").GetString())))
            .ToList();
    }

    private static string Chemin()
    {
        var chemin = Environment.GetEnvironmentVariable("AXE_CORE_PATH")
            ?? Path.Combine(CheminDuDepot.Racine, "tests", "Mutualisation.Web.Tests", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(chemin)
            ? chemin
            : throw new InvalidOperationException($"axe-core introuvable ({chemin}) : lancez ./test.sh, qui l'installe avec npm ci.");
    }
}
