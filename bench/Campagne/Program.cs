// Gives every member without a convention a convention in force (service commun, signed in September of N−2) and
// an adhésion to Redon's « groupements d'achats » from 1 January of the billed exercice, through the aggregates' own
// methods, so that the campaign of that exercice has a titre to make for every commune (this formule has a price for
// every population, so none waits for a negotiated amount). Usage:
//   adherer --fournisseur Sqlite|Postgres --connexion <chaîne> --exercice 2025
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;

string Option(string nom) =>
    Array.IndexOf(args, nom) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option {nom} manquante.");

var fournisseur = Enum.Parse<FournisseurBaseDeDonnees>(Option("--fournisseur"), ignoreCase: true);
var connexion = Option("--connexion");
var exercice = int.Parse(Option("--exercice"), System.Globalization.CultureInfo.InvariantCulture);
var auteur = new Auteur(null, "Banc d'essai de la campagne");
var quand = DateTimeOffset.UtcNow;
var aujourdHui = DateOnly.FromDateTime(DateTime.UtcNow);

MutualisationDbContext Contexte() => fournisseur == FournisseurBaseDeDonnees.Sqlite
    ? new SqliteMutualisationDbContext(new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite(connexion)
        .AddInterceptors(SqlitePragmas.Instance).Options, PerimetreSysteme.Instance)
    : new PostgresMutualisationDbContext(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql(connexion).Options, PerimetreSysteme.Instance);

var chrono = Stopwatch.StartNew();
List<(int Id, string Siren)> sans;
await using (var db = Contexte())
{
    var avec = db.Conventions.Select(c => c.MembreId);
    var lus = await db.Membres.Where(m => m.PopulationTotale != null && !avec.Contains(m.Id)).OrderBy(m => m.Id).Select(m => new { m.Id, m.Siren }).ToListAsync();
    sans = lus.Select(m => (m.Id, m.Siren.Valeur)).ToList();
}

var signature = new DateOnly(exercice - 1, 9, 10);
var debut = new DateOnly(exercice, 1, 1);
var faits = 0;
foreach (var tranche in sans.Chunk(2000))
{
    await using var db = Contexte();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    foreach (var (id, siren) in tranche)
    {
        var convention = new Convention(id, ModeleConvention.ServiceCommun, auteur, quand, aujourdHui);
        Verifier(convention.ModifierBrouillon(ModeleConvention.ServiceCommun, new Deliberation($"{exercice - 1}-BANC", signature, "Conseil municipal"),
            new Deliberation("CC_2020_77", new DateOnly(2020, 7, 15), "Conseil communautaire"))?.Message);
        Verifier(convention.Signer(signature.AddDays(10), signature.AddDays(13), auteur, quand, aujourdHui)?.Message);
        Verifier(convention.EnregistrerControleLegalite($"035-{siren}-{signature:yyyyMMdd}-BANC-DE", signature.AddDays(2), auteur, quand, aujourdHui)?.Message);
        Verifier(convention.MettreEnVigueur(auteur, quand, aujourdHui)?.Message);
        db.Conventions.Add(convention);

        var adhesion = new Adhesion(id);
        Verifier(adhesion.ChoisirFormule("groupement-achats", "Groupements d'achats", false, debut,
            new ActeAdhesion(NatureActe.Deliberation, $"{exercice - 1}-BANC", signature), new CadreAdhesion(convention.DateEffet, null, null, aujourdHui), auteur, quand)?.Message);
        db.Set<Adhesion>().Add(adhesion);
    }

    db.ChangeTracker.DetectChanges();
    await db.SaveChangesAsync();
    faits += tranche.Length;
    Console.WriteLine($"{faits} / {sans.Count} membres avec une convention en vigueur et une adhésion");
}

Console.WriteLine($"adhésions : {sans.Count} en {chrono.Elapsed.TotalSeconds:F1} s");
return 0;

static void Verifier(string? refus)
{
    if (refus is not null)
    {
        throw new InvalidOperationException(refus);
    }
}
