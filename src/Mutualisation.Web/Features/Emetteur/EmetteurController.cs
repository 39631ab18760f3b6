using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Emetteur;

/// <summary>One imputation row of the form: a catalogue service code and its compte par nature and fonction.</summary>
public sealed class ImputationFormulaire
{
    public string? Code { get; set; }

    public string? CompteNature { get; set; }

    public string? Fonction { get; set; }

    public string? CodeProduitLocal { get; set; }
}

/// <summary>The settings of the issuing body as typed (strings, so a rejected form comes back as it was).</summary>
public sealed class EmetteurFormulaire
{
    public string? Nom { get; set; }

    public string? Siren { get; set; }

    public string? Siret { get; set; }

    public string? AdresseLigne { get; set; }

    public string? AdresseCodePostal { get; set; }

    public string? AdresseVille { get; set; }

    public string? OrdonnateurNom { get; set; }

    public string? OrdonnateurPrenoms { get; set; }

    public string? OrdonnateurQualite { get; set; }

    public string? DelegueNom { get; set; }

    public string? DeleguePrenoms { get; set; }

    public string? DelegueQualite { get; set; }

    public string? Comptable { get; set; }

    public string? ComptableAdresse { get; set; }

    public string? ModesDePaiement { get; set; }

    public string? Tribunal { get; set; }

    public string? TribunalAdresse { get; set; }

    public string? CodeBudget { get; set; }

    public string? Seuil { get; set; }

    public string? PesIdPost { get; set; }

    public string? PesIdColl { get; set; }

    public string? PesCodCol { get; set; }

    public string? PesCodBud { get; set; }

    public string? PesLibelleBudget { get; set; }

    public string? PesLogicielEditeur { get; set; }

    public string? PesLogicielNom { get; set; }

    /// <summary>« 01 » (the DGFiP prints the avis) or « 02 » (Chorus Pro).</summary>
    public string? PesEdition { get; set; }

    public List<ImputationFormulaire> Imputations { get; set; } = [];

    public static EmetteurFormulaire Depuis(ParametresEmetteur p) => new()
    {
        Nom = p.Nom, Siren = p.Siren, Siret = p.Siret, AdresseLigne = p.AdresseLigne, AdresseCodePostal = p.AdresseCodePostal, AdresseVille = p.AdresseVille,
        OrdonnateurNom = p.OrdonnateurNom, OrdonnateurPrenoms = p.OrdonnateurPrenoms, OrdonnateurQualite = p.OrdonnateurQualite,
        DelegueNom = p.DelegueNom, DeleguePrenoms = p.DeleguePrenoms, DelegueQualite = p.DelegueQualite,
        Comptable = p.Comptable, ComptableAdresse = p.ComptableAdresse, ModesDePaiement = p.ModesDePaiement,
        Tribunal = p.Tribunal, TribunalAdresse = p.TribunalAdresse, CodeBudget = p.CodeBudget,
        Seuil = SaisieFr.Texte(p.Seuil.Euros),
        PesIdPost = p.PesIdPost, PesIdColl = p.PesIdColl, PesCodCol = p.PesCodCol, PesCodBud = p.PesCodBud, PesLibelleBudget = p.PesLibelleBudget,
        PesLogicielEditeur = p.PesLogicielEditeur ?? "MUTUALISATION", PesLogicielNom = p.PesLogicielNom ?? "Mutualisation 1.0",
        PesEdition = p.PesEdition == EditionAsap.ChorusPro ? "02" : "01",
        Imputations = p.Imputations.OrderBy(i => i.CodeService, StringComparer.Ordinal)
            .Select(i => new ImputationFormulaire { Code = i.CodeService, CompteNature = i.CompteNature, Fonction = i.Fonction, CodeProduitLocal = i.CodeProduitLocal })
            .ToList(),
    };
}

public sealed record EmetteurModel(EmetteurFormulaire Formulaire, IReadOnlyList<string> Manquants, IReadOnlyList<string> ManquantsPes);

/// <summary>
/// The billing identity of the EPCI (name, SIREN/SIRET, address, ordonnateur and delegate, comptable assignataire and
/// payment, tribunal administratif, budget, imputation of each service, threshold), edited by finance and the DSI
/// administrators; the page lists what is still missing before a titre can be issued.
/// </summary>
[Authorize(Policy = Autorisations.GestionCatalogue)]
[Route("emetteur")]
public sealed class EmetteurController(MutualisationDbContext db) : Controller
{
    /// <summary>Imputation rows offered beyond the ones already filled (a service code not yet in the list).</summary>
    private const int LignesLibres = 3;

