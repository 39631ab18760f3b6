using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Persistence;
using Mutualisation.Web.Features.Compte;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Utilisateurs;

/// <summary>Accounts administration: create, change role and commune, disable (the session dies at the next request).</summary>
[Authorize(Policy = Autorisations.Administration)]
[Route("administration/utilisateurs")]
public sealed class UtilisateursController(
    MutualisationDbContext db,
    UserManager<Utilisateur> utilisateurs,
    VerrouillageComptes verrouillage,
    TimeProvider horloge,
    EmpreintesSessions empreintes,
    IValidator<UtilisateurFormulaire> validateur) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken annulation)
    {
        var lignes = await (
                from u in db.Users.AsNoTracking()
                join m in db.Membres.AsNoTracking() on u.MembreId equals (int?)m.Id into membres
                from m in membres.DefaultIfEmpty()
                let role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault()
                orderby u.Email
                select new { u.Id, u.Email, u.NomComplet, Role = role, Commune = m == null ? null : m.Nom, u.Actif, u.LockoutEnd })
            .ToListAsync(annulation);
        var maintenant = horloge.GetUtcNow();
        return View(lignes.Select(u => new LigneUtilisateur(u.Id, u.Email!, u.NomComplet, u.Role, u.Commune, u.Actif,
                u.Actif && u.LockoutEnd > maintenant ? u.LockoutEnd : null))
            .ToList());
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> Nouveau(CancellationToken annulation) =>
        View("Formulaire", await ModeleAsync(null, new UtilisateurFormulaire { Role = Roles.AgentDSI }, annulation));

    [HttpPost("nouveau")]
    public async Task<IActionResult> Nouveau(UtilisateurFormulaire formulaire, CancellationToken annulation)
    {
        if (!await ValiderAsync(formulaire, creation: true, annulation))
        {
            return View("Formulaire", await ModeleAsync(null, formulaire with { MotDePasse = null }, annulation));
        }

        var courriel = formulaire.Courriel!.Trim();
        var utilisateur = new Utilisateur
        {
            UserName = courriel,
            Email = courriel,
            EmailConfirmed = true,
            NomComplet = formulaire.NomComplet!.Trim(),
            MembreId = formulaire.Role == Roles.Mairie ? formulaire.MembreId : null,
        };
        var resultat = await utilisateurs.CreateAsync(utilisateur, formulaire.MotDePasse!);
        if (resultat.Succeeded)
        {
            resultat = await utilisateurs.AddToRoleAsync(utilisateur, formulaire.Role!);
        }

        if (!resultat.Succeeded)
        {
            foreach (var erreur in resultat.Errors)
            {
                ModelState.AddModelError(erreur.Code.Contains("Password", StringComparison.Ordinal) ? nameof(UtilisateurFormulaire.MotDePasse) : nameof(UtilisateurFormulaire.Courriel), erreur.Description);
            }

            return View("Formulaire", await ModeleAsync(null, formulaire with { MotDePasse = null }, annulation));
        }

        TempData["Succes"] = $"Le compte {courriel} a été créé.";
        return Redirect("/administration/utilisateurs");
    }

    [HttpGet("{id}/modifier")]
    public async Task<IActionResult> Modifier(string id, CancellationToken annulation)
    {
        var utilisateur = await utilisateurs.FindByIdAsync(id);
        if (utilisateur is null)
        {
            return NotFound();
        }

        var role = (await utilisateurs.GetRolesAsync(utilisateur)).FirstOrDefault();
        var formulaire = new UtilisateurFormulaire { Courriel = utilisateur.Email, NomComplet = utilisateur.NomComplet, Role = role, MembreId = utilisateur.MembreId };
        return View("Formulaire", await ModeleAsync(id, formulaire, annulation));
    }

    [HttpPost("{id}/modifier")]
    public async Task<IActionResult> Modifier(string id, UtilisateurFormulaire formulaire, CancellationToken annulation)
    {
        var utilisateur = await utilisateurs.FindByIdAsync(id);
        if (utilisateur is null)
        {
            return NotFound();
        }

        formulaire = formulaire with { Courriel = utilisateur.Email };
        if (!await ValiderAsync(formulaire, creation: false, annulation))
        {
            return View("Formulaire", await ModeleAsync(id, formulaire, annulation));
        }

        utilisateur.NomComplet = formulaire.NomComplet!.Trim();
        utilisateur.MembreId = formulaire.Role == Roles.Mairie ? formulaire.MembreId : null;
        var anciens = await utilisateurs.GetRolesAsync(utilisateur);
        await utilisateurs.RemoveFromRolesAsync(utilisateur, anciens);
        await utilisateurs.AddToRoleAsync(utilisateur, formulaire.Role!);
        // A new role or commune must not ride on the old cookie.
        await utilisateurs.UpdateSecurityStampAsync(utilisateur);
        empreintes.Invalider(utilisateur.Id);
        TempData["Succes"] = $"Le compte {utilisateur.Email} a été modifié.";
        return Redirect("/administration/utilisateurs");
    }

    [HttpPost("{id}/desactiver")]
    public async Task<IActionResult> Desactiver(string id) => await ChangerEtatAsync(id, actif: false);

    [HttpPost("{id}/reactiver")]
    public async Task<IActionResult> Reactiver(string id) => await ChangerEtatAsync(id, actif: true);

    /// <summary>Lifts a lockout (too many wrong passwords) before its end; the count starts again.</summary>
    [HttpPost("{id}/deverrouiller")]
    public async Task<IActionResult> Deverrouiller(string id, CancellationToken annulation)
    {
        var utilisateur = await utilisateurs.FindByIdAsync(id);
        if (utilisateur is null)
        {
            return NotFound();
        }

        await verrouillage.DeverrouillerAsync(utilisateur.Id, annulation);
        TempData["Succes"] = $"Le compte {utilisateur.Email} est déverrouillé.";
        return Redirect("/administration/utilisateurs");
    }

    private async Task<IActionResult> ChangerEtatAsync(string id, bool actif)
    {
        var utilisateur = await utilisateurs.FindByIdAsync(id);
        if (utilisateur is null)
        {
            return NotFound();
        }

        if (!actif && utilisateur.Id == utilisateurs.GetUserId(User))
        {
            TempData["Erreur"] = "Vous ne pouvez pas désactiver votre propre compte.";
            return Redirect("/administration/utilisateurs");
        }

        utilisateur.Actif = actif;
        utilisateur.LockoutEnd = actif ? null : DateTimeOffset.MaxValue;
        await utilisateurs.ResetAccessFailedCountAsync(utilisateur);
        await utilisateurs.UpdateAsync(utilisateur);
        await utilisateurs.UpdateSecurityStampAsync(utilisateur);
        empreintes.Invalider(utilisateur.Id);
        TempData["Succes"] = actif ? $"Le compte {utilisateur.Email} est réactivé." : $"Le compte {utilisateur.Email} est désactivé ; ses sessions sont fermées.";
        return Redirect("/administration/utilisateurs");
    }

    private async Task<bool> ValiderAsync(UtilisateurFormulaire formulaire, bool creation, CancellationToken annulation)
    {
        ModelState.Clear();
        var contexte = new ValidationContext<UtilisateurFormulaire>(formulaire);
        contexte.RootContextData["creation"] = creation;
        if (!(await validateur.ValidateAsync(contexte, annulation)).CopierDans(ModelState))
        {
            return false;
        }

        if (formulaire.Role == Roles.Mairie && !await db.Membres.AnyAsync(m => m.Id == formulaire.MembreId, annulation))
        {
            ModelState.AddModelError(nameof(UtilisateurFormulaire.MembreId), "Cette commune n'existe pas.");
        }

        return ModelState.IsValid;
    }

    private async Task<FormulaireUtilisateurModel> ModeleAsync(string? id, UtilisateurFormulaire formulaire, CancellationToken annulation)
    {
        var membres = await db.Membres.AsNoTracking().OrderBy(m => m.NomRecherche).Select(m => new KeyValuePair<int, string>(m.Id, m.Nom)).ToListAsync(annulation);
        return new FormulaireUtilisateurModel(id, formulaire, membres);
    }
}

