using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Billing;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>
/// A finance user entering a tariff grid through the catalogue pages, as a new EPCI would: declare
/// its quantities, add services, define components and brackets, group formules, vote. Every step
/// posts the page's own form and checks it was accepted (a refusal fails with the page's errors).
/// </summary>
public sealed class SaisieCatalogue(PortailFactory portail, Session session, int version)
{
    public int Version { get; } = version;

    private string Url => $"/catalogue/{Version}";

    /// <summary>An empty draft for an exercice (the list page only copies a voted version), then everything through the pages.</summary>
    public static async Task<SaisieCatalogue> NouveauBrouillonAsync(PortailFactory portail, Session finances, int exercice, string intitule)
    {
        var brouillon = new VersionCatalogue(exercice);
        brouillon.Parametrer(intitule, ReferencePopulation.Totale);
        await portail.ExecuterAsync(async db =>
        {
            db.VersionsCatalogue.Add(brouillon);
            return await db.SaveChangesAsync();
        });
        return new SaisieCatalogue(portail, finances, brouillon.Id);
    }

    public async Task DeclarerQuantiteAsync(string code, string libelle, string singulier, string pluriel, TypeQuantite type = TypeQuantite.Entiere) =>
        Accepte(await session.SoumettreAsync($"{Url}/quantites/nouvelle", new()
        {
            ["Code"] = code, ["Libelle"] = libelle, ["UniteSingulier"] = singulier, ["UnitePluriel"] = pluriel, ["Type"] = type.ToString(),
        }));

    /// <summary>Adds a service; returns its id (the page then leads to its first component).</summary>
    public async Task<int> AjouterServiceAsync(string code, string libelle, string famille = "Services")
    {
        var page = Accepte(await session.SoumettreAsync($"{Url}/services/nouveau", new() { ["Code"] = code, ["Libelle"] = libelle, ["Famille"] = famille }));
        return int.Parse(page.Redirection!.Split('/')[^3], CultureInfo.InvariantCulture);
    }

    /// <summary>Defines a component with the form's fields (Nature, Quantite, Taux, BaseParUnite, Plafond…) and its bracket rows.</summary>
    public async Task DefinirComposanteAsync(int service, Dictionary<string, string?> champs, params Tranche[] tranches)
    {
        var valeurs = new Dictionary<string, string?>(champs, StringComparer.Ordinal);
        for (var i = 0; i < tranches.Length; i++)
        {
            var t = tranches[i];
            valeurs[$"Tranches[{i}].Libelle"] = t.Libelle;
            valeurs[$"Tranches[{i}].Minimum"] = t.Minimum;
            valeurs[$"Tranches[{i}].MaximumExclu"] = t.Maximum;
            valeurs[$"Tranches[{i}].Montant"] = t.Montant;
            valeurs[$"Tranches[{i}].MontantPremiereAnnee"] = t.PremiereAnnee;
            valeurs[$"Tranches[{i}].Taux"] = t.Taux;
            valeurs[$"Tranches[{i}].Coefficient"] = t.Coefficient;
        }

        Accepte(await session.SoumettreAsync($"{Url}/services/{service}/composantes/nouvelle", valeurs));
    }

    public async Task AjouterFormuleAsync(string code, string libelle, string services) =>
        Accepte(await session.SoumettreAsync($"{Url}/formules/nouvelle", new() { ["Code"] = code, ["Libelle"] = libelle, ["Services"] = services }));

    public async Task VoterAsync(string numero, string le, string? enVigueurLe = null) =>
        Accepte(await session.SoumettreAsync($"{Url}/voter", new() { ["Numero"] = numero, ["Le"] = le, ["EnVigueurLe"] = enVigueurLe }));

    /// <summary>The stored version as the engine prices it.</summary>
    public async Task<CatalogueTarifaire> TarifAsync() =>
        ConversionCatalogue.VersTarification(await portail.ExecuterAsync(db => db.VersionsCatalogue.AsNoTracking().AvecTarifs().SingleAsync(v => v.Id == Version)));

    private static Session.Page Accepte(Session.Page page)
    {
        if (page.Statut != HttpStatusCode.Redirect)
        {
            var erreurs = string.Join(" | ", page.Document.QuerySelectorAll(".invalid-feedback, .alert-danger").Select(e => e.TextContent.Trim()));
            throw new InvalidOperationException($"La page a refusé la saisie ({page.Statut}) : {erreurs}");
        }

        return page;
    }

    /// <summary>One bracket row as typed in the form (French numbers).</summary>
    public sealed record Tranche(string Libelle, string Minimum, string? Maximum, string? Montant = null, string? PremiereAnnee = null, string? Taux = null, string? Coefficient = null);

