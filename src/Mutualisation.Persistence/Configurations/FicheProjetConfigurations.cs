using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Domain.Membres;

namespace Mutualisation.Persistence.Configurations;

public sealed class FicheProjetConfiguration : IEntityTypeConfiguration<FicheProjet>
{
    public void Configure(EntityTypeBuilder<FicheProjet> builder)
    {
        builder.ToTable("FichesProjet");
        builder.HasOne<Membre>().WithMany().HasForeignKey(f => f.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Titre).HasMaxLength(FicheProjet.LongueurMaxTitre).IsRequired();
        builder.Property(f => f.Etat).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Numero).HasMaxLength(20);
        builder.Property(f => f.AvisDsi).HasMaxLength(FicheProjet.LongueurMaxMotif);
        builder.Property(f => f.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Motivation).HasMaxLength(FicheProjet.LongueurMaxMotif);
        builder.HasIndex(f => f.Numero).IsUnique();
        builder.HasIndex(f => new { f.MembreId, f.Etat });
        builder.HasIndex(f => new { f.Etat, f.Mutualisable });
        builder.OwnsOne(f => f.Contenu, Contenu);

        builder.OwnsMany(f => f.Versions, v =>
        {
            v.ToTable("VersionsFichesProjet");
            v.WithOwner().HasForeignKey("FicheId");
            v.HasKey(x => x.Id);
            v.HasIndex("FicheId", nameof(VersionFiche.Numero)).IsUnique();
            v.Property(x => x.Titre).HasMaxLength(FicheProjet.LongueurMaxTitre).IsRequired();
            v.Property(x => x.UtilisateurId).HasMaxLength(450);
            v.Property(x => x.UtilisateurNom).HasMaxLength(200).IsRequired();
            v.Property(x => x.Commentaire).HasMaxLength(FicheProjet.LongueurMaxCommentaire).IsRequired();
            v.Ignore(x => x.Libelle);
            v.OwnsOne(x => x.Contenu, Contenu);
        });
        builder.Navigation(f => f.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(f => f.Evenements, e =>
        {
            e.ToTable("EvenementsFichesProjet");
            e.WithOwner().HasForeignKey("FicheId");
            e.HasKey(x => x.Id);
            e.Property(x => x.Libelle).HasMaxLength(200).IsRequired();
            e.Property(x => x.Detail).HasMaxLength(EvenementFiche.LongueurMaxDetail);
            e.Property(x => x.EtatAvant).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.EtatApres).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.UtilisateurId).HasMaxLength(450);
            e.Property(x => x.UtilisateurNom).HasMaxLength(200).IsRequired();
            e.Ignore(x => x.EstUnChangementDEtat);
        });
        builder.Navigation(f => f.Evenements).HasField("_evenements").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(f => f.Liens, l =>
        {
            l.ToTable("LiensFichesProjet");
            l.WithOwner().HasForeignKey("FicheId");
            l.HasKey(x => x.Id);
            l.HasIndex("FicheId", nameof(LienFiche.AutreFicheId)).IsUnique();
            l.HasIndex(x => x.AutreFicheId);
            l.Property(x => x.Statut).HasConversion<string>().HasMaxLength(20);
            l.Property(x => x.QualifieParNom).HasMaxLength(200);
        });
        builder.Navigation(f => f.Liens).HasField("_liens").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    /// <summary>Annexe 3's fields as columns of their owner's table, each text with its length from <see cref="ChampFiche.Tous"/>.</summary>
    private static void Contenu<TProprietaire>(OwnedNavigationBuilder<TProprietaire, ContenuFiche> contenu)
        where TProprietaire : class
    {
        contenu.Ignore(c => c.CoutGlobal);
        foreach (var champ in ChampFiche.Tous)
        {
            var type = typeof(ContenuFiche).GetProperty(champ.Nom)!.PropertyType;
            if (type == typeof(string))
            {
                contenu.Property<string?>(champ.Nom).HasMaxLength(champ.LongueurMax);
            }
        }

        contenu.Property(c => c.Type).HasConversion<string>().HasMaxLength(20);
        contenu.Property(c => c.Nature).HasConversion<string>().HasMaxLength(30);
    }
}
