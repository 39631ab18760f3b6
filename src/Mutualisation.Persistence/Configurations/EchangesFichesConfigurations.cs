using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence.Echanges;

namespace Mutualisation.Persistence.Configurations;

public sealed class EchangeFicheConfiguration : IEntityTypeConfiguration<EchangeFiche>
{
    public void Configure(EntityTypeBuilder<EchangeFiche> builder)
    {
        builder.ToTable("EchangesFichesProjet");
        builder.HasOne<FicheProjet>().WithMany().HasForeignKey(e => e.FicheId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Genre).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Texte).HasMaxLength(EchangeFiche.LongueurMaxTexte).IsRequired();
        builder.Property(e => e.UtilisateurId).HasMaxLength(450);
        builder.Property(e => e.UtilisateurNom).HasMaxLength(200).IsRequired();
        builder.HasIndex(e => new { e.FicheId, e.Genre, e.Id });
        builder.HasIndex(e => e.MembreId);
    }
}

public sealed class PieceFicheConfiguration : IEntityTypeConfiguration<PieceFiche>
{
    public void Configure(EntityTypeBuilder<PieceFiche> builder)
    {
        builder.ToTable("PiecesFichesProjet");
        builder.HasOne<FicheProjet>().WithMany().HasForeignKey(p => p.FicheId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Echange).WithMany().HasForeignKey(p => p.EchangeId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.NomFichier).HasMaxLength(PieceFiche.LongueurMaxNom).IsRequired();
        builder.Property(p => p.TypeContenu).HasMaxLength(100).IsRequired();
        builder.Property(p => p.Contenu).IsRequired();
        builder.Property(p => p.UtilisateurId).HasMaxLength(450);
        builder.Property(p => p.UtilisateurNom).HasMaxLength(200).IsRequired();
        builder.HasIndex(p => new { p.FicheId, p.Id });
        builder.HasIndex(p => p.MembreId);
    }
}

public sealed class NotificationFicheConfiguration : IEntityTypeConfiguration<NotificationFiche>
{
    public void Configure(EntityTypeBuilder<NotificationFiche> builder)
    {
        builder.ToTable("NotificationsFichesProjet");
        builder.Property(n => n.UtilisateurId).HasMaxLength(450).IsRequired();
        builder.Property(n => n.Texte).HasMaxLength(NotificationFiche.LongueurMaxTexte).IsRequired();

        // The unread count in the navigation: one COUNT on this index.
        builder.HasIndex(n => new { n.UtilisateurId, n.LueLe });
        builder.HasIndex(n => new { n.UtilisateurId, n.Id });
        builder.HasIndex(n => n.FicheId);
    }
}

public sealed class CourrielEnAttenteConfiguration : IEntityTypeConfiguration<CourrielEnAttente>
{
    public void Configure(EntityTypeBuilder<CourrielEnAttente> builder)
    {
        builder.ToTable("CourrielsEnAttente");
        builder.Property(c => c.Destinataire).HasMaxLength(CourrielEnAttente.LongueurMaxAdresse).IsRequired();
        builder.Property(c => c.Sujet).HasMaxLength(CourrielEnAttente.LongueurMaxSujet).IsRequired();
        builder.Property(c => c.Corps).HasMaxLength(CourrielEnAttente.LongueurMaxCorps).IsRequired();
        builder.Property(c => c.Etat).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.DerniereErreur).HasMaxLength(CourrielEnAttente.LongueurMaxErreur);
        builder.HasIndex(c => new { c.Etat, c.ProchaineTentative });
        builder.HasIndex(c => c.FicheId);
    }
}
