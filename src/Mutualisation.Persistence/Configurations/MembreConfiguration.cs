using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Persistence.Configurations;

public sealed class MembreConfiguration : IEntityTypeConfiguration<Membre>
{
    public void Configure(EntityTypeBuilder<Membre> builder)
    {
        builder.ToTable("Membres");
        builder.Property(m => m.Nom).HasMaxLength(Membre.LongueurMaxNom).IsRequired();
        builder.Property(m => m.NomRecherche).HasMaxLength(Membre.LongueurMaxNom).IsRequired();
        builder.Property(m => m.Nature).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.CodeInsee).HasMaxLength(5).IsRequired()
            .HasConversion(v => v.Valeur, s => InseeCode.Parse(s));
        builder.Property(m => m.Siren).HasMaxLength(9).IsRequired()
            .HasConversion(v => v.Valeur, s => Siren.Parse(s));
        builder.HasIndex(m => m.Siren).IsUnique();
        builder.HasIndex(m => m.CodeInsee);
        builder.HasIndex(m => m.NomRecherche);
        builder.HasIndex(m => m.PopulationTotale);

        builder.ComplexProperty(m => m.Adresse, a =>
        {
            a.Property(x => x.Ligne).HasColumnName("AdresseLigne").HasMaxLength(Adresse.LongueurMaxLigne);
            a.Property(x => x.CodePostal).HasColumnName("AdresseCodePostal").HasMaxLength(Adresse.LongueurMaxCodePostal);
            a.Property(x => x.Ville).HasColumnName("AdresseVille").HasMaxLength(Adresse.LongueurMaxVille);
        });
        ConfigurerContact(builder, m => m.Decideur, "Decideur");
        ConfigurerContact(builder, m => m.Technique, "Technique");

        builder.HasMany(m => m.Populations).WithOne().HasForeignKey(p => p.MembreId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Populations).HasField("_populations").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Quantites).WithOne().HasForeignKey(q => q.MembreId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Quantites).HasField("_quantites").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Words of the folded name: a search by the start of a word is a range on (Mot, MembreId).
        builder.OwnsMany(m => m.MotsDuNom, mots =>
        {
            mots.ToTable("MotsMembres");
            mots.WithOwner().HasForeignKey("MembreId");
            mots.Property(x => x.Mot).HasMaxLength(200).IsRequired();
            mots.HasKey("MembreId", nameof(MotDuNom.Mot));
            mots.HasIndex(nameof(MotDuNom.Mot), "MembreId");
        });
        builder.Navigation(m => m.MotsDuNom).HasField("_motsDuNom").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    private static void ConfigurerContact(EntityTypeBuilder<Membre> builder, System.Linq.Expressions.Expression<Func<Membre, Contact?>> navigation, string prefixe)
    {
        builder.ComplexProperty(navigation, c =>
        {
            c.Property(x => x.Nom).HasColumnName(prefixe + "Nom").HasMaxLength(Contact.LongueurMaxNom);
            c.Property(x => x.Fonction).HasColumnName(prefixe + "Fonction").HasMaxLength(Contact.LongueurMaxFonction);
            c.Property(x => x.Courriel).HasColumnName(prefixe + "Courriel").HasMaxLength(Contact.LongueurMaxCourriel);
            c.Property(x => x.Telephone).HasColumnName(prefixe + "Telephone").HasMaxLength(Contact.LongueurMaxTelephone);
        });
    }
}

public sealed class PopulationLegaleConfiguration : IEntityTypeConfiguration<PopulationLegale>
{
    public void Configure(EntityTypeBuilder<PopulationLegale> builder)
    {
        builder.ToTable("PopulationsLegales");
        builder.HasIndex(p => new { p.MembreId, p.Millesime }).IsUnique();
        builder.Property(p => p.Source).HasMaxLength(200);
    }
}

public sealed class QuantiteMembreConfiguration : IEntityTypeConfiguration<QuantiteMembre>
{
    public void Configure(EntityTypeBuilder<QuantiteMembre> builder)
    {
        builder.ToTable("QuantitesMembres");
        builder.Property(q => q.Code).HasMaxLength(Mutualisation.Domain.Catalogue.QuantiteCatalogue.LongueurMaxCode).IsRequired();
        builder.Property(q => q.Valeur).HasPrecision(18, 4);
        builder.Property(q => q.Source).HasMaxLength(QuantiteMembre.LongueurMaxSource);
        builder.HasIndex(q => new { q.MembreId, q.Code, q.Depuis }).IsUnique();
    }
}
