using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence.Pes;

namespace Mutualisation.Persistence.Configurations;

public sealed class ExportPesConfiguration : IEntityTypeConfiguration<ExportPes>
{
    public void Configure(EntityTypeBuilder<ExportPes> builder)
    {
        builder.ToTable("ExportsPes");
        builder.HasIndex(e => e.BordereauId).IsUnique();
        builder.HasOne<Bordereau>().WithMany().HasForeignKey(e => e.BordereauId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.NomFichier).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ProduitParId).HasMaxLength(450);
        builder.Property(e => e.ProduitParNom).HasMaxLength(200).IsRequired();
        builder.HasMany(e => e.Bordereaux).WithOne().HasForeignKey(b => b.ExportPesId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BordereauPesConfiguration : IEntityTypeConfiguration<BordereauPes>
{
    public void Configure(EntityTypeBuilder<BordereauPes> builder)
    {
        builder.ToTable("BordereauxPes");
        builder.Property(b => b.Budget).HasMaxLength(ParametresEmetteur.LongueurMaxCodeBudget).IsRequired();
        builder.Property(b => b.TypBord).HasMaxLength(2).IsRequired();
        builder.Property(b => b.MontantHt).HasPrecision(14, 2);

        // IdBord is unique per exercice, budget and type (Hélios rejects a number it already knows).
        builder.HasIndex(b => new { b.Exercice, b.Budget, b.TypBord, b.IdBord }).IsUnique();
    }
}

public sealed class MorceauExportPesConfiguration : IEntityTypeConfiguration<MorceauExportPes>
{
    public void Configure(EntityTypeBuilder<MorceauExportPes> builder)
    {
        builder.ToTable("MorceauxExportsPes");
        builder.HasOne<ExportPes>().WithMany().HasForeignKey(m => m.ExportPesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ExportPesId, m.Ordre }).IsUnique();
        builder.Property(m => m.Contenu).IsRequired();
    }
}
