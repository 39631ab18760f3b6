using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Echanges;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.EchangesFiches;

/// <summary>
/// Tells the people a fiche concerns what changed on it: an in-app notification per recipient, and for the commune's
/// contacts an e-mail on the submission receipt, a request for more information and a decision (ADR 0023). Everything is
/// only added to the context: the caller's <c>SaveChanges</c> writes it in the same transaction as the change itself, and
/// nothing here waits for a mail server.
/// <list type="bullet">
/// <item>Commune accounts (of the fiche's member): every change of state the commune may see, and the DSI's messages.</item>
/// <item>DSI staff (agents and administrators): submissions and the commune's messages.</item>
/// <item>Events the commune may not see (DSI notes) and DSI annotations: nobody.</item>
/// </list>
/// </summary>
public sealed class NotificationsFiches(MutualisationDbContext db, TimeProvider horloge, IConfiguration configuration)
{
    /// <summary>Signals the fiche's events not saved yet (those a transition just added): call it before <c>SaveChanges</c>.</summary>
    public async Task SignalerNouveauxAsync(FicheProjet fiche, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        foreach (var evenement in fiche.Evenements.Where(e => e.Id == 0).OrderBy(e => e.Horodatage).ToList())
        {
            await SignalerAsync(fiche, evenement, annulation);
        }
    }

    /// <summary>Signals one event of the fiche (a transition, a COPIL decision…): notifications and, when due, e-mails to the commune's contacts.</summary>
    public async Task SignalerAsync(FicheProjet fiche, EvenementFiche evenement, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        ArgumentNullException.ThrowIfNull(evenement);
        if (!evenement.VisibleParLaCommune || !evenement.EstUnChangementDEtat)
        {
            return;
        }

        var quand = horloge.GetUtcNow();
        var nom = Nom(fiche);
        var commune = await NomCommuneAsync(fiche.MembreId, annulation);
        var texte = $"{nom} : {evenement.Libelle}" + (evenement.Detail is { Length: > 0 } d && evenement.EtatApres == EtatFiche.EnConstruction ? $" — {d}" : string.Empty) + ".";
        foreach (var utilisateur in await CommuneAsync(fiche.MembreId, annulation))
        {
            db.NotificationsFiches().Add(new NotificationFiche(utilisateur, fiche.Id, texte, quand));
        }

        if (evenement.EtatApres == EtatFiche.Deposee)
        {
            foreach (var utilisateur in await DsiAsync(evenement.UtilisateurId, annulation))
            {
                db.NotificationsFiches().Add(new NotificationFiche(utilisateur, fiche.Id, $"{nom} déposée par {commune} ({evenement.Libelle.ToLowerInvariant()}).", quand));
            }
        }

        if (Courriel(fiche, evenement, commune) is { } courriel)
        {
            foreach (var adresse in await AdressesContactsAsync(fiche.MembreId, annulation))
            {
                db.CourrielsEnAttente().Add(new CourrielEnAttente(adresse, courriel.Sujet, courriel.Corps, fiche.Id, quand));
            }
        }
    }

    /// <summary>A new message of the thread: the other side is notified (the DSI's staff, or the commune's accounts); an annotation notifies nobody.</summary>
    public async Task MessageAsync(FicheProjet fiche, EchangeFiche message, CancellationToken annulation = default)
    {
        ArgumentNullException.ThrowIfNull(fiche);
        ArgumentNullException.ThrowIfNull(message);
        if (message.Genre != GenreEchange.Message)
        {
            return;
        }

        var quand = horloge.GetUtcNow();
        var apercu = message.Texte.Length > 120 ? string.Concat(message.Texte.AsSpan(0, 119), "…") : message.Texte;
        var destinataires = message.ParLaDsi
            ? await CommuneAsync(fiche.MembreId, annulation)
            : await DsiAsync(message.UtilisateurId, annulation);
        var texte = message.ParLaDsi
            ? $"{Nom(fiche)} : message de la DSI — {apercu}"
            : $"{Nom(fiche)} : message de {await NomCommuneAsync(fiche.MembreId, annulation)} — {apercu}";
        foreach (var utilisateur in destinataires.Where(u => u != message.UtilisateurId))
        {
            db.NotificationsFiches().Add(new NotificationFiche(utilisateur, fiche.Id, texte, quand));
        }
    }

