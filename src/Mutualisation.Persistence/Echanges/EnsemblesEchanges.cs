using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.FichesProjet;

namespace Mutualisation.Persistence.Echanges;

/// <summary>The tables of the exchanges about fiches projet (kept out of the shared DbContext file to keep merges small).</summary>
public static class EnsemblesEchanges
{
    public static DbSet<EchangeFiche> EchangesFiches(this MutualisationDbContext db) => db.Set<EchangeFiche>();

    public static DbSet<PieceFiche> PiecesFiches(this MutualisationDbContext db) => db.Set<PieceFiche>();

    public static DbSet<NotificationFiche> NotificationsFiches(this MutualisationDbContext db) => db.Set<NotificationFiche>();

    public static DbSet<CourrielEnAttente> CourrielsEnAttente(this MutualisationDbContext db) => db.Set<CourrielEnAttente>();
}
