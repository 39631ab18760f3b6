using System.Net;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Web.Features.Membres;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

[Collection(PortailCollection.Nom)]
public class MembresTests(PortailFactory portail)
{
    private static Dictionary<string, string?> Formulaire(string nom, string siren, string insee, string? population = "1234") => new()
    {
        ["Nom"] = nom,
        ["Nature"] = "Commune",
        ["CodeInsee"] = insee,
        ["Siren"] = siren,
        ["PopulationMillesime"] = population is null ? null : "2023",
        ["PopulationTotale"] = population,
        ["PopulationMunicipale"] = population is null ? null : "1200",
        ["DecideurNom"] = "Marie Curie",
        ["DecideurCourriel"] = "maire@exemple.demo",
    };

    [Fact]
    public async Task Une_saisie_invalide_revient_avec_les_messages_a_cote_des_champs_et_la_saisie_conservee()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var champs = Formulaire("Commune mal saisie", "213502363", "3523", "-5");
        champs["DecideurCourriel"] = "pas-une-adresse";

        var page = await session.SoumettreAsync("/membres/nouveau", champs);

        Assert.Equal(HttpStatusCode.OK, page.Statut);
        Assert.Contains("clé de contrôle (Luhn)", page.ErreurDuChamp("Siren"), StringComparison.Ordinal);
        Assert.Contains("5 caractères", page.ErreurDuChamp("CodeInsee"), StringComparison.Ordinal);
        Assert.Contains("supérieur ou égal à 0", page.ErreurDuChamp("PopulationTotale"), StringComparison.Ordinal);
        Assert.Equal("Cette adresse électronique n'est pas valide.", page.ErreurDuChamp("DecideurCourriel"));
        Assert.Equal("Commune mal saisie", page.ValeurDuChamp("Nom"));
        Assert.Equal("213502363", page.ValeurDuChamp("Siren"));
        Assert.Equal("-5", page.ValeurDuChamp("PopulationTotale"));
        Assert.False(await portail.ExecuterAsync(db => db.Membres.AnyAsync(m => m.Nom == "Commune mal saisie")));
    }

    [Fact]
    public async Task Les_champs_obligatoires_vides_sont_signales_chacun()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var page = await session.SoumettreAsync("/membres/nouveau", Formulaire("", "", "", population: null));

        Assert.Equal("Le nom est obligatoire.", page.ErreurDuChamp("Nom"));
        Assert.Equal("Le code INSEE est obligatoire.", page.ErreurDuChamp("CodeInsee"));
        Assert.Equal("Le SIREN est obligatoire.", page.ErreurDuChamp("Siren"));
    }

    [Fact]
    public async Task Un_SIREN_deja_utilise_est_refuse_a_cote_du_champ()
    {
        var existante = await portail.AjouterCommuneAsync();
        using var session = await portail.ConnecterAsync(Comptes.Agent);

        var page = await session.SoumettreAsync("/membres/nouveau", Formulaire("Doublon", existante.Siren.Valeur, Jeux.InseeUnique()));

        Assert.Equal("Un autre membre porte déjà ce SIREN.", page.ErreurDuChamp("Siren"));
    }

    [Fact]
    public async Task Creer_puis_modifier_un_membre_trace_qui_a_change_quoi_dans_l_historique()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var siren = Jeux.SirenUnique();
        var nom = "Commune créée " + Guid.NewGuid().ToString("N")[..6];

        var creation = await session.SoumettreAsync("/membres/nouveau", Formulaire(nom, siren, Jeux.InseeUnique()));
        Assert.Equal(HttpStatusCode.Redirect, creation.Statut);
        var url = creation.Redirection!;

        var champs = Formulaire(nom + " modifiée", siren, Jeux.InseeUnique(), "1300");
        champs["PopulationMillesime"] = "2024";
        var modification = await session.SoumettreAsync(url + "/modifier", champs);
        Assert.Equal(HttpStatusCode.Redirect, modification.Statut);

        var detail = await session.GetAsync(url);
        Assert.Contains(nom + " modifiée", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Alain Agent", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Création", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("Modification", detail.TexteVisible, StringComparison.Ordinal);
        Assert.Contains("1 300", detail.TexteVisible.Replace('\u202f', ' ').Replace('\u00a0', ' '), StringComparison.Ordinal);
        var lignesPopulation = detail.Document.QuerySelectorAll("#titre-populations + table tbody tr");
        Assert.Equal(2, lignesPopulation.Length);
    }

    [Fact]
    public async Task L_historique_dit_qui_quand_et_chaque_champ_change_en_francais_sans_json_ni_identifiant_temporaire()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var siren = Jeux.SirenUnique();
        var insee = Jeux.InseeUnique();
        var nom = "Commune historiée " + Guid.NewGuid().ToString("N")[..6];
        var creation = await session.SoumettreAsync("/membres/nouveau", Formulaire(nom, siren, insee));
        var url = creation.Redirection!;
        var id = int.Parse(url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        var champs = Formulaire("Nouvelle " + nom, siren, insee, "2355");
        var modification = await session.SoumettreAsync(url + "/modifier", champs);
        Assert.Equal(HttpStatusCode.Redirect, modification.Statut);

        var detail = await session.GetAsync(url);
        var lignes = detail.Document.QuerySelectorAll(".entree-historique")
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l.TextContent, @"\s+", " ").Trim())
            .ToList();
        var texte = string.Join(" | ", lignes);
        Assert.Contains($"Nom : {nom} → Nouvelle {nom}", texte, StringComparison.Ordinal);
        Assert.Contains("Population totale : 1 234 → 2 355", texte, StringComparison.Ordinal);
        Assert.Contains("Modification (Population légale)", texte, StringComparison.Ordinal);
        Assert.Contains("Création (Membre)", texte, StringComparison.Ordinal);
        Assert.Contains("Millésime : 2023", texte, StringComparison.Ordinal);
        Assert.All(lignes, l => Assert.Matches(@"^\d{2}/\d{2}/\d{4} à \d{2}:\d{2} Alain Agent \(démo\) ", l));
        Assert.DoesNotContain("\\u00", detail.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("-214748", detail.Texte, StringComparison.Ordinal);
        Assert.DoesNotContain("{", texte, StringComparison.Ordinal);
        Assert.DoesNotContain("MembreId", texte, StringComparison.Ordinal);

        // At the source: the recorded changes carry the real keys, never EF Core's temporary negative ones.
        var enregistres = await portail.ExecuterAsync(db => db.Historique.Where(h => h.MembreId == id).Select(h => h.Changements).ToListAsync());
        Assert.NotEmpty(enregistres);
        Assert.All(enregistres, c => Assert.DoesNotContain("-214748", c, StringComparison.Ordinal));
        Assert.Contains(enregistres, c => c.Contains($"\"MembreId\":\"{id}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Un_identifiant_inconnu_donne_une_page_404_en_francais()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var page = await session.GetAsync("/membres/987654321");

        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        Assert.Contains("Page introuvable", page.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Une_adresse_inconnue_donne_la_meme_page_404()
    {
        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var page = await session.GetAsync("/nulle-part");

        Assert.Equal(HttpStatusCode.NotFound, page.Statut);
        Assert.Contains("Page introuvable", page.TexteVisible, StringComparison.Ordinal);
    }

    [Fact]
    public async Task La_liste_cherche_sans_accents_et_trie_par_population()
    {
        var marqueur = "Zqx" + Guid.NewGuid().ToString("N")[..6];
        await portail.AjouterCommuneAsync($"Saint-Étienne-{marqueur}", 900);
        await portail.AjouterCommuneAsync($"Sainte-Hélène-{marqueur}", 2500);
        using var session = await portail.ConnecterAsync(Comptes.Finances);

        var page = await session.GetAsync($"/membres?q=etienne-{marqueur.ToLowerInvariant()}");
        Assert.Single(page.Document.QuerySelectorAll("tbody tr"));

        var triee = await session.GetAsync($"/membres?q={marqueur}&tri=population&sens=desc");
        var noms = triee.Document.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal([$"Sainte-Hélène-{marqueur}", $"Saint-Étienne-{marqueur}"], noms);
    }

    [Fact]
    public async Task La_liste_se_pagine()
    {
        var marqueur = "Pag" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 27; i++)
        {
            await portail.AjouterCommuneAsync($"{marqueur} {i:D2}");
        }

        using var session = await portail.ConnecterAsync(Comptes.Agent);
        var page2 = await session.GetAsync($"/membres?q={marqueur}&page=2");

        Assert.Equal(2, page2.Document.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("page 2 sur 2", page2.TexteVisible, StringComparison.Ordinal);
    }

    /// <summary>
    /// Building a validator compiles its rules (about a sixth of the members list's CPU time when it was built for
    /// every request, since the controller takes it); they hold no state, so one serves every request.
    /// </summary>
    [Fact]
    public void Le_validateur_des_membres_est_construit_une_fois_et_pas_a_chaque_requete()
    {
        using var requete1 = portail.Services.CreateScope();
        using var requete2 = portail.Services.CreateScope();

        Assert.Same(requete1.ServiceProvider.GetRequiredService<IValidator<MembreFormulaire>>(), requete2.ServiceProvider.GetRequiredService<IValidator<MembreFormulaire>>());
    }

    [Fact]
    public async Task Le_role_Finance_lit_mais_ne_modifie_pas_les_membres()
    {
        var membre = await portail.AjouterCommuneAsync();
        using var session = await portail.ConnecterAsync(Comptes.Finances);

        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync($"/membres/{membre.Id}")).Statut);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync($"/membres/{membre.Id}/modifier")).Statut);
    }
}