    /// <summary>More imputation rows than this in a POST are refused (the catalogue has a few dozen services).</summary>
    private const int ImputationsMax = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var parametres = await Charger(annulation) ?? new ParametresEmetteur();
        var formulaire = EmetteurFormulaire.Depuis(parametres);
        await Completer(formulaire, annulation);
        var codes = await CodesDuCatalogue(annulation);
        return View(new EmetteurModel(formulaire, parametres.Manquants(codes), parametres.ManquantsPes(codes)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Index([FromForm] EmetteurFormulaire formulaire, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(formulaire);
        var parametres = await Charger(annulation);
        var nouveau = parametres is null;
        parametres ??= new ParametresEmetteur();
        var seuil = SaisieFr.EstVide(formulaire.Seuil) ? ParametresEmetteur.SeuilReglementaire.Euros : SaisieFr.Nombre(formulaire.Seuil);
        if (seuil is not { } s || s < 0 || s > 1_000_000m || decimal.Round(s, 2) != s)
        {
            ModelState.AddModelError(nameof(formulaire.Seuil), "Le seuil est un montant en euros au centime près, entre 0 et 1 000 000 (par exemple 15).");
        }
        else if (formulaire.Imputations.Count > ImputationsMax)
        {
            ModelState.AddModelError(nameof(formulaire.Imputations), $"Au plus {ImputationsMax} imputations.");
        }
        else if (formulaire.PesEdition is not (null or "" or "01" or "02"))
        {
            ModelState.AddModelError(nameof(formulaire.PesEdition), "Choisissez qui édite les avis des sommes à payer : la DGFiP (01) ou Chorus Pro (02).");
        }
        else
        {
            Signataire? Personne(string? nom, string? prenoms, string? qualite) =>
                SaisieFr.EstVide(nom) && SaisieFr.EstVide(prenoms) && SaisieFr.EstVide(qualite) ? null : new(nom ?? string.Empty, prenoms ?? string.Empty, qualite ?? string.Empty);
            var refus = parametres.Modifier(formulaire.Nom, formulaire.Siren, formulaire.Siret, formulaire.AdresseLigne, formulaire.AdresseCodePostal, formulaire.AdresseVille,
                    Personne(formulaire.OrdonnateurNom, formulaire.OrdonnateurPrenoms, formulaire.OrdonnateurQualite),
                    Personne(formulaire.DelegueNom, formulaire.DeleguePrenoms, formulaire.DelegueQualite),
                    formulaire.Comptable, formulaire.ComptableAdresse, formulaire.ModesDePaiement, formulaire.Tribunal, formulaire.TribunalAdresse,
                    formulaire.CodeBudget, new Montant(s))
                ?? parametres.ModifierPes(formulaire.PesIdPost, formulaire.PesIdColl, formulaire.PesCodCol, formulaire.PesCodBud, formulaire.PesLibelleBudget,
                    formulaire.PesLogicielEditeur, formulaire.PesLogicielNom, formulaire.PesEdition == "02" ? EditionAsap.ChorusPro : EditionAsap.EditeParLaDgfip)
                ?? parametres.DefinirImputations(formulaire.Imputations.Select(i => (i.Code ?? string.Empty, i.CompteNature, i.Fonction, i.CodeProduitLocal)));
            if (refus is not null)
            {
                ModelState.AddModelError(refus.Champ ?? string.Empty, refus.Message);
            }
        }

        if (ModelState.ErrorCount > 0)
        {
            // Nothing half-changed is saved: the tracked entity is dropped with the request.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await Completer(formulaire, annulation);
            return View(new EmetteurModel(formulaire, [], []));
        }

        if (nouveau)
        {
            db.ParametresEmetteur.Add(parametres);
        }

        await db.SaveChangesAsync(annulation);
        var manquants = parametres.Manquants(await CodesDuCatalogue(annulation));
        TempData["Succes"] = manquants.Count == 0
            ? "Les paramètres de l'émetteur sont enregistrés et complets."
            : $"Les paramètres de l'émetteur sont enregistrés ; il manque encore {manquants.Count} élément(s) avant de pouvoir émettre.";
        return Redirect("/emetteur");
    }

    private Task<ParametresEmetteur?> Charger(CancellationToken annulation) =>
        db.ParametresEmetteur.OrderBy(p => p.Id).FirstOrDefaultAsync(annulation);

    /// <summary>The service codes of the voted catalogue versions (each needs an imputation before its titres are issued).</summary>
    private async Task<List<string>> CodesDuCatalogue(CancellationToken annulation) =>
        (await db.VersionsCatalogue.AsNoTracking().Where(v => v.Statut == Domain.Catalogue.StatutVersion.Votee)
            .SelectMany(v => v.Services.Select(s => s.Code)).Distinct().ToListAsync(annulation))
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>One row per catalogue service not yet in the form, and a few free rows.</summary>
    private async Task Completer(EmetteurFormulaire formulaire, CancellationToken annulation)
    {
        foreach (var code in await CodesDuCatalogue(annulation))
        {
            if (!formulaire.Imputations.Any(i => string.Equals(i.Code?.Trim(), code, StringComparison.OrdinalIgnoreCase)))
            {
                formulaire.Imputations.Add(new ImputationFormulaire { Code = code });
            }
        }

        // Lines without a catalogue service (mandataire reimbursements, indemnity shares) are imputed, in PES, as this code.
        if (!formulaire.Imputations.Any(i => string.Equals(i.Code?.Trim(), Pes.ExportsPes.CodeHorsCatalogue, StringComparison.OrdinalIgnoreCase)))
        {
            formulaire.Imputations.Add(new ImputationFormulaire { Code = Pes.ExportsPes.CodeHorsCatalogue });
        }

        for (var i = 0; i < LignesLibres && formulaire.Imputations.Count < ImputationsMax; i++)
        {
            formulaire.Imputations.Add(new ImputationFormulaire());
        }
    }
}