public sealed record LigneUtilisateur(string Id, string Courriel, string NomComplet, string? Role, string? Commune, bool Actif, DateTimeOffset? VerrouilleJusquA = null);

public sealed record FormulaireUtilisateurModel(string? Id, UtilisateurFormulaire Formulaire, IReadOnlyList<KeyValuePair<int, string>> Membres);

public sealed record UtilisateurFormulaire
{
    public string? Courriel { get; init; }

    public string? NomComplet { get; init; }

    public string? Role { get; init; }

    public int? MembreId { get; init; }

    public string? MotDePasse { get; init; }
}

public sealed class UtilisateurFormulaireValidator : AbstractValidator<UtilisateurFormulaire>
{
    public UtilisateurFormulaireValidator()
    {
        RuleFor(u => u.Courriel).NotEmpty().WithMessage("L'adresse électronique est obligatoire.")
            .EmailAddress().WithMessage("Cette adresse électronique n'est pas valide.");
        RuleFor(u => u.NomComplet).NotEmpty().WithMessage("Le nom est obligatoire.").MaximumLength(150).WithMessage("150 caractères au plus.");
        RuleFor(u => u.Role).Must(r => r is not null && Roles.Tous.Contains(r)).WithMessage("Choisissez un rôle.");
        RuleFor(u => u.MembreId).NotNull().When(u => u.Role == Roles.Mairie).WithMessage("Un compte Mairie est rattaché à une commune : choisissez-la.");
        RuleFor(u => u.MotDePasse)
            .NotEmpty().WithMessage("Le mot de passe initial est obligatoire.")
            .MinimumLength(14).WithMessage("Le mot de passe doit contenir au moins 14 caractères.")
            .When((_, contexte) => contexte.RootContextData.TryGetValue("creation", out var c) && c is true);
    }
}
