using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Compte;

[Route("compte")]
public sealed class CompteController(
    SignInManager<Utilisateur> connexions,
    UserManager<Utilisateur> utilisateurs,
    EmpreintesSessions empreintes,
    IValidator<ConnexionModel> validateurConnexion,
    IValidator<MotDePasseModel> validateurMotDePasse) : Controller
{
    public const string MessageIdentifiantsIncorrects = "Adresse électronique ou mot de passe incorrect.";
    public const string MessageVerrouille = "Votre compte est verrouillé après 5 tentatives infructueuses. Réessayez dans 15 minutes ou contactez la DSI.";
    public const string MessageDesactive = "Ce compte est désactivé. Contactez la DSI.";

    [AllowAnonymous]
    [HttpGet("connexion")]
    public IActionResult Connexion(string? returnUrl) => View(new ConnexionModel { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [HttpPost("connexion")]
    public async Task<IActionResult> Connexion(ConnexionModel model)
    {
        ModelState.Clear();
        if (!(await validateurConnexion.ValidateAsync(model)).CopierDans(ModelState))
        {
            return View(model with { MotDePasse = null });
        }

        var utilisateur = await utilisateurs.FindByEmailAsync(model.Courriel!.Trim());
        if (utilisateur is null)
        {
            ModelState.AddModelError(string.Empty, MessageIdentifiantsIncorrects);
            return View(model with { MotDePasse = null });
        }

        if (!utilisateur.Actif)
        {
            ModelState.AddModelError(string.Empty, MessageDesactive);
            return View(model with { MotDePasse = null });
        }

        var resultat = await connexions.PasswordSignInAsync(utilisateur, model.MotDePasse!, isPersistent: false, lockoutOnFailure: true);
        if (resultat.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
        }

        ModelState.AddModelError(string.Empty, resultat.IsLockedOut ? MessageVerrouille : MessageIdentifiantsIncorrects);
        return View(model with { MotDePasse = null });
    }

    /// <summary>Signs out and changes the security stamp, so a copied cookie dies with the session.</summary>
    [HttpPost("deconnexion")]
    public async Task<IActionResult> Deconnexion()
    {
        if (await utilisateurs.GetUserAsync(User) is { } utilisateur)
        {
            await utilisateurs.UpdateSecurityStampAsync(utilisateur);
            empreintes.Invalider(utilisateur.Id);
        }

        await connexions.SignOutAsync();
        TempData["Succes"] = "Vous êtes déconnecté.";
        return Redirect("/compte/connexion");
    }

    [HttpGet("mot-de-passe")]
    public IActionResult MotDePasse() => View(new MotDePasseModel());

    [HttpPost("mot-de-passe")]
    public async Task<IActionResult> MotDePasse(MotDePasseModel model)
    {
        ModelState.Clear();
        var vide = new MotDePasseModel();
        if (!(await validateurMotDePasse.ValidateAsync(model)).CopierDans(ModelState))
        {
            return View(vide);
        }

        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }

        var resultat = await utilisateurs.ChangePasswordAsync(utilisateur, model.MotDePasseActuel!, model.NouveauMotDePasse!);
        if (!resultat.Succeeded)
        {
            foreach (var erreur in resultat.Errors)
            {
                var champ = erreur.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(MotDePasseModel.MotDePasseActuel) : nameof(MotDePasseModel.NouveauMotDePasse);
                ModelState.AddModelError(champ, erreur.Description);
            }

            return View(vide);
        }

        await connexions.RefreshSignInAsync(utilisateur);
        // The user's other sessions carry the old stamp: they end now on this instance.
        empreintes.Invalider(utilisateur.Id);
        TempData["Succes"] = "Votre mot de passe a été modifié.";
        return Redirect("/");
    }

    [AllowAnonymous]
    [HttpGet("acces-refuse")]
    public IActionResult AccesRefuse()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}

public sealed record ConnexionModel
{
    public string? Courriel { get; init; }

    public string? MotDePasse { get; init; }

    public string? ReturnUrl { get; init; }
}

public sealed class ConnexionValidator : AbstractValidator<ConnexionModel>
{
    public ConnexionValidator()
    {
        RuleFor(m => m.Courriel).NotEmpty().WithMessage("Saisissez votre adresse électronique.");
        RuleFor(m => m.MotDePasse).NotEmpty().WithMessage("Saisissez votre mot de passe.");
    }
}

public sealed record MotDePasseModel
{
    public string? MotDePasseActuel { get; init; }

    public string? NouveauMotDePasse { get; init; }

    public string? Confirmation { get; init; }
}

public sealed class MotDePasseValidator : AbstractValidator<MotDePasseModel>
{
    public MotDePasseValidator()
    {
        RuleFor(m => m.MotDePasseActuel).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        RuleFor(m => m.NouveauMotDePasse).NotEmpty().WithMessage("Saisissez un nouveau mot de passe.")
            .MinimumLength(14).WithMessage("Le nouveau mot de passe doit contenir au moins 14 caractères (une phrase de passe convient).");
        RuleFor(m => m.Confirmation).Equal(m => m.NouveauMotDePasse).WithMessage("La confirmation ne correspond pas au nouveau mot de passe.");
    }
}
