using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Missions;
using Mutualisation.Persistence.Historique;
using Mutualisation.Persistence.Perimetre;

namespace Mutualisation.Persistence;

/// <summary>
/// The one DbContext. Each provider has its own subclass only so that each keeps its own
/// migrations (<see cref="SqliteMutualisationDbContext"/>, <see cref="PostgresMutualisationDbContext"/>,
/// <see cref="SqlServerMutualisationDbContext"/>).
/// </summary>
public abstract class MutualisationDbContext : IdentityDbContext<Utilisateur>, IDataProtectionKeyContext
{
    private IPerimetreUtilisateur _perimetre = PerimetreAucun.Instance;

    /// <summary>
    /// The only constructor, as the pool requires (ADR 0029). A new or leased context reads and writes nothing of anyone's
    /// until its <see cref="Perimetre"/> is set, which <see cref="Fournisseur"/> does for every context it hands to a
    /// request or a job, and which code building a context itself does in its initializer.
    /// </summary>
    protected MutualisationDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Whose perimeter this context reads and writes: its query filters, the write guard and the history interceptors,
    /// <see cref="InsertionEnMasse"/>. Set at each lease of a pooled context, forgotten when it goes back.
    /// </summary>
    public IPerimetreUtilisateur Perimetre
    {
        get => _perimetre;
        set => _perimetre = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>What the history interceptor noted during a save in progress of this context (ADR 0029).</summary>
    internal Historique.SauvegardeHistorique SauvegardeHistorique { get; private set; } = new();

    /// <summary>
    /// Back to the pool, a context forgets whose it was (whoever leases it next sees nothing until told who acts) and what
    /// a save left unfinished noted (a transaction EF Core disposes with the lease).
    /// </summary>
    public override void Dispose()
    {
        Oublier();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        Oublier();
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    private void Oublier()
    {
        _perimetre = PerimetreAucun.Instance;
        SauvegardeHistorique = new();
    }

    public DbSet<Membre> Membres => Set<Membre>();

    public DbSet<PopulationLegale> Populations => Set<PopulationLegale>();

    public DbSet<QuantiteMembre> QuantitesMembres => Set<QuantiteMembre>();

    public DbSet<VersionCatalogue> VersionsCatalogue => Set<VersionCatalogue>();

    public DbSet<Convention> Conventions => Set<Convention>();

    public DbSet<Audit> Audits => Set<Audit>();

    public DbSet<Domain.Titres.TitreDeRecette> TitresRecette => Set<Domain.Titres.TitreDeRecette>();

    public DbSet<Domain.Titres.Bordereau> Bordereaux => Set<Domain.Titres.Bordereau>();

    public DbSet<Domain.Titres.AvisTitre> AvisTitres => Set<Domain.Titres.AvisTitre>();

    public DbSet<Domain.Titres.ParametresEmetteur> ParametresEmetteur => Set<Domain.Titres.ParametresEmetteur>();

    public DbSet<LettreDeMission> Missions => Set<LettreDeMission>();

    public DbSet<Domain.FichesProjet.FicheProjet> FichesProjet => Set<Domain.FichesProjet.FicheProjet>();

    public DbSet<Domain.FichesProjet.SeanceCopil> SeancesCopil => Set<Domain.FichesProjet.SeanceCopil>();

    public DbSet<EntreeHistorique> Historique => Set<EntreeHistorique>();

    /// <summary>The ASP.NET Core data-protection key ring, shared by every instance (encrypted at rest when a certificate is configured).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Travaux.TravailDeFond> TravauxDeFond => Set<Travaux.TravailDeFond>();

    /// <summary>Name of the query filter that keeps a restricted user to its member's rows.</summary>
    public const string FiltrePerimetre = "Perimetre";

    /// <summary>
    /// <paramref name="lignes"/> as this context's user may read them, with no condition left in the SQL for a
    /// user who may read every row. The perimeter filter already keeps every row for such a user (its
    /// parameter is null, see <see cref="MembreAutorise"/>), but it still reaches the database as
    /// <c>WHERE @p</c>, which costs SQLite its fast count and a plain walk of an index (ADR 0028). A restricted
    /// user gets the filter, unchanged.
    /// </summary>
    public IQueryable<T> Visibles<T>(IQueryable<T> lignes)
        where T : class, IPerimetreMembre =>
        _perimetre.EstRestreint ? lignes : lignes.IgnoreQueryFilters([FiltrePerimetre]);

    // Read by the query filters at query time (EF parameterises context members). Null for an
    // unrestricted user: EF folds the test into one boolean parameter (`WHERE @p`), every row kept;
    // where that parameter costs a plan, Visibles leaves the filter out (ADR 0028).
    private int? MembreAutorise => _perimetre.EstRestreint ? _perimetre.MembreId ?? -1 : null;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Montant>().HaveConversion<Configurations.MontantEnCentimes>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MutualisationDbContext).Assembly);
        if (Database.IsNpgsql())
        {
            // Byte order, as SQLite's: the range 'SAINT' <= Mot < 'SAINU' is exactly "starts with SAINT".
            builder.Entity<Membre>().OwnsMany(m => m.MotsDuNom).Property(x => x.Mot).UseCollation("C");
        }

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
            ? e => MembreAutorise == null || EF.Property<int>(e, "Id") == MembreAutorise
            : e => MembreAutorise == null || EF.Property<int>(e, "MembreId") == MembreAutorise;
        builder.Entity<T>().HasQueryFilter(FiltrePerimetre, filtre);
    }
}

public sealed class SqliteMutualisationDbContext(DbContextOptions<SqliteMutualisationDbContext> options) : MutualisationDbContext(options);

public sealed class PostgresMutualisationDbContext(DbContextOptions<PostgresMutualisationDbContext> options) : MutualisationDbContext(options);

public sealed class SqlServerMutualisationDbContext(DbContextOptions<SqlServerMutualisationDbContext> options) : MutualisationDbContext(options);

public static class RequetesCatalogue
{
    /// <summary>A version with its services, their components and brackets, its formules (annex contents are left out by projection where it matters).</summary>
    public static IQueryable<VersionCatalogue> AvecTarifs(this IQueryable<VersionCatalogue> versions) =>
        versions.Include("Services._composantes._tranches").Include(v => v.Formules).Include("_quantites").AsSplitQuery();
}
