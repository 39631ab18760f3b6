using System.Net;
using AngleSharp;
using AngleSharp.Dom;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>
/// A browser-like HTTP session: keeps its own cookies (so a test can copy them), reads pages
/// with AngleSharp, posts forms with their antiforgery token.
/// </summary>
public sealed class Session(HttpClient client) : IDisposable
{
    private static readonly IBrowsingContext Contexte = BrowsingContext.New(Configuration.Default);

    public HttpClient Client { get; } = client;

    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    public string EnTeteCookie => string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}"));

    public Task<Page> GetAsync(string url) => EnvoyerAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative)));

    /// <summary>Opens <paramref name="urlPage"/>, takes the antiforgery token of its form posting to <paramref name="action"/>, and posts the fields.</summary>
    public async Task<Page> SoumettreAsync(string urlPage, Dictionary<string, string?> champs, string? action = null)
    {
        var page = await GetAsync(urlPage);
        action ??= urlPage.Split('?')[0];
        var formulaire = page.Document.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"Pas de formulaire vers {action} sur {urlPage} (statut {page.Statut}).");
        var jeton = formulaire.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"Le formulaire vers {action} n'a pas de jeton antiforgery.");
        return await PostAsync(action, champs, jeton);
    }

    public Task<Page> PostAsync(string action, Dictionary<string, string?> champs, string? jeton)
    {
        var valeurs = champs.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string>(c.Key, c.Value!)).ToList();
        if (jeton is not null)
        {
            valeurs.Add(new("__RequestVerificationToken", jeton));
        }

        return EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = new FormUrlEncodedContent(valeurs) });
    }

    public async Task<Page> EnvoyerAsync(HttpRequestMessage requete)
    {
        using (requete)
        {
            if (Cookies.Count > 0)
            {
                requete.Headers.Add("Cookie", EnTeteCookie);
            }

            var reponse = await Client.SendAsync(requete);
            if (reponse.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    var paire = cookie.Split(';')[0].Split('=', 2);
                    var expire = cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                    if (expire || paire[1].Length == 0)
                    {
                        Cookies.Remove(paire[0]);
                    }
                    else
                    {
                        Cookies[paire[0]] = paire[1];
                    }
                }
            }

            return await Page.LireAsync(reponse);
        }
    }

    public void Dispose() => Client.Dispose();

    public sealed record Page(HttpStatusCode Statut, string? Redirection, IDocument Document, string Texte, HttpResponseMessage Reponse)
    {
        public static async Task<Page> LireAsync(HttpResponseMessage reponse)
        {
            var texte = await reponse.Content.ReadAsStringAsync();
            var document = await Contexte.OpenAsync(r => r.Content(texte));
            return new Page(reponse.StatusCode, reponse.Headers.Location?.ToString(), document, texte, reponse);
        }

        /// <summary>What a person reads on the page (HTML entities decoded).</summary>
        public string TexteVisible => Document.Body?.TextContent ?? Document.DocumentElement.TextContent;

        /// <summary>The error shown beside a field (the invalid-feedback bound to the input by aria-describedby).</summary>
        public string? ErreurDuChamp(string nom) => Document.GetElementById(nom.Replace('.', '_') + "-erreur")?.TextContent.Trim();

        /// <summary>The values the form posting to <paramref name="action"/> would send as displayed (inputs, checked boxes, selected options).</summary>
        public Dictionary<string, string?> ChampsDuFormulaire(string action)
        {
            var formulaire = Document.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action);
            var champs = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var element in formulaire.QuerySelectorAll("input[name], select[name], textarea[name]"))
            {
                var nom = element.GetAttribute("name")!;
                var type = element.GetAttribute("type");
                if (nom == "__RequestVerificationToken" || (type is "checkbox" or "radio" && !element.HasAttribute("checked")))
                {
                    continue;
                }

                champs[nom] = element.LocalName == "select"
                    ? (element.QuerySelector("option[selected]") ?? element.QuerySelector("option"))?.GetAttribute("value")
                    : element.LocalName == "textarea" ? element.TextContent : element.GetAttribute("value") ?? string.Empty;
            }

            return champs;
        }

        public string? ValeurDuChamp(string nom) => Document.QuerySelector($"[name='{nom}']")?.GetAttribute("value");
    }
}
