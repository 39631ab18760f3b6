using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Compte;

[Authorize(Policy = Autorisations.Connecte)]
[Route("compte")]
public sealed class CompteController(
    SignInManager<Utilisateur> connexions,
    UserManager<Utilisateur> utilisateurs,
    IPasswordHasher<Utilisateur> hacheur,
    VerrouillageComptes verrouillage,
    LimiteurEchecsConnexion limiteur,
    EmpreintesSessions empreintes,
    IValidator<ConnexionModel> validateurConnexion,
    IValidator<MotDePasseModel> validateurMotDePasse) : Controller
{
    public const string MessageIdentifiantsIncorrects = "Adresse électronique ou mot de passe incorrect.";
    public const string MessageVerrouille = "Votre compte est verrouillé après 5 tentatives infructueuses. Réessayez dans 15 minutes ou contactez la DSI.";
    public const string MessageVerrouilleDeconnecte = "Trop d'essais du mot de passe actuel : votre compte est verrouillé pendant 15 minutes et votre session est fermée.";
    public const string MessageDesactive = "Ce compte est désactivé. Contactez la DSI.";

    [AllowAnonymous]
    [HttpGet("connexion")]
    public IActionResult Connexion(string? returnUrl) => View(new ConnexionModel { ReturnUrl = returnUrl });

    /// <summary>
    /// Unknown address, locked account or wrong password: the same answer, after the same work (one
    /// password hash), so the page tells nothing about which accounts exist. Only a disabled account
    /// given its right password, within the five checks the lockout allows, hears that it is disabled.
    /// </summary>
    [AllowAnonymous]
    [HttpPost("connexion")]
    [EnableRateLimiting(SecuriteConnexion.PolitiqueParIp)]
    public async Task<IActionResult> Connexion(ConnexionModel model, CancellationToken annulation)
    {
        ModelState.Clear();
        if (!(await validateurConnexion.ValidateAsync(model, annulation)).CopierDans(ModelState))
        {
            return View(model with { MotDePasse = null });
        }

        var courriel = model.Courriel!.Trim();
        var cle = utilisateurs.NormalizeEmail(courriel);
        if (limiteur.EstEpuise(cle))
        {
            ModelState.AddModelError(string.Empty, SecuriteConnexion.MessageTropDeTentatives);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)limiteur.Delai.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return View(model with { MotDePasse = null });
        }

        var utilisateur = await utilisateurs.FindByEmailAsync(courriel);
        if (utilisateur is not null && await verrouillage.ReserverEssaiAsync(utilisateur, annulation))
        {
            if (await utilisateurs.CheckPasswordAsync(utilisateur, model.MotDePasse!))
            {
                if (!utilisateur.Actif)
                {
                    ModelState.AddModelError(string.Empty, MessageDesactive);
                    return View(model with { MotDePasse = null });
                }

                await verrouillage.RemettreAZeroAsync(utilisateur, annulation);
                await connexions.SignInAsync(utilisateur, isPersistent: false);
                return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
            }
        }
        else
        {
            // No password to check (unknown address, locked account): spend the time a check takes.
            _ = hacheur.HashPassword(utilisateur ?? new Utilisateur { UserName = courriel, Email = courriel }, model.MotDePasse!);
        }

        limiteur.CompterEchec(cle);
        ModelState.AddModelError(string.Empty, MessageIdentifiantsIncorrects);
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

    /// <summary>
    /// The current password is checked under the same lockout as the sign-in: a stolen session
    /// cannot guess it. The guess that locks the account also closes its sessions.
    /// </summary>
    [HttpPost("mot-de-passe")]
    public async Task<IActionResult> MotDePasse(MotDePasseModel model, CancellationToken annulation)
    {
        ModelState.Clear();
        var vide = new MotDePasseModel();
        if (!(await validateurMotDePasse.ValidateAsync(model, annulation)).CopierDans(ModelState))
        {
            return View(vide);
        }

        var utilisateur = await utilisateurs.GetUserAsync(User);
        if (utilisateur is null)
        {
            return Challenge();
        }

        if (!await verrouillage.ReserverEssaiAsync(utilisateur, annulation))
        {
            ModelState.AddModelError(nameof(MotDePasseModel.MotDePasseActuel), MessageVerrouille);
            return View(vide);
        }

        if (!await utilisateurs.CheckPasswordAsync(utilisateur, model.MotDePasseActuel!))
        {
            if (verrouillage.EstVerrouille(utilisateur))
            {
                await utilisateurs.UpdateSecurityStampAsync(utilisateur);
                empreintes.Invalider(utilisateur.Id);
                await connexions.SignOutAsync();
                TempData["Erreur"] = MessageVerrouilleDeconnecte;
                return Redirect("/compte/connexion");
            }

            ModelState.AddModelError(nameof(MotDePasseModel.MotDePasseActuel), utilisateurs.ErrorDescriber.PasswordMismatch().Description);
            return View(vide);
        }

        await verrouillage.RemettreAZeroAsync(utilisateur, annulation);
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
        RuleFor(m => m.Courriel).NotEmpty().WithMessage("Saisissez votre adresse électronique.")
            .MaximumLength(256).WithMessage("Une adresse électronique compte 256 caractères au plus.");
        RuleFor(m => m.MotDePasse).NotEmpty().WithMessage("Saisissez votre mot de passe.")
            .MaximumLength(1000).WithMessage("Un mot de passe compte 1 000 caractères au plus.");
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
