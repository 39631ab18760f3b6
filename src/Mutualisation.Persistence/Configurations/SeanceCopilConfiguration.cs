using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.FichesProjet;

namespace Mutualisation.Persistence.Configurations;

public sealed class SeanceCopilConfiguration : IEntityTypeConfiguration<SeanceCopil>
{
    public void Configure(EntityTypeBuilder<SeanceCopil> builder)
    {
        builder.ToTable("SeancesCopil");
        builder.Property(s => s.Libelle).HasMaxLength(SeanceCopil.LongueurMaxLibelle).IsRequired();
        builder.Property(s => s.Participants).HasMaxLength(SeanceCopil.LongueurMaxParticipants);
        builder.Ignore(s => s.EstCloturee);
        builder.HasIndex(s => s.Date);

        // The fiche's current session (the one whose agenda it is on, or that decided it).
        builder.HasMany<FicheProjet>().WithOne().HasForeignKey(f => f.SeanceCopilId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(s => s.Points, p =>
        {
            p.ToTable("PointsSeancesCopil");
            p.WithOwner().HasForeignKey("SeanceId");
            p.HasKey(x => x.Id);
            p.HasIndex("SeanceId", nameof(PointCopil.FicheId)).IsUnique();
            p.HasIndex(x => x.FicheId);
            p.HasOne<FicheProjet>().WithMany().HasForeignKey(x => x.FicheId).OnDelete(DeleteBehavior.Restrict);
            p.Property(x => x.FicheNumero).HasMaxLength(20).IsRequired();
            p.Property(x => x.Decision).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Motivation).HasMaxLength(FicheProjet.LongueurMaxMotif);
        });
        builder.Navigation(s => s.Points).HasField("_points").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Evenements, e =>
        {
            e.ToTable("EvenementsSeancesCopil");
            e.WithOwner().HasForeignKey("SeanceId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Libelle).HasMaxLength(200).IsRequired();
            e.Property(x => x.Fiche).HasMaxLength(20);
            e.Property(x => x.UtilisateurId).HasMaxLength(450);
            e.Property(x => x.UtilisateurNom).HasMaxLength(200).IsRequired();
        });
        builder.Navigation(s => s.Evenements).HasField("_evenements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
