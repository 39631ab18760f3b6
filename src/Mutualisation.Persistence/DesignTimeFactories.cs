using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Mutualisation.Persistence.Perimetre;

namespace Mutualisation.Persistence;

/// <summary>Used by <c>dotnet ef</c> only (see docs/architecture.md, "Migrations").</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMutualisationDbContext>
{
    public SqliteMutualisationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite("Data Source=design.db").Options) { Perimetre = PerimetreSysteme.Instance };
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresMutualisationDbContext>
{
    public PostgresMutualisationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options) { Perimetre = PerimetreSysteme.Instance };
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerMutualisationDbContext>
{
    public SqlServerMutualisationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerMutualisationDbContext>().UseSqlServer("Server=127.0.0.1;Database=design;Trusted_Connection=False").Options) { Perimetre = PerimetreSysteme.Instance };
}
