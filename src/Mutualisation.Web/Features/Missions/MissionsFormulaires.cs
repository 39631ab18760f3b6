using System.Globalization;
using FluentValidation;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Missions;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Missions;

/// <summary>A lettre de mission as typed (texts kept as typed so a refused form comes back unchanged).</summary>
public sealed record MissionFormulaire
{
    public string? MembreId { get; init; }

    public string? Objet { get; init; }

    public string? EnjeuxEtRisques { get; init; }

    public string? ContactMembreNom { get; init; }

    public string? ContactMembreFonction { get; init; }

    public string? ContactMembreCourriel { get; init; }

    public string? ContactMembreTelephone { get; init; }

    public string? ContactDsiNom { get; init; }

    public string? ContactDsiFonction { get; init; }

    public string? ContactDsiCourriel { get; init; }

    public string? ContactDsiTelephone { get; init; }

    public string? DateDebut { get; init; }

    public string? DateFinPrevue { get; init; }

    public string? JoursPrevus { get; init; }

    /// <summary>One deliverable per line.</summary>
    public string? Livrables { get; init; }

    public static MissionFormulaire Depuis(LettreDeMission m) => new()
    {
        MembreId = m.MembreId.ToString(CultureInfo.InvariantCulture),
        Objet = m.Objet,
        EnjeuxEtRisques = m.EnjeuxEtRisques,
        ContactMembreNom = m.ContactMembre.Nom,
        ContactMembreFonction = m.ContactMembre.Fonction,
        ContactMembreCourriel = m.ContactMembre.Courriel,
        ContactMembreTelephone = m.ContactMembre.Telephone,
        ContactDsiNom = m.ContactDsi.Nom,
        ContactDsiFonction = m.ContactDsi.Fonction,
        ContactDsiCourriel = m.ContactDsi.Courriel,
        ContactDsiTelephone = m.ContactDsi.Telephone,
        DateDebut = FormatFr.Date(m.DateDebut),
        DateFinPrevue = FormatFr.Date(m.DateFinPrevue),
        JoursPrevus = SaisieFr.Texte(m.JoursPrevus),
        Livrables = string.Join("\n", m.Livrables.OrderBy(l => l.Ordre).Select(l => l.Libelle)),
    };

    /// <summary>The content for the aggregate. Call after validation (dates and number readable).</summary>
    public ContenuMission Contenu() => new(
        Objet ?? string.Empty,
        EnjeuxEtRisques,
        new Contact(ContactMembreNom, ContactMembreFonction, ContactMembreCourriel, ContactMembreTelephone),
        new Contact(ContactDsiNom, ContactDsiFonction, ContactDsiCourriel, ContactDsiTelephone),
        SaisieFr.Date(DateDebut)!.Value,
        SaisieFr.Date(DateFinPrevue)!.Value,
        SaisieFr.Nombre(JoursPrevus) ?? 0m,
        (Livrables ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

public sealed class MissionFormulaireValidator : AbstractValidator<MissionFormulaire>
{
    public MissionFormulaireValidator()
    {
        RuleFor(f => f.Objet).Must(o => !SaisieFr.EstVide(o)).WithMessage("L'objet de la mission est obligatoire.");
        RuleFor(f => f.DateDebut).Must(d => SaisieFr.Date(d) is not null).WithMessage("Indiquez la date de début au format jj/mm/aaaa (ex. 02/11/2026).");
        RuleFor(f => f.DateFinPrevue).Must(d => SaisieFr.Date(d) is not null).WithMessage("Indiquez la fin prévue au format jj/mm/aaaa (ex. 18/12/2026).");
        RuleFor(f => f.JoursPrevus).Must(SaisieFr.EstDecimalOuVide).WithMessage("Les jours prévus sont un nombre de jours (ex. 2,5).");
        RuleFor(f => f.ContactMembreCourriel).EmailAddress().When(f => !SaisieFr.EstVide(f.ContactMembreCourriel))
            .WithMessage("Adresse électronique invalide (ex. mairie@commune.fr).");
        RuleFor(f => f.ContactDsiCourriel).EmailAddress().When(f => !SaisieFr.EstVide(f.ContactDsiCourriel))
            .WithMessage("Adresse électronique invalide (ex. dsi@agglomeration.fr).");
    }
}

/// <summary>A time entry as typed: date, days (0,5 or 1), when in the day, optional start and end times, comment.</summary>
public sealed record SaisieFormulaire
{
    public string? Date { get; init; }

    public string? Jours { get; init; } = "0,5";

    public Creneau Creneau { get; init; } = Creneau.Matin;

    public string? HeureDebut { get; init; }

    public string? HeureFin { get; init; }

    public string? Commentaire { get; init; }

    public static TimeOnly? Heure(string? texte)
    {
        if (SaisieFr.EstVide(texte))
        {
            return null;
        }

        string[] formats = ["HH:mm", "H:mm", "HH'h'mm", "H'h'mm", "HH'h'", "H'h'", "HH' h 'mm", "H' h 'mm", "H' h'"];
        return TimeOnly.TryParseExact(texte!.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var heure) ? heure : null;
    }
}

public sealed class SaisieFormulaireValidator : AbstractValidator<SaisieFormulaire>
{
    public SaisieFormulaireValidator()
    {
        RuleFor(f => f.Date).Must(d => SaisieFr.Date(d) is not null).WithMessage("Indiquez la date au format jj/mm/aaaa (ex. 15/10/2026).");
        RuleFor(f => f.Jours).Must(j => SaisieFr.Nombre(j) is not null).WithMessage("Indiquez le temps passé en jours : 0,5 (une demi-journée) ou 1.");
        RuleFor(f => f.Jours).Must(j => SaisieFr.Nombre(j) is not { } n || (n > 0 && n % 0.5m == 0))
            .WithMessage("Le temps se compte par demi-journées : saisissez un multiple de 0,5 jour, positif (0,5 ou 1).");
        RuleFor(f => f.Creneau).IsInEnum().WithMessage("Choisissez le moment de la journée.");
        RuleFor(f => f.HeureDebut).Must(h => SaisieFr.EstVide(h) || SaisieFormulaire.Heure(h) is not null).WithMessage("Heure invalide : saisissez-la au format hh:mm (ex. 08:30).");
        RuleFor(f => f.HeureFin).Must(h => SaisieFr.EstVide(h) || SaisieFormulaire.Heure(h) is not null).WithMessage("Heure invalide : saisissez-la au format hh:mm (ex. 17:45).");
    }
}
