using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;

namespace Mutualisation.Persistence.Configurations;

/// <summary>Euros stored as integer cents: exact sums in SQL on every provider (SQLite has no decimal type).</summary>
public sealed class MontantEnCentimes() : ValueConverter<Montant, long>(m => m.Centimes, c => Montant.DepuisCentimes(c));

public sealed class VersionCatalogueConfiguration : IEntityTypeConfiguration<VersionCatalogue>
{
    public void Configure(EntityTypeBuilder<VersionCatalogue> builder)
    {
        builder.ToTable("VersionsCatalogue");
        builder.Property(v => v.Statut).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Population).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Intitule).HasMaxLength(200);
        builder.Property(v => v.DeliberationNumero).HasMaxLength(60);
        builder.HasIndex(v => v.Exercice);
        builder.HasMany(v => v.Services).WithOne().HasForeignKey(s => s.VersionCatalogueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Formules).WithOne().HasForeignKey(f => f.VersionCatalogueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(v => v.Annexes).WithOne().HasForeignKey(a => a.VersionCatalogueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Services).HasField("_services").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(v => v.Formules).HasField("_formules").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(v => v.Annexes).HasField("_annexes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany<QuantiteCatalogue>("_quantites").WithOne().HasForeignKey(q => q.VersionCatalogueId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(v => v.Quantites);
    }
}

public sealed class ServiceCatalogueConfiguration : IEntityTypeConfiguration<ServiceCatalogue>
{
    public void Configure(EntityTypeBuilder<ServiceCatalogue> builder)
    {
        builder.ToTable("ServicesCatalogue");
        builder.Property(s => s.Code).HasMaxLength(30).IsRequired();
        builder.Property(s => s.Libelle).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Famille).HasMaxLength(100).IsRequired();
        builder.Property(s => s.Annexes).HasMaxLength(300);
        builder.Property(s => s.ExonereSiAbonneA).HasMaxLength(200);
        builder.Property(s => s.MotifExoneration).HasMaxLength(200);
        builder.Property(s => s.DeductionCodeService).HasMaxLength(30);
        builder.Property(s => s.DeductionReference).HasMaxLength(100);
        builder.HasIndex(s => new { s.VersionCatalogueId, s.Code }).IsUnique();
        builder.HasMany<ComposanteTarif>("_composantes").WithOne().HasForeignKey(c => c.ServiceCatalogueId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.Composantes);
        builder.Ignore(s => s.CodesExoneration);
        builder.Ignore(s => s.Donnees);
    }
}

public sealed class ComposanteTarifConfiguration : IEntityTypeConfiguration<ComposanteTarif>
{
    public void Configure(EntityTypeBuilder<ComposanteTarif> builder)
    {
        builder.ToTable("ComposantesTarif");
        builder.Property(c => c.Libelle).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Nature).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Frequence).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Prorata).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Quantite).HasMaxLength(50).IsRequired();
        builder.Property(c => c.QuantiteTranche).HasMaxLength(50);
        builder.Property(c => c.Unite).HasMaxLength(50).IsRequired();
        builder.Property(c => c.Taux).HasPrecision(18, ComposanteTarif.DecimalesTaux);
        builder.Property(c => c.BaseParUnite).HasPrecision(18, 2);
        builder.HasMany<TrancheTarif>("_tranches").WithOne().HasForeignKey(t => t.ComposanteTarifId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.Tranches);
    }
}

public sealed class TrancheTarifConfiguration : IEntityTypeConfiguration<TrancheTarif>
{
    public void Configure(EntityTypeBuilder<TrancheTarif> builder)
    {
        builder.ToTable("TranchesTarif");
        builder.Property(t => t.Libelle).HasMaxLength(200).IsRequired();
        builder.Property(t => t.Minimum).HasPrecision(18, 4);
        builder.Property(t => t.MaximumExclu).HasPrecision(18, 4);
        builder.Property(t => t.Taux).HasPrecision(18, ComposanteTarif.DecimalesTaux);
        builder.Property(t => t.Coefficient).HasPrecision(18, ComposanteTarif.DecimalesCoefficient);
    }
}

public sealed class FormuleCatalogueConfiguration : IEntityTypeConfiguration<FormuleCatalogue>
{
    public void Configure(EntityTypeBuilder<FormuleCatalogue> builder)
    {
        builder.ToTable("FormulesCatalogue");
        builder.Property(f => f.Code).HasMaxLength(50).IsRequired();
        builder.Property(f => f.Libelle).HasMaxLength(200).IsRequired();
        builder.Property(f => f.CodesServices).HasMaxLength(300).IsRequired();
        builder.Ignore(f => f.Services);
    }
}

public sealed class AnnexeCatalogueConfiguration : IEntityTypeConfiguration<AnnexeCatalogue>
{
    public void Configure(EntityTypeBuilder<AnnexeCatalogue> builder)
    {
        builder.ToTable("AnnexesCatalogue");
        builder.Property(a => a.Titre).HasMaxLength(200).IsRequired();
        builder.Property(a => a.NomFichier).HasMaxLength(255).IsRequired();
        builder.Property(a => a.TypeContenu).HasMaxLength(100).IsRequired();
    }
}

public sealed class QuantiteCatalogueConfiguration : IEntityTypeConfiguration<QuantiteCatalogue>
{
    public void Configure(EntityTypeBuilder<QuantiteCatalogue> builder)
    {
        builder.ToTable("QuantitesCatalogue");
        builder.Property(q => q.Code).HasMaxLength(QuantiteCatalogue.LongueurMaxCode).IsRequired();
        builder.Property(q => q.Libelle).HasMaxLength(200).IsRequired();
        builder.Property(q => q.UniteSingulier).HasMaxLength(50).IsRequired();
        builder.Property(q => q.UnitePluriel).HasMaxLength(50).IsRequired();
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(q => new { q.VersionCatalogueId, q.Code }).IsUnique();
        builder.Ignore(q => q.Donnees);
    }
}
