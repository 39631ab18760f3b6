using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Persistence.Historique;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;

namespace Mutualisation.Persistence.Configurations;

public sealed class EntreeHistoriqueConfiguration : IEntityTypeConfiguration<EntreeHistorique>
{
    public void Configure(EntityTypeBuilder<EntreeHistorique> builder)
    {
        builder.ToTable("Historique");
        builder.Property(h => h.UtilisateurId).HasMaxLength(450);
        builder.Property(h => h.Entite).HasMaxLength(100);
        builder.Property(h => h.EntiteId).HasMaxLength(100);
        builder.Property(h => h.Action).HasMaxLength(20);
        builder.HasIndex(h => new { h.MembreId, h.Id });
        builder.HasIndex(h => new { h.Entite, h.EntiteId });
    }
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.Property(c => c.FriendlyName).HasMaxLength(200);
    }
}

public sealed class UtilisateurConfiguration : IEntityTypeConfiguration<Utilisateur>
{
    public void Configure(EntityTypeBuilder<Utilisateur> builder)
    {
        builder.Property(u => u.NomComplet).HasMaxLength(150);
        builder.HasOne<Mutualisation.Domain.Membres.Membre>().WithMany().HasForeignKey(u => u.MembreId).OnDelete(DeleteBehavior.Restrict);
    }
}
