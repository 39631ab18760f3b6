using Microsoft.Playwright;

namespace Mutualisation.Web.Tests.Navigateur;

/// <summary>Follows a link of the main navigation the way a user does: opens its menu, then clicks the link.</summary>
public static class MenuPrincipal
{
    /// <summary>
    /// Once the page has loaded (its script closes the other menus), opens the menu <paramref name="menu"/>, clicks
    /// <paramref name="lien"/> and waits for its page. A full run once saw that click lead nowhere (the page stayed
    /// where it was, its network idle): the user would click again, and so does this, twice at most, before failing.
    /// That run waited with Playwright's <c>WaitForURLAsync</c>, which can miss an event (see <see cref="Attendre"/>);
    /// the click again costs nothing when the page came.
    /// </summary>
    public static async Task SuivreAsync(IPage page, string menu, string lien)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Attendre.DocumentAsync(page);
        var cible = page.Locator($"#menu a[href='{lien}']");
        var adresse = new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(lien) + "$");
        for (var essai = 1; ; essai++)
        {
            if (!await cible.IsVisibleAsync())
            {
                await page.Locator("summary", new() { HasText = menu }).ClickAsync();
            }

            await cible.ClickAsync();
            try
            {
                await Attendre.AdresseAsync(page, adresse, 15_000);
                return;
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException && essai < 3)
            {
                // Still on the page of departure: open the menu and click again.
            }
        }
    }
}
