using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Audits;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Persistence.Configurations;

public sealed class AuditConfiguration : IEntityTypeConfiguration<Audit>
{
    public void Configure(EntityTypeBuilder<Audit> builder)
    {
        builder.ToTable("Audits");
        builder.HasOne<Membre>().WithMany().HasForeignKey(a => a.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Statut).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.MembreId, a.RapportLivreLe });
    }
}
