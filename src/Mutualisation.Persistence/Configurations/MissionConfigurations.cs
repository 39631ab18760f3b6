using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Missions;

namespace Mutualisation.Persistence.Configurations;

public sealed class LettreDeMissionConfiguration : IEntityTypeConfiguration<LettreDeMission>
{
    public void Configure(EntityTypeBuilder<LettreDeMission> builder)
    {
        builder.ToTable("LettresDeMission");
        builder.HasOne<Membre>().WithMany().HasForeignKey(m => m.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.Statut).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Objet).HasMaxLength(LettreDeMission.LongueurMaxObjet).IsRequired();
        builder.Property(m => m.EnjeuxEtRisques).HasMaxLength(LettreDeMission.LongueurMaxEnjeux);
        builder.Property(m => m.JoursPrevus).HasPrecision(7, 1);
        Contact(builder, m => m.ContactMembre, "ContactMembre");
        Contact(builder, m => m.ContactDsi, "ContactDsi");
        builder.Ignore(m => m.JoursConsommes);
        builder.Ignore(m => m.DureeEnJours);
        builder.HasIndex(m => new { m.MembreId, m.Statut });

        builder.OwnsMany(m => m.Saisies, s =>
        {
            s.ToTable("SaisiesTemps");
            s.WithOwner().HasForeignKey("LettreDeMissionId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Creneau).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.Commentaire).HasMaxLength(SaisieTemps.LongueurMaxCommentaire);
            s.Property(x => x.AgentId).HasMaxLength(450);
            s.Property(x => x.AgentNom).HasMaxLength(200).IsRequired();
            s.Property(x => x.HorsPlages).HasMaxLength(200);
            s.Ignore(x => x.Jours);
            s.Ignore(x => x.EstHorsPlages);
            s.Ignore(x => x.Moment);
            s.HasIndex(x => x.Date);
        });
        builder.Navigation(m => m.Saisies).HasField("_saisies").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.Evenements, e =>
        {
            e.ToTable("EvenementsMissions");
            e.WithOwner().HasForeignKey("LettreDeMissionId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Libelle).HasMaxLength(EvenementMission.LongueurMaxLibelle).IsRequired();
            e.Property(x => x.Detail).HasMaxLength(EvenementMission.LongueurMaxDetail);
            e.Property(x => x.StatutAvant).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StatutApres).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.UtilisateurId).HasMaxLength(450);
            e.Property(x => x.UtilisateurNom).HasMaxLength(200).IsRequired();
            e.Ignore(x => x.EstUnChangementDeStatut);
        });
        builder.Navigation(m => m.Evenements).HasField("_evenements").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(m => m.Livrables, l =>
        {
            l.ToTable("LivrablesMissions");
            l.WithOwner().HasForeignKey("LettreDeMissionId");
            l.HasKey(x => x.Id);
            l.Property(x => x.Libelle).HasMaxLength(LivrableMission.LongueurMax).IsRequired();
        });
        builder.Navigation(m => m.Livrables).HasField("_livrables").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void Contact(EntityTypeBuilder<LettreDeMission> builder, System.Linq.Expressions.Expression<Func<LettreDeMission, Contact?>> navigation, string prefixe) =>
        builder.ComplexProperty(navigation, c =>
        {
            c.Property(x => x.Nom).HasColumnName(prefixe + "Nom").HasMaxLength(Domain.Membres.Contact.LongueurMaxNom);
            c.Property(x => x.Fonction).HasColumnName(prefixe + "Fonction").HasMaxLength(Domain.Membres.Contact.LongueurMaxFonction);
            c.Property(x => x.Courriel).HasColumnName(prefixe + "Courriel").HasMaxLength(Domain.Membres.Contact.LongueurMaxCourriel);
            c.Property(x => x.Telephone).HasColumnName(prefixe + "Telephone").HasMaxLength(Domain.Membres.Contact.LongueurMaxTelephone);
        });
}
