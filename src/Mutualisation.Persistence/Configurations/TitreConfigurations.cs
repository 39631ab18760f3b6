using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence.Titres;

namespace Mutualisation.Persistence.Configurations;

public sealed class ParametresEmetteurConfiguration : IEntityTypeConfiguration<ParametresEmetteur>
{
    public void Configure(EntityTypeBuilder<ParametresEmetteur> builder)
    {
        builder.ToTable("ParametresEmetteur");
        foreach (var nom in new[] { "Nom", "AdresseLigne", "OrdonnateurQualite", "DelegueQualite", "Comptable", "ComptableAdresse", "Tribunal", "TribunalAdresse" })
        {
            builder.Property<string?>(nom).HasMaxLength(ParametresEmetteur.LongueurMaxTexte);
        }

        foreach (var nom in new[] { "OrdonnateurNom", "OrdonnateurPrenoms", "DelegueNom", "DeleguePrenoms", "AdresseVille" })
        {
            builder.Property<string?>(nom).HasMaxLength(100);
        }

        builder.Property(p => p.Siren).HasMaxLength(9);
        builder.Property(p => p.Siret).HasMaxLength(14);
        builder.Property(p => p.AdresseCodePostal).HasMaxLength(10);
        builder.Property(p => p.ModesDePaiement).HasMaxLength(ParametresEmetteur.LongueurMaxLong);
        builder.Property(p => p.CodeBudget).HasMaxLength(ParametresEmetteur.LongueurMaxCodeBudget);
        builder.Property(p => p.PesIdPost).HasMaxLength(7);
        builder.Property(p => p.PesIdColl).HasMaxLength(14);
        builder.Property(p => p.PesCodCol).HasMaxLength(3);
        builder.Property(p => p.PesCodBud).HasMaxLength(2);
        builder.Property(p => p.PesLibelleBudget).HasMaxLength(38);
        builder.Property(p => p.PesLogicielEditeur).HasMaxLength(32);
        builder.Property(p => p.PesLogicielNom).HasMaxLength(38);
        // An unset value (0, never a valid edition) takes the database default; the app always sets one.
        builder.Property(p => p.PesEdition).HasConversion<string>().HasMaxLength(20).HasDefaultValue(EditionAsap.EditeParLaDgfip).HasSentinel((EditionAsap)0);
        builder.Ignore(p => p.Ordonnateur);
        builder.Ignore(p => p.Delegue);
        builder.Ignore(p => p.SignatairePar);
        builder.Ignore(p => p.Adresse);
        builder.OwnsMany(p => p.Imputations, i =>
        {
            i.ToTable("ImputationsServices");
            i.WithOwner().HasForeignKey("ParametresEmetteurId");
            i.HasKey(x => x.Id);
            i.Property(x => x.CodeService).HasMaxLength(ImputationService.LongueurMaxCode).IsRequired();
            i.Property(x => x.CompteNature).HasMaxLength(ImputationService.LongueurMaxCompte).IsRequired();
            i.Property(x => x.Fonction).HasMaxLength(ImputationService.LongueurMaxCompte).IsRequired();
            i.Property(x => x.CodeProduitLocal).HasMaxLength(4);
            i.HasIndex("ParametresEmetteurId", nameof(ImputationService.CodeService)).IsUnique();
        });
        builder.Navigation(p => p.Imputations).HasField("_imputations").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class TitreDeRecetteConfiguration : IEntityTypeConfiguration<TitreDeRecette>
{
    public void Configure(EntityTypeBuilder<TitreDeRecette> builder)
    {
        // The triggers (DeclencheursTitres) refuse any change to an issued titre; EF must know they exist (SQL Server: no bare OUTPUT).
        builder.ToTable("TitresRecette", t =>
        {
            t.HasTrigger(DeclencheursTitres.TitresMaj);
            t.HasTrigger(DeclencheursTitres.TitresSuppr);
        });
        builder.HasOne<Membre>().WithMany().HasForeignKey(t => t.MembreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Bordereau).WithMany().HasForeignKey(t => t.BordereauId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TitreDeRecette>().WithMany().HasForeignKey(t => t.TitreOrigineId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Budget).HasMaxLength(ParametresEmetteur.LongueurMaxCodeBudget).IsRequired();
        builder.Property(t => t.Nature).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Statut).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Objet).HasMaxLength(TitreDeRecette.LongueurMaxObjet).IsRequired();
        builder.Property(t => t.Fondement).HasMaxLength(TitreDeRecette.LongueurMaxFondement).IsRequired();
        builder.Property(t => t.DebiteurNom).HasMaxLength(200).IsRequired();
        builder.Property(t => t.DebiteurSiren).HasMaxLength(9).IsRequired();
        builder.Property(t => t.DebiteurCodeInsee).HasMaxLength(5);
        builder.Property(t => t.DebiteurAdresse).HasMaxLength(400).IsRequired();
        builder.Property(t => t.Motif).HasMaxLength(TitreDeRecette.LongueurMaxMotif);
        builder.Property(t => t.SignataireNom).HasMaxLength(100);
        builder.Property(t => t.SignatairePrenoms).HasMaxLength(100);
        builder.Property(t => t.SignataireQualite).HasMaxLength(ParametresEmetteur.LongueurMaxTexte);
        builder.Ignore(t => t.CodesServices);

        // The last guard of the numbering: one number per exercice and budget, whatever the code does.
        builder.HasIndex(t => new { t.Exercice, t.Budget, t.Numero }).IsUnique();
        builder.HasIndex(t => new { t.MembreId, t.Exercice });
        builder.HasIndex(t => t.TitreOrigineId);

        // No foreign key: on SQLite adding one rebuilds the table, and its immutability triggers with it.
        builder.HasIndex(t => t.TitreRemplaceId);
        // One titre per member and campaign: a dry run run twice replaces its drafts, never duplicates them (ADR 0018).
        builder.HasIndex(t => new { t.CampagneId, t.MembreId }).IsUnique();

        builder.HasMany(t => t.Lignes).WithOne().HasForeignKey("TitreId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Lignes).HasField("_lignes").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Evenements).WithOne().HasForeignKey("TitreId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Evenements).HasField("_evenements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

/// <summary>The avis of an issued titre: inserted once, never changed or deleted (DeclencheursTitres); no foreign key on TitresRecette (see above).</summary>
public sealed class AvisTitreConfiguration : IEntityTypeConfiguration<AvisTitre>
{
    public void Configure(EntityTypeBuilder<AvisTitre> builder)
    {
        builder.ToTable("AvisTitres", t =>
        {
            t.HasTrigger(DeclencheursTitres.AvisAjout);
            t.HasTrigger(DeclencheursTitres.AvisMaj);
            t.HasTrigger(DeclencheursTitres.AvisSuppr);
        });
        builder.HasKey(a => a.TitreId);
        builder.Property(a => a.TitreId).ValueGeneratedNever();
        builder.Property(a => a.Pdf).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
    }
}

public sealed class LigneTitreConfiguration : IEntityTypeConfiguration<LigneTitre>
{
    public void Configure(EntityTypeBuilder<LigneTitre> builder)
    {
        builder.ToTable("LignesTitres", t =>
        {
            t.HasTrigger(DeclencheursTitres.LignesAjout);
            t.HasTrigger(DeclencheursTitres.LignesMaj);
            t.HasTrigger(DeclencheursTitres.LignesSuppr);
        });
        builder.Property(l => l.Libelle).HasMaxLength(LigneTitre.LongueurMaxLibelle).IsRequired();
        builder.Property(l => l.Bases).HasMaxLength(LigneTitre.LongueurMaxBases).IsRequired();
        builder.Property(l => l.CodeService).HasMaxLength(ImputationService.LongueurMaxCode);
        builder.Property(l => l.CompteNature).HasMaxLength(ImputationService.LongueurMaxCompte);
        builder.Property(l => l.Fonction).HasMaxLength(ImputationService.LongueurMaxCompte);
        builder.Ignore(l => l.Imputation);
    }
}

public sealed class EvenementTitreConfiguration : IEntityTypeConfiguration<EvenementTitre>
{
    public void Configure(EntityTypeBuilder<EvenementTitre> builder)
    {
        builder.ToTable("EvenementsTitres", t =>
        {
            t.HasTrigger(DeclencheursTitres.EvenementsMaj);
            t.HasTrigger(DeclencheursTitres.EvenementsSuppr);
        });
        builder.Property(e => e.Libelle).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Detail).HasMaxLength(EvenementTitre.LongueurMaxDetail);
        builder.Property(e => e.StatutAvant).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.StatutApres).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.UtilisateurId).HasMaxLength(450);
        builder.Property(e => e.UtilisateurNom).HasMaxLength(200).IsRequired();
    }
}

public sealed class BordereauConfiguration : IEntityTypeConfiguration<Bordereau>
{
    public void Configure(EntityTypeBuilder<Bordereau> builder)
    {
        builder.ToTable("Bordereaux", t =>
        {
            t.HasTrigger(DeclencheursTitres.BordereauxMaj);
            t.HasTrigger(DeclencheursTitres.BordereauxSuppr);
        });
        builder.Property(b => b.Budget).HasMaxLength(ParametresEmetteur.LongueurMaxCodeBudget).IsRequired();
        builder.Property(b => b.SignataireNom).HasMaxLength(100).IsRequired();
        builder.Property(b => b.SignatairePrenoms).HasMaxLength(100).IsRequired();
        builder.Property(b => b.SignataireQualite).HasMaxLength(ParametresEmetteur.LongueurMaxTexte).IsRequired();
        builder.Property(b => b.EmisParId).HasMaxLength(450);
        builder.Property(b => b.EmisParNom).HasMaxLength(200).IsRequired();
        builder.HasIndex(b => new { b.Exercice, b.Budget, b.Numero }).IsUnique();
    }
}

public sealed class CompteurTitresConfiguration : IEntityTypeConfiguration<CompteurTitres>
{
    public void Configure(EntityTypeBuilder<CompteurTitres> builder)
    {
        builder.ToTable("CompteursTitres");
        builder.HasKey(c => new { c.Exercice, c.Budget, c.Serie });
        builder.Property(c => c.Budget).HasMaxLength(ParametresEmetteur.LongueurMaxCodeBudget);
        builder.Property(c => c.Serie).HasMaxLength(20);
    }
}
