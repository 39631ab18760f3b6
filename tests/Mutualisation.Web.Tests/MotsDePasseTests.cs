using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Compte;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>Trivial passwords are refused on every path that sets one, with the CNIL's reason in French.</summary>
[Collection(PortailCollection.Nom)]
public class MotsDePasseTests(PortailFactory portail)
{
    public static TheoryData<string, string> Refuses => new()
    {
        { "aaaaaaaaaaaaaa", "PasswordRepetitif" },
        { "aaaaaaaaaaaaab-", "PasswordRepetitif" },
        { "abababababababab", "PasswordRepetitif" },
        { "19871987198719871987", "PasswordRepetitif" },
        { "abcdefghijklmn", "PasswordSuite" },
        { "12345678901234", "PasswordSuite" },
        { "nmlkjihgfedcba", "PasswordSuite" },
        { "azertyuiop!!2026", "PasswordSuite" },
        { "qwertyuiop-1234", "PasswordSuite" },
        { "motdepasse1234", "PasswordCourant" },
        { "MotDePasse-2026-!", "PasswordCourant" },
        { "Mon mot de passe 2026", "PasswordCourant" },
        { "P@ssw0rd20262026", "PasswordCourant" },
        { "Soleil 2026 / 1975", "PasswordCourant" },
        { "Marseille13013!!", "PasswordCourant" },
        { "bonjour-bonjour-42", "PasswordCourant" },
        { "Jeanne-Dupont-1975", "PasswordPersonnel" },
        { "dupont.jeanne2026", "PasswordPersonnel" },
        { "Jdupont4821-ma-session", "PasswordPersonnel" },
    };

    [Theory]
    [MemberData(nameof(Refuses))]
    public async Task Un_mot_de_passe_evident_est_refuse_avec_sa_raison(string motDePasse, string code)
    {
        var resultat = await CreerAsync("jdupont4821", motDePasse);

        Assert.False(resultat.Succeeded, motDePasse);
        var erreur = Assert.Single(resultat.Errors);
        Assert.Equal(code, erreur.Code);
        Assert.Contains("CNIL", erreur.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Demarrage.PreparationBase.MotDePasseDemo)]
    [InlineData(Comptes.MotDePasse)]
    [InlineData("une toute nouvelle phrase")]
    [InlineData("un mot de passe assez long")]
    [InlineData("mot de passe de deploiement")]
    [InlineData("Le chat de Jeanne dort au soleil")]
    [InlineData("cheval-agrafe-batterie-correct")]
    [InlineData("k7#Qm2!vR9xLp4@w")]
    public async Task Une_phrase_de_passe_ou_un_mot_de_passe_aleatoire_est_accepte(string motDePasse)
    {
        var resultat = await CreerAsync("jeanne.dupont." + Guid.NewGuid().ToString("N")[..8], motDePasse);

        Assert.True(resultat.Succeeded, string.Join(" ", resultat.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task L_administrateur_qui_cree_un_compte_voit_la_raison_a_cote_du_champ()
    {
        using var admin = await portail.ConnecterAsync(Comptes.Admin);
        var courriel = $"agent-{Guid.NewGuid():N}@exemple.demo";

        var page = await admin.SoumettreAsync("/administration/utilisateurs/nouveau", new()
        {
            ["Courriel"] = courriel, ["NomComplet"] = "Agent évident", ["Role"] = Roles.AgentDSI, ["MotDePasse"] = "motdepasse1234",
        });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal(ValidateurMotDePasseEvident.MessageCourant, page.ErreurDuChamp("MotDePasse"));
        Assert.Equal(courriel, page.ValeurDuChamp("Courriel"));
    }

    [Fact]
    public async Task Changer_pour_un_mot_de_passe_evident_est_refuse_a_cote_du_nouveau_mot_de_passe()
    {
        var courriel = await portail.CreerAsync(Roles.AgentDSI);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        var page = await session.SoumettreAsync("/compte/mot-de-passe", new()
        {
            ["MotDePasseActuel"] = Comptes.MotDePasse, ["NouveauMotDePasse"] = "aaaaaaaaaaaaaa", ["Confirmation"] = "aaaaaaaaaaaaaa",
        });

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Equal(ValidateurMotDePasseEvident.MessageRepetition, page.ErreurDuChamp("NouveauMotDePasse"));
        using var toujours = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
    }

    private async Task<IdentityResult> CreerAsync(string local, string motDePasse)
    {
        await using var scope = portail.Services.CreateAsyncScope();
        var utilisateurs = scope.ServiceProvider.GetRequiredService<UserManager<Utilisateur>>();
        var courriel = $"{local}@exemple.demo";
        return await utilisateurs.CreateAsync(new Utilisateur { UserName = courriel, Email = courriel, NomComplet = "Jeanne Dupont" }, motDePasse);
    }
}
