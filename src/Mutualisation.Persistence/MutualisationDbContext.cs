using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;
using Mutualisation.Persistence.Historique;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Persistence.Protection;

namespace Mutualisation.Persistence;

/// <summary>
/// The one DbContext. Each provider has its own subclass only so that each keeps its own
/// migrations (<see cref="SqliteMutualisationDbContext"/>, <see cref="PostgresMutualisationDbContext"/>).
/// </summary>
public abstract class MutualisationDbContext : IdentityDbContext<Utilisateur>
{
    private readonly IPerimetreUtilisateur _perimetre;

    protected MutualisationDbContext(DbContextOptions options, IPerimetreUtilisateur perimetre)
        : base(options)
    {
        _perimetre = perimetre;
    }

    public DbSet<Membre> Membres => Set<Membre>();

    public DbSet<PopulationLegale> Populations => Set<PopulationLegale>();

    public DbSet<VersionCatalogue> VersionsCatalogue => Set<VersionCatalogue>();

    public DbSet<EntreeHistorique> Historique => Set<EntreeHistorique>();

    public DbSet<CleProtectionDonnees> ClesProtection => Set<CleProtectionDonnees>();

    public DbSet<Travaux.TravailDeFond> TravauxDeFond => Set<Travaux.TravailDeFond>();

    // Read by the query filters at query time (EF parameterises context members).
    private bool RestreintAuMembre => _perimetre.EstRestreint;

    private int MembreAutorise => _perimetre.MembreId ?? -1;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Montant>().HaveConversion<Configurations.MontantEnCentimes>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MutualisationDbContext).Assembly);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IPerimetreMembre).IsAssignableFrom(t.ClrType) && !t.IsOwned()))
        {
            var filtrer = typeof(MutualisationDbContext)
                .GetMethod(nameof(FiltrerParMembre), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType);
            filtrer.Invoke(this, [builder]);
        }
    }

    /// <summary>Fails closed: a restricted user with no member sees nothing (id -1 matches no row).</summary>
    private void FiltrerParMembre<T>(ModelBuilder builder)
        where T : class, IPerimetreMembre
    {
        Expression<Func<T, bool>> filtre = typeof(T) == typeof(Membre)
            ? e => !RestreintAuMembre || EF.Property<int>(e, "Id") == MembreAutorise
            : e => !RestreintAuMembre || EF.Property<int>(e, "MembreId") == MembreAutorise;
        builder.Entity<T>().HasQueryFilter(filtre);
    }
}

public sealed class SqliteMutualisationDbContext(DbContextOptions<SqliteMutualisationDbContext> options, IPerimetreUtilisateur perimetre)
    : MutualisationDbContext(options, perimetre);

public sealed class PostgresMutualisationDbContext(DbContextOptions<PostgresMutualisationDbContext> options, IPerimetreUtilisateur perimetre)
    : MutualisationDbContext(options, perimetre);

public static class RequetesCatalogue
{
    /// <summary>A version with its services, their components and brackets, its formules (annex contents are left out by projection where it matters).</summary>
    public static IQueryable<VersionCatalogue> AvecTarifs(this IQueryable<VersionCatalogue> versions) =>
        versions.Include("Services._composantes._tranches").Include(v => v.Formules).AsSplitQuery();
}