    private static string Nom(FicheProjet fiche) => $"Fiche {fiche.Numero ?? "en brouillon"} « {fiche.Titre} »";

    private Task<string> NomCommuneAsync(int membreId, CancellationToken annulation) =>
        db.Membres.AsNoTracking().IgnoreQueryFilters().Where(m => m.Id == membreId).Select(m => m.Nom).FirstAsync(annulation);

    private Task<List<string>> CommuneAsync(int membreId, CancellationToken annulation) =>
        db.Users.AsNoTracking().Where(u => u.MembreId == membreId && u.Actif).Select(u => u.Id).ToListAsync(annulation);

    private Task<List<string>> DsiAsync(string? sauf, CancellationToken annulation) =>
        db.Users.AsNoTracking()
            .Where(u => u.Actif && u.Id != sauf && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && (r.Name == Roles.AgentDSI || r.Name == Roles.AdministrateurDSI))))
            .Select(u => u.Id).ToListAsync(annulation);

    /// <summary>The décideur's and the technical contact's addresses (each once, well formed).</summary>
    private async Task<IReadOnlyList<string>> AdressesContactsAsync(int membreId, CancellationToken annulation)
    {
        var contacts = await db.Membres.AsNoTracking().IgnoreQueryFilters().Where(m => m.Id == membreId)
            .Select(m => new { Decideur = m.Decideur.Courriel, Technique = m.Technique.Courriel }).FirstAsync(annulation);
        return new[] { contacts.Decideur, contacts.Technique }
            .Where(a => !string.IsNullOrWhiteSpace(a) && System.Net.Mail.MailAddress.TryCreate(a.Trim(), out _))
            .Select(a => a!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The e-mail an event is worth (submission receipt, request for more, decision), or null.</summary>
    private (string Sujet, string Corps)? Courriel(FicheProjet fiche, EvenementFiche evenement, string commune)
    {
        var titre = $"« {fiche.Titre} »";
        var numero = fiche.Numero ?? "en brouillon";
        string sujet;
        var corps = new StringBuilder().Append("Bonjour,\n\n");
        switch (evenement.EtatApres)
        {
            case EtatFiche.Deposee:
                sujet = $"Fiche projet {numero} : accusé de réception";
                corps.Append(CultureInfo.InvariantCulture, $"La DSI a bien reçu la fiche projet {numero} {titre} de {commune}, ")
                    .Append(CultureInfo.InvariantCulture, $"déposée le {FormatFr.Horodatage(evenement.Horodatage)} par {evenement.UtilisateurNom} (version {fiche.Versions.Count}.0).\n")
                    .Append("Elle va l'instruire et reviendra vers vous si des compléments sont nécessaires.\n");
                break;
            case EtatFiche.EnConstruction:
                sujet = $"Fiche projet {numero} : compléments demandés";
                corps.Append(CultureInfo.InvariantCulture, $"La DSI demande des compléments sur la fiche projet {numero} {titre} de {commune} :\n\n")
                    .Append(evenement.Detail).Append("\n\n")
                    .Append("Complétez la fiche sur le portail puis déposez-la à nouveau.\n");
                break;
            case EtatFiche.Acceptee or EtatFiche.Refusee or EtatFiche.Ajournee:
                sujet = $"Fiche projet {numero} : décision du COPIL";
                corps.Append(CultureInfo.InvariantCulture, $"Le comité de pilotage a statué sur la fiche projet {numero} {titre} de {commune} : ")
                    .Append(evenement.Libelle.ToLowerInvariant()).Append(".\n\n")
                    .Append("Motivation : ").Append(evenement.Detail).Append('\n');
                break;
            default:
                return null;
        }

        if (configuration["Mail:AdressePortail"] is { Length: > 0 } portail)
        {
            corps.Append(CultureInfo.InvariantCulture, $"\nLa fiche sur le portail : {portail.TrimEnd('/')}/fiches-projet/{fiche.Id}\n");
        }

        corps.Append("\nCordialement,\nLa DSI mutualisée\n\nCe message est envoyé automatiquement par le portail Mutualisation ; n'y répondez pas, écrivez à la DSI depuis la fiche.");
        return (sujet, corps.ToString());
    }
}