    /// <summary>(a) Per workstation: base 150 € × coefficient 1 for 1–4 postes, 0,9 for 5–15, 0,8 from 16, the whole count at its bracket.</summary>
    public async Task SaisirParPosteAsync()
    {
        await DeclarerQuantiteAsync("postes", "Postes de travail", "poste", "postes");
        var service = await AjouterServiceAsync("POSTES", "Maintenance des postes de travail");
        await DefinirComposanteAsync(service, new() { ["Libelle"] = "par poste", ["Nature"] = "ParTranche", ["Quantite"] = "postes", ["BaseParUnite"] = "150,00" },
            new("1 à 4 postes", "1", "5", Coefficient: "1"),
            new("5 à 15 postes", "5", "16", Coefficient: "0,9"),
            new("16 postes et plus", "16", null, Coefficient: "0,8"));
        await AjouterFormuleAsync("postes", "Maintenance des postes", "POSTES");
    }

    /// <summary>(b) CDG-style flat fees: by population band for communes, by agent band for other bodies, higher the first year.</summary>
    public async Task SaisirForfaitsParStrateAsync()
    {
        await DeclarerQuantiteAsync("agents", "Agents", "agent", "agents");
        var communes = await AjouterServiceAsync("CDG-COMMUNES", "Adhésion des communes");
        await DefinirComposanteAsync(communes, new() { ["Libelle"] = "forfait par strate de population", ["Nature"] = "ParTranche", ["Quantite"] = "population" },
            new("moins de 1 000 habitants", "0", "1000", "300,00", "450,00"),
            new("de 1 000 à moins de 5 000 habitants", "1000", "5000", "600,00", "900,00"),
            new("5 000 habitants et plus", "5000", null, "1200,00", "1800,00"));
        var etablissements = await AjouterServiceAsync("CDG-ETABLISSEMENTS", "Adhésion des autres établissements");
        await DefinirComposanteAsync(etablissements, new() { ["Libelle"] = "forfait par strate d'agents", ["Nature"] = "ParTranche", ["Quantite"] = "agents" },
            new("moins de 10 agents", "0", "10", "200,00", "300,00"),
            new("10 agents et plus", "10", null, "500,00", "750,00"));
        await AjouterFormuleAsync("cdg-commune", "Adhésion d'une commune", "CDG-COMMUNES");
        await AjouterFormuleAsync("cdg-etablissement", "Adhésion d'un établissement", "CDG-ETABLISSEMENTS");
    }

    /// <summary>(c) Per inhabitant for communes (0,50 €), per agent for other bodies (40 €).</summary>
    public async Task SaisirParHabitantEtParAgentAsync()
    {
        await DeclarerQuantiteAsync("agents", "Agents", "agent", "agents");
        var communes = await AjouterServiceAsync("HABITANTS", "Cotisation des communes");
        await DefinirComposanteAsync(communes, new() { ["Libelle"] = "par habitant", ["Nature"] = "ParUnite", ["Quantite"] = "population", ["Taux"] = "0,50" });
        var etablissements = await AjouterServiceAsync("AGENTS", "Cotisation des établissements");
        await DefinirComposanteAsync(etablissements, new() { ["Libelle"] = "par agent", ["Nature"] = "ParUnite", ["Quantite"] = "agents", ["Taux"] = "40" });
        await AjouterFormuleAsync("commune", "Cotisation d'une commune", "HABITANTS");
        await AjouterFormuleAsync("etablissement", "Cotisation d'un établissement", "AGENTS");
    }

    /// <summary>(d) Per inhabitant 1,20 € capped at 15 000 €.</summary>
    public async Task SaisirParHabitantPlafonneAsync()
    {
        var service = await AjouterServiceAsync("PLAFONNE", "Cotisation plafonnée");
        await DefinirComposanteAsync(service, new() { ["Libelle"] = "par habitant, plafonnée", ["Nature"] = "ParUnite", ["Quantite"] = "population", ["Taux"] = "1,20", ["Plafond"] = "15000" });
        await AjouterFormuleAsync("plafonne", "Cotisation plafonnée", "PLAFONNE");
    }

    /// <summary>(e) Graduated: 5 000 € for the first 10 000 inhabitants, then 0,25 € each.</summary>
    public async Task SaisirBaremeProgressifAsync()
    {
        var service = await AjouterServiceAsync("PROGRESSIF", "Cotisation progressive");
        await DefinirComposanteAsync(service, new() { ["Libelle"] = "barème progressif", ["Nature"] = "Progressif", ["Quantite"] = "population" },
            new("10 000 premiers habitants", "0", "10000", "5000,00"),
            new("au-delà de 10 000 habitants", "10000", null, Taux: "0,25"));
        await AjouterFormuleAsync("progressif", "Cotisation progressive", "PROGRESSIF");
    }
}
