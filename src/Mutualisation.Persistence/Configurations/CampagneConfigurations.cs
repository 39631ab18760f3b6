using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Domain.Titres;

namespace Mutualisation.Persistence.Configurations;

public sealed class CampagneConfiguration : IEntityTypeConfiguration<Campagne>
{
    public void Configure(EntityTypeBuilder<Campagne> builder)
    {
        builder.ToTable("Campagnes");
        builder.Property(c => c.Budget).HasMaxLength(ParametresEmetteur.LongueurMaxCodeBudget).IsRequired();
        builder.Property(c => c.OuverteParId).HasMaxLength(450);
        builder.Property(c => c.OuverteParNom).HasMaxLength(200).IsRequired();

        // One campaign per exercice facturé and budget.
        builder.HasIndex(c => new { c.ExerciceFacture, c.Budget }).IsUnique();

        builder.OwnsMany(c => c.MontantsNegocies, m =>
        {
            m.ToTable("MontantsNegocies");
            m.WithOwner().HasForeignKey("CampagneId");
            m.HasKey(x => x.Id);
            m.Property(x => x.CodeService).HasMaxLength(ImputationService.LongueurMaxCode).IsRequired();
            m.Property(x => x.Justification).HasMaxLength(Campagne.LongueurMaxJustification).IsRequired();
            m.Property(x => x.SaisiParId).HasMaxLength(450);
            m.Property(x => x.SaisiParNom).HasMaxLength(200).IsRequired();
            m.HasIndex("CampagneId", nameof(MontantNegocie.MembreId), nameof(MontantNegocie.CodeService)).IsUnique();
        });
        builder.Navigation(c => c.MontantsNegocies).HasField("_montantsNegocies").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.Resultats, r =>
        {
            r.ToTable("ResultatsCampagnes");
            r.WithOwner().HasForeignKey("CampagneId");
            r.HasKey(x => x.Id);
            r.Property(x => x.MembreNom).HasMaxLength(200).IsRequired();
            r.Property(x => x.Statut).HasConversion<string>().HasMaxLength(30);
            r.Property(x => x.Motif).HasMaxLength(Campagne.LongueurMaxMotif);
            r.Property(x => x.ServiceRefuse).HasMaxLength(ImputationService.LongueurMaxCode);
            r.Property(x => x.Avertissements).HasMaxLength(Campagne.LongueurMaxAvertissements);
            r.Ignore(x => x.ListeAvertissements);
            r.Ignore(x => x.Ecart);
            r.HasIndex("CampagneId", nameof(ResultatCampagne.MembreId)).IsUnique();
        });
        builder.Navigation(c => c.Resultats).HasField("_resultats").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.Evenements, e =>
        {
            e.ToTable("EvenementsCampagnes");
            e.WithOwner().HasForeignKey("CampagneId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Libelle).HasMaxLength(200).IsRequired();
            e.Property(x => x.UtilisateurId).HasMaxLength(450);
            e.Property(x => x.UtilisateurNom).HasMaxLength(200).IsRequired();
            e.Property(x => x.Detail).HasMaxLength(1000);
        });
        builder.Navigation(c => c.Evenements).HasField("_evenements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
