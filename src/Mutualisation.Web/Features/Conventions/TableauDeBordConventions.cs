using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Conventions;

/// <summary>
/// What the DSI has to do with the conventions (to sign, awaiting the contrôle de légalité, to put in force, notices
/// pending, exits of the year, renewals within three months), read in one query; shown in full on
/// <c>/conventions/tableau-de-bord</c> and summed up on the DSI home page.
/// </summary>
public static class TableauDeBordConventions
{
    public static async Task<TableauDeBordModel> LireAsync(MutualisationDbContext db, DateOnly aujourdHui, CancellationToken annulation)
    {
        var debutAnnee = new DateOnly(aujourdHui.Year, 1, 1);
        var encours = await Projeter(Jointure(db)
            .Where(x => x.Convention.Statut != StatutConvention.Resiliee || x.Convention.DateSortie >= debutAnnee)
            .OrderBy(x => x.Membre.NomRecherche)).ToListAsync(annulation);
        var horizon = aujourdHui.AddMonths(3);
        return new TableauDeBordModel(
            aujourdHui,
            encours.Where(l => l.Statut == StatutConvention.Brouillon).ToList(),
            encours.Where(l => l.Statut == StatutConvention.Signee && l.Modele == ModeleConvention.ConventionGlobale && l.ControleLegaliteIdentifiant == null).ToList(),
            encours.Where(l => l.Statut == StatutConvention.Signee && l.DateEffet is { } d && d <= aujourdHui
                && (l.Modele == ModeleConvention.ServiceCommun || l.ControleLegaliteIdentifiant != null)).ToList(),
            encours.Where(l => l.Statut == StatutConvention.Denoncee).OrderBy(l => l.DateSortie).ToList(),
            encours.Where(l => l.DateSortie is { } s && s.Year == aujourdHui.Year).OrderBy(l => l.DateSortie).ToList(),
            encours.Where(l => l.Modele == ModeleConvention.ServiceCommun && l.Statut == StatutConvention.EnVigueur && l.DateEffet is not null)
                .Select(l => (Ligne: l, Date: RegleConvention.ProchainRenouvellement(l.DateEffet!.Value, aujourdHui)))
                .Where(x => x.Date <= horizon).OrderBy(x => x.Date).Select(x => new RenouvellementAVenir(x.Ligne, x.Date)).ToList());
    }

    /// <summary>Every convention with its member, as lists and the dashboard show them (filtered to her commune for a Mairie user).</summary>
    public static IQueryable<ConventionEtMembre> Jointure(MutualisationDbContext db) =>
        db.Conventions.AsNoTracking().Join(db.Membres.AsNoTracking(), c => c.MembreId, m => m.Id, (c, m) => new ConventionEtMembre { Convention = c, Membre = m });

    public static IQueryable<LigneConvention> Projeter(IQueryable<ConventionEtMembre> requete) =>
        requete.Select(x => new LigneConvention(
            x.Convention.Id, x.Convention.MembreId, x.Membre.Nom, x.Membre.CodeInsee.Valeur, x.Convention.Modele, x.Convention.Statut,
            x.Convention.DateSignatureMembre, x.Convention.DateSignatureEpci, x.Convention.ControleLegaliteIdentifiant,
            x.Convention.DateEffet, x.Convention.DateDenonciation, x.Convention.DateSortie));
}
