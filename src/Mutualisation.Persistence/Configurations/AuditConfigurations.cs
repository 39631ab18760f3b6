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
        builder.Property(a => a.MotifAnnulation).HasMaxLength(Audit.LongueurMaxMotif);
        builder.Ignore(a => a.EstModifiable);
        builder.Ignore(a => a.FinDeduction);
        builder.HasIndex(a => new { a.MembreId, a.RapportLivreLe });
        builder.HasIndex(a => a.Statut);

        builder.OwnsMany(a => a.Evenements, e =>
        {
            e.ToTable("EvenementsAudits");
            e.WithOwner().HasForeignKey("AuditId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Libelle).HasMaxLength(EvenementAudit.LongueurMaxLibelle).IsRequired();
            e.Property(x => x.Detail).HasMaxLength(EvenementAudit.LongueurMaxDetail);
            e.Property(x => x.StatutAvant).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StatutApres).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.UtilisateurId).HasMaxLength(450);
            e.Property(x => x.UtilisateurNom).HasMaxLength(200).IsRequired();
            e.Ignore(x => x.EstUnChangementDeStatut);
        });
        builder.Navigation(a => a.Evenements).HasField("_evenements").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.Constats, c =>
        {
            c.ToTable("ConstatsAudits");
            c.WithOwner().HasForeignKey("AuditId");
            c.HasKey(x => x.Id);
            c.Property(x => x.Axe).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Theme).HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Gravite).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Texte).HasMaxLength(Constat.LongueurMaxTexte).IsRequired();
            c.Property(x => x.Recommandation).HasMaxLength(Constat.LongueurMaxTexte).IsRequired();
        });
        builder.Navigation(a => a.Constats).HasField("_constats").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.Inventaire, i =>
        {
            i.ToTable("InventairesAudits");
            i.WithOwner().HasForeignKey("AuditId");
            i.HasKey(x => x.Id);
            i.Property(x => x.Nature).HasConversion<string>().HasMaxLength(30);
            i.Property(x => x.Libelle).HasMaxLength(ElementInventaire.LongueurMaxLibelle).IsRequired();
            i.Property(x => x.Details).HasMaxLength(ElementInventaire.LongueurMaxDetails);
        });
        builder.Navigation(a => a.Inventaire).HasField("_inventaire").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne(a => a.Rapport).WithOne().HasForeignKey<RapportAudit>(r => r.AuditId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RapportAuditConfiguration : IEntityTypeConfiguration<RapportAudit>
{
    public void Configure(EntityTypeBuilder<RapportAudit> builder)
    {
        builder.ToTable("RapportsAudits");
        builder.HasOne<Membre>().WithMany().HasForeignKey(r => r.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(r => r.Contenu).IsRequired();
        builder.HasIndex(r => r.AuditId).IsUnique();
        builder.HasIndex(r => r.MembreId);
    }
}
