using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence.Titres;

namespace Mutualisation.Persistence.Configurations;

/// <summary>The pièces justificatives of titres (immutable once their titre is issued: triggers of <see cref="DeclencheursTitres"/>).</summary>
public sealed class PieceJustificativeConfiguration : IEntityTypeConfiguration<PieceJustificative>
{
    public void Configure(EntityTypeBuilder<PieceJustificative> builder)
    {
        builder.ToTable("PiecesJustificatives", t =>
        {
            t.HasTrigger(DeclencheursTitres.PiecesAjout);
            t.HasTrigger(DeclencheursTitres.PiecesMaj);
            t.HasTrigger(DeclencheursTitres.PiecesSuppr);
        });
        builder.HasOne(p => p.Titre).WithMany().HasForeignKey(p => p.TitreId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Membre>().WithMany().HasForeignKey(p => p.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Fournisseur).HasMaxLength(PieceJustificative.LongueurMaxTexte).IsRequired();
        builder.Property(p => p.NumeroFacture).HasMaxLength(PieceJustificative.LongueurMaxNumero).IsRequired();
        builder.Property(p => p.NomFichier).HasMaxLength(PieceJustificative.LongueurMaxTexte).IsRequired();
        builder.Property(p => p.TypeContenu).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(p => p.Contenu).IsRequired();
        builder.Property(p => p.DeposeParNom).HasMaxLength(PieceJustificative.LongueurMaxTexte).IsRequired();
        builder.Ignore(p => p.Description);
        builder.HasIndex(p => p.TitreId);
        builder.HasIndex(p => p.MembreId);
    }
}

/// <summary>
/// The audit a titre bills (the audit titre made at the report's delivery). An indexed column without a foreign key:
/// on SQLite adding a foreign key rebuilds « TitresRecette », which would drop its immutability triggers, and an audit is
/// never deleted (it is cancelled).
/// </summary>
public sealed class TitreAuditConfiguration : IEntityTypeConfiguration<TitreDeRecette>
{
    public void Configure(EntityTypeBuilder<TitreDeRecette> builder) => builder.HasIndex(t => t.AuditId);
}
