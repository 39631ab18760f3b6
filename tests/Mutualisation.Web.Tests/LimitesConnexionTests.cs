using System.Net;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Features.Compte;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>The sign-in rate limits, on an application of their own with tight limits.</summary>
public sealed class LimitesConnexionTests : IDisposable
{
    private readonly PortailFactory _portail = PortailFactory.SurUneNouvelleBase();

    public LimitesConnexionTests()
    {
        _portail.Reglages["Connexion:EchecsParAdresse"] = "2";
        _portail.Reglages["Connexion:FenetreAdresseSecondes"] = "3600";
        _portail.Reglages["Connexion:TentativesParIp"] = "9";
        _portail.Reglages["Connexion:FenetreIpSecondes"] = "3600";
    }

    [Fact]
    public async Task Les_echecs_sont_limites_par_adresse_puis_toutes_les_tentatives_par_client()
    {
        var visee = await _portail.CreerAsync(Roles.AdministrateurDSI);
        var autre = $"inconnu-{Guid.NewGuid():N}@exemple.demo";
        var habitue = await _portail.CreerAsync(Roles.AgentDSI);

        // Two failures for one address, then 429 before the account is even looked at; the address is kept.
        Assert.Equal(HttpStatusCode.OK, (await EssayerAsync(visee, "mauvais 1")).Statut);
        Assert.Equal(HttpStatusCode.OK, (await EssayerAsync(visee.ToUpperInvariant(), "mauvais 2")).Statut);
        var limite = await EssayerAsync(" " + visee + " ", Comptes.MotDePasse);
        Assert.Equal(HttpStatusCode.TooManyRequests, limite.Statut);
        Assert.Equal(SecuriteConnexion.MessageTropDeTentatives, limite.Document.QuerySelector(".alert")?.TextContent.Trim());
        Assert.Equal(visee, limite.ValeurDuChamp("Courriel")?.Trim());
        Assert.True(limite.Reponse.Headers.RetryAfter is not null);
        Assert.Equal(2, _portail.Hachages.Verifications(visee));

        // Another address is not affected; successes do not count.
        Assert.Equal(HttpStatusCode.OK, (await EssayerAsync(autre, "mauvais")).Statut);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await EssayerAsync(habitue, Comptes.MotDePasse)).Statut);
        }

        // Nine POSTs from this client so far: the tenth is refused whatever the address, in French.
        Assert.Equal(HttpStatusCode.OK, (await EssayerAsync(autre, "mauvais encore")).Statut);
        var parIp = await EssayerAsync(habitue, Comptes.MotDePasse);
        Assert.Equal(HttpStatusCode.TooManyRequests, parIp.Statut);
        Assert.Equal(SecuriteConnexion.MessageTropDeTentatives, parIp.Document.QuerySelector(".alert")?.TextContent.Trim());
        Assert.Equal(habitue, parIp.ValeurDuChamp("Courriel"));
        Assert.Equal("Connexion", parIp.Document.QuerySelector("h1")?.TextContent.Trim());
        Assert.True(parIp.Reponse.Headers.RetryAfter is not null);
    }

    private async Task<Session.Page> EssayerAsync(string courriel, string motDePasse)
    {
        using var session = _portail.NouvelleSession();
        return await session.SoumettreAsync("/compte/connexion", new() { ["Courriel"] = courriel, ["MotDePasse"] = motDePasse });
    }

    public void Dispose() => _portail.Dispose();
}
