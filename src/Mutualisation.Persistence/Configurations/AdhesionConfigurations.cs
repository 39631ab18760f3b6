using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Persistence.Configurations;

/// <summary>One adhesion per member; its choices, subscriptions and their quantities are owned rows, never deleted.</summary>
public sealed class AdhesionConfiguration : IEntityTypeConfiguration<Adhesion>
{
    public void Configure(EntityTypeBuilder<Adhesion> builder)
    {
        builder.ToTable("Adhesions");
        builder.HasOne<Membre>().WithMany().HasForeignKey(a => a.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MembreId).IsUnique();
        builder.Ignore(a => a.DernierChoix);

        builder.OwnsMany(a => a.Choix, c =>
        {
            c.ToTable("ChoixAdhesions");
            c.WithOwner().HasForeignKey("AdhesionId");
            c.HasKey(x => x.Id);
            c.Property(x => x.CodeFormule).HasMaxLength(ChoixFormule.LongueurMaxCode).IsRequired();
            c.Property(x => x.LibelleFormule).HasMaxLength(ChoixFormule.LongueurMaxLibelle).IsRequired();
            c.Property(x => x.ActeNature).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.ActeNumero).HasMaxLength(ActeAdhesion.LongueurMaxNumero).IsRequired();
            c.Property(x => x.EnregistrePar).HasMaxLength(200).IsRequired();
        });
        builder.Navigation(a => a.Choix).HasField("_choix").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.Souscriptions, s =>
        {
            s.ToTable("SouscriptionsServices");
            s.WithOwner().HasForeignKey("AdhesionId");
            s.HasKey(x => x.Id);
            s.Property(x => x.CodeService).HasMaxLength(SouscriptionService.LongueurMaxCode).IsRequired();
            s.Property(x => x.LibelleService).HasMaxLength(SouscriptionService.LongueurMaxLibelle).IsRequired();
            s.Property(x => x.ActeNature).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.ActeNumero).HasMaxLength(ActeAdhesion.LongueurMaxNumero).IsRequired();
            s.Property(x => x.ActeFinNumero).HasMaxLength(ActeAdhesion.LongueurMaxNumero);
            s.Property(x => x.EnregistrePar).HasMaxLength(200).IsRequired();
            s.Ignore(x => x.CodeQuantite);
            s.OwnsMany(x => x.Quantites, q =>
            {
                q.ToTable("QuantitesSouscrites");
                q.WithOwner().HasForeignKey("SouscriptionId");
                q.HasKey(x => x.Id);
                q.Property(x => x.Code).HasMaxLength(50).IsRequired();
                q.Property(x => x.Valeur).HasPrecision(18, 4);
                q.Property(x => x.EnregistrePar).HasMaxLength(200).IsRequired();
            });
            s.Navigation(x => x.Quantites).HasField("_quantites").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        builder.Navigation(a => a.Souscriptions).HasField("_souscriptions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
