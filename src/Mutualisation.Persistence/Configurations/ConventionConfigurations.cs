using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Persistence.Configurations;

public sealed class ConventionConfiguration : IEntityTypeConfiguration<Convention>
{
    public void Configure(EntityTypeBuilder<Convention> builder)
    {
        builder.ToTable("Conventions");
        builder.HasOne<Membre>().WithMany().HasForeignKey(c => c.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Modele).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Statut).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DenonceePar).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DeliberationMembreNumero).HasMaxLength(Deliberation.LongueurMaxNumero);
        builder.Property(c => c.DeliberationMembreOrgane).HasMaxLength(Deliberation.LongueurMaxOrgane);
        builder.Property(c => c.DeliberationEpciNumero).HasMaxLength(Deliberation.LongueurMaxNumero);
        builder.Property(c => c.DeliberationEpciOrgane).HasMaxLength(Deliberation.LongueurMaxOrgane);
        builder.Property(c => c.ControleLegaliteIdentifiant).HasMaxLength(IdentifiantActes.LongueurMax);
        builder.Property(c => c.ReferenceDenonciation).HasMaxLength(Convention.LongueurMaxReference);
        builder.Property(c => c.ReferenceAccordSortie).HasMaxLength(Convention.LongueurMaxReference);
        builder.Ignore(c => c.DeliberationMembre);
        builder.Ignore(c => c.DeliberationEpci);
        builder.Ignore(c => c.EstGlobale);
        builder.Ignore(c => c.AttendLeControleDeLegalite);
        builder.HasIndex(c => new { c.MembreId, c.Modele });
        builder.HasIndex(c => c.Statut);

        builder.OwnsMany(c => c.Evenements, e =>
        {
            e.ToTable("EvenementsConventions");
            e.WithOwner().HasForeignKey("ConventionId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Libelle).HasMaxLength(EvenementConvention.LongueurMaxLibelle).IsRequired();
            e.Property(x => x.Detail).HasMaxLength(EvenementConvention.LongueurMaxDetail);
            e.Property(x => x.StatutAvant).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.StatutApres).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.UtilisateurId).HasMaxLength(450);
            e.Property(x => x.UtilisateurNom).HasMaxLength(200).IsRequired();
            e.Ignore(x => x.EstUnChangementDeStatut);
        });
        builder.Navigation(c => c.Evenements).HasField("_evenements").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(c => c.Avenants, a =>
        {
            a.ToTable("AvenantsConventions");
            a.WithOwner().HasForeignKey("ConventionId");
            a.HasKey(x => x.Id);
            a.Property(x => x.Objet).HasMaxLength(Avenant.LongueurMaxObjet).IsRequired();
            a.HasIndex("ConventionId", nameof(Avenant.Numero)).IsUnique();
        });
        builder.Navigation(c => c.Avenants).HasField("_avenants").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.ConventionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Documents).HasField("_documents").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class DocumentConventionConfiguration : IEntityTypeConfiguration<DocumentConvention>
{
    public void Configure(EntityTypeBuilder<DocumentConvention> builder)
    {
        builder.ToTable("DocumentsConventions");
        builder.Property(d => d.Nature).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Titre).HasMaxLength(DocumentConvention.LongueurMaxTitre).IsRequired();
        builder.Property(d => d.NomFichier).HasMaxLength(255).IsRequired();
        builder.Property(d => d.TypeContenu).HasMaxLength(100).IsRequired();
        builder.Property(d => d.DeposePar).HasMaxLength(200).IsRequired();
        builder.Property(d => d.Contenu).IsRequired();
        builder.HasIndex(d => d.MembreId);
    }
}
