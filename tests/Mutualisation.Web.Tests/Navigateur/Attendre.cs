using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>
/// Waits for a page to reach an address, then for its document, by asking the browser again until it is so.
/// Playwright's own <c>WaitForURLAsync</c> and <c>WaitForLoadStateAsync</c> look at the state they know, then subscribe
/// to its events: an event delivered between the two is lost, and the wait runs to its timeout although the page is
/// there (microsoft/playwright-dotnet#3364). A CI run lost the DOMContentLoaded of <c>/titres/{id}/reduction</c> that
/// way: the click had already led there, and the 60 s wait logged only « "Load" event fired ». Polling cannot miss.
/// </summary>
public static class Attendre
{
    /// <summary>The page is at <paramref name="adresse"/> (the whole address) and its document is parsed.</summary>
    public static async Task AdresseAsync(IPage page, string adresse, float? delai = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(adresse, new() { Timeout = delai ?? 60_000 });
        await DocumentAsync(page, "interactive", delai);
    }

    /// <summary>The page is at an address that <paramref name="adresse"/> matches and its document is parsed.</summary>
    public static async Task AdresseAsync(IPage page, Regex adresse, float? delai = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Assertions.Expect(page).ToHaveURLAsync(adresse, new() { Timeout = delai ?? 60_000 });
        await DocumentAsync(page, "interactive", delai);
    }

    /// <summary>
    /// The document has reached <paramref name="etat"/>: <c>interactive</c> (parsed: DOMContentLoaded) or
    /// <c>complete</c> (its scripts and images loaded: the load event).
    /// </summary>
    public static async Task DocumentAsync(IPage page, string etat = "complete", float? delai = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var attendus = etat == "complete" ? "['complete']" : "['interactive', 'complete']";
        await page.WaitForFunctionAsync($"() => {attendus}.includes(document.readyState)", null, new() { Timeout = delai ?? 60_000, PollingInterval = 50 });
    }
}
