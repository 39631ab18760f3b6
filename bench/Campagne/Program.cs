// adherer: gives every member without a convention a convention in force (service commun, signed in September of
// N−1) and an adhésion to Redon's « groupements d'achats » from 1 January of the billed exercice, through the
// aggregates' own methods, so that the campaign of that exercice has a titre to make for every commune (this formule
// has a price for every population, so none waits for a negotiated amount).
// campagne: the campaign of that exercice (opened if needed) computed by CalculCampagne, then issued by
// EmissionCampagne (numbers and bordereau in one transaction), then every avis des sommes à payer rendered and stored
// (ProductionAvis, as the background job does), on a clock set to 15 January of the next year; prints the time of each
// step, the titres, the PDFs' bytes and the peak memory.
// rendu: renders again the avis of already issued titres, without storing them (the PDF engine's own rate).
// adherer also gives each member without an address its mairie's (« Mairie, <code postal> <commune> », the postal codes
// from --codes-postaux, a JSON object INSEE code → postal code): the PES V2 file needs the debtor's postal address.
// pes: the PES V2 file of the campaign's bordereau (ExportsPes: every titre, every avis as a pièce justificative,
// checked against the DGFiP's schemas, kept); prints its size, time and peak memory.
// Usage:
//   adherer  --fournisseur Sqlite|Postgres --connexion <chaîne> --exercice 2025 [--codes-postaux <fichier.json>]
//   campagne --fournisseur Sqlite|Postgres --connexion <chaîne> --exercice 2025 [--sans-emission: the dry run only]
//   pes      --fournisseur Sqlite|Postgres --connexion <chaîne> --exercice 2025
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Adhesions;
using Mutualisation.Domain.Conventions;
using Mutualisation.Persistence;
using Mutualisation.Domain.Campagnes;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Features.Campagnes;
using Mutualisation.Web.Features.Missions;
using Mutualisation.Web.Features.Pes;
using Mutualisation.Web.Features.Tarifs;

string Option(string nom) =>
    Array.IndexOf(args, nom) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option {nom} manquante.");

var fournisseur = Enum.Parse<FournisseurBaseDeDonnees>(Option("--fournisseur"), ignoreCase: true);
var connexion = Option("--connexion");
var exercice = int.Parse(Option("--exercice"), System.Globalization.CultureInfo.InvariantCulture);
var auteur = new Auteur(null, "Banc d'essai de la campagne");
var cpuPrecedent = TimeSpan.Zero;
var quand = DateTimeOffset.UtcNow;
var aujourdHui = DateOnly.FromDateTime(DateTime.UtcNow);

MutualisationDbContext Contexte() => fournisseur == FournisseurBaseDeDonnees.Sqlite
    ? new SqliteMutualisationDbContext(new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite(connexion)
        .AddInterceptors(SqlitePragmas.Instance).Options) { Perimetre = PerimetreSysteme.Instance }
    : new PostgresMutualisationDbContext(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql(connexion).Options) { Perimetre = PerimetreSysteme.Instance };

if (args.Length > 0 && args[0] == "campagne")
{
    return await CampagneAsync();
}

if (args.Length > 0 && args[0] == "pes")
{
    return await PesAsync();
}

if (args.Length > 0 && args[0] == "rendu")
{
    return await RenduAsync();
}

if (Array.IndexOf(args, "--codes-postaux") >= 0)
{
    var codes = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(Option("--codes-postaux")))!;
    var adresses = 0;
    List<int> ids;
    await using (var db = Contexte())
    {
        ids = await db.Membres.Where(m => m.Adresse.CodePostal == null).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
    }

    foreach (var tranche in ids.Chunk(2000))
    {
        await using var db = Contexte();
        foreach (var membre in await db.Membres.Where(m => tranche.Contains(m.Id)).ToListAsync())
        {
            if (codes.TryGetValue(membre.CodeInsee.Valeur, out var cp))
            {
                membre.ModifierCoordonnees(new Mutualisation.Domain.Membres.Adresse("Mairie", cp, membre.Nom), membre.Decideur, membre.Technique);
                adresses++;
            }
        }

        await db.SaveChangesAsync();
    }

    Console.WriteLine($"adresses : {adresses} mairies");
}

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

async Task<int> CampagneAsync()
{
    // A database prepared by an earlier version of the app gets this version's schema first.
    await LireAsync(async db =>
    {
        await db.Database.MigrateAsync();
        return 0;
    });
    var horloge = new HorlogeFixe(new DateTimeOffset(exercice + 1, 1, 15, 9, 0, 0, TimeSpan.FromHours(1)));
    var budget = await LireAsync(db => db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).Select(p => p.CodeBudget).FirstAsync());
    var campagneId = await LireAsync(async db =>
    {
        if (await db.Set<Campagne>().Where(c => c.ExerciceFacture == exercice && c.Budget == budget).Select(c => (int?)c.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }

        Verifier(Campagne.Ouvrir(exercice, budget!, auteur, horloge.GetUtcNow(), out var campagne)?.Message);
        db.Add(campagne!);
        await db.SaveChangesAsync();
        return campagne!.Id;
    });

    var total = Stopwatch.StartNew();
    Cpu();
    var calcul = args.Contains("--sans-calcul") ? "(calcul déjà fait)" : await LireAsync(db => new CalculCampagne(db, new TarifsDeLExercice(db, horloge), new FaitsDesMembres(db, new ConsommationN1(db)), horloge)
        .CalculerAsync(campagneId, auteur, (_, _) => Task.CompletedTask, CancellationToken.None));
    var tempsCalcul = total.Elapsed;
    Console.WriteLine($"calcul à blanc : {tempsCalcul.TotalSeconds:F1} s ({Cpu()}) — {calcul}");
    if (args.Contains("--sans-emission"))
    {
        Console.WriteLine($"mémoire maximale du processus : {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} Mo (pic)");
        return 0;
    }

    var emission = Stopwatch.StartNew();
    var (message, refus) = await LireAsync(db => new EmissionCampagne(db, new EmissionTitres(db), horloge).EmettreAsync(campagneId, auteur, CancellationToken.None));
    Console.WriteLine($"émission (numéros, bordereau, en une transaction) : {emission.Elapsed.TotalSeconds:F1} s ({Cpu()}) — {message ?? refus}");
    Console.WriteLine($"calcul à blanc + émission : {total.Elapsed.TotalSeconds:F1} s");
    if (refus is not null)
    {
        return 1;
    }

    if (args.Contains("--sans-avis"))
    {
        return 0;
    }

    var production = Stopwatch.StartNew();
    var produits = await LireAsync(db => new EmissionCampagne(db, new EmissionTitres(db), horloge).ProduireAvisAsync(campagneId, null, CancellationToken.None));
    var tempsAvis = production.Elapsed.TotalSeconds;
    var cpuAvis = Cpu();
    var (nombre, octets) = await LireAsync(async db =>
    {
        var pdfs = db.AvisTitres.AsNoTracking().Where(a => db.TitresRecette.Any(t => t.Id == a.TitreId && t.CampagneId == campagneId));
        return (await pdfs.CountAsync(), await pdfs.SumAsync(a => (long)a.Pdf.Length));
    });
    Console.WriteLine($"avis des sommes à payer rendus et enregistrés : {produits} en {tempsAvis:F1} s ({cpuAvis}, {produits / Math.Max(0.001, tempsAvis):F0} avis/s) ; "
        + $"en base : {nombre}, {octets / 1024.0 / 1024.0:F0} Mo ({(nombre == 0 ? 0 : octets / nombre / 1024.0):F1} Ko par avis)");
    Console.WriteLine($"mémoire maximale du processus : {Environment.WorkingSet / 1024 / 1024} Mo (courante), {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} Mo (pic)");
    return 0;
}

async Task<int> PesAsync()
{
    var horloge = new HorlogeFixe(new DateTimeOffset(exercice + 1, 1, 15, 9, 0, 0, TimeSpan.FromHours(1)));
    var budget = await LireAsync(db => db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).Select(p => p.CodeBudget).FirstAsync());
    var bordereauId = await LireAsync(db => db.TitresRecette.AsNoTracking()
        .Where(t => t.ExerciceFacture == exercice && t.Budget == budget && t.CampagneId != null && t.BordereauId != null)
        .Select(t => t.BordereauId!.Value).FirstAsync());
    var chrono = Stopwatch.StartNew();
    var resultat = await LireAsync(db => new ExportsPes(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportsPes>.Instance)
        .ProduireAsync(bordereauId, auteur, horloge.GetUtcNow()));
    if (resultat.Export is not { } export)
    {
        Console.WriteLine("fichier PES refusé : " + string.Join(" | ", resultat.Refus));
        return 1;
    }

    Console.WriteLine($"fichier PES V2 {export.NomFichier} : {export.NombreTitres} titres, {export.Taille / 1024.0 / 1024.0:F0} Mo, "
        + $"produit, vérifié par les schémas et conservé en {chrono.Elapsed.TotalSeconds:F1} s ({export.NombreTitres / Math.Max(0.001, chrono.Elapsed.TotalSeconds):F0} titres/s) ; "
        + $"pic de mémoire du processus : {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} Mo");
    var lecture = Stopwatch.StartNew();
    await using (var sortie = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.DeleteOnClose))
    {
        await LireAsync(async db =>
        {
            await new ExportsPes(db, Microsoft.Extensions.Logging.Abstractions.NullLogger<ExportsPes>.Instance).CopierAsync(export.Id, sortie);
            return 0;
        });
    }

    Console.WriteLine($"relecture du fichier conservé : {lecture.Elapsed.TotalSeconds:F1} s");
    return 0;
}

// rendu: renders again the avis of up to --nombre issued titres (nothing stored): the PDF engine's own rate, on every core.
async Task<int> RenduAsync()
{
    var nombre = int.Parse(Option("--nombre"), System.Globalization.CultureInfo.InvariantCulture);
    var (titres, emetteur) = await LireAsync(async db => (
        await db.TitresRecette.AsNoTracking().Include(t => t.Lignes).Where(t => t.Numero != null).OrderBy(t => t.Id).Take(nombre).AsSplitQuery().ToListAsync(),
        await db.ParametresEmetteur.AsNoTracking().OrderBy(p => p.Id).FirstAsync()));
    for (var passe = 0; passe < 3; passe++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var chrono = Stopwatch.StartNew();
        long octets = 0;
        Parallel.ForEach(titres, t => Interlocked.Add(ref octets, Mutualisation.Web.Features.Titres.AvisSommesAPayerPdf.Produire(t, emetteur).Length));
        var duree = chrono.Elapsed.TotalSeconds;
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        Console.WriteLine($"passe {passe + 1} : {titres.Count} avis en {duree:F2} s, {titres.Count / duree:F0} avis/s, {cpuMs / titres.Count:F2} ms de CPU par avis, {octets / titres.Count / 1024.0:F1} Ko par avis");
    }

    return 0;
}

// The process's CPU time since the previous call (user + system, every thread): what a step cost, whatever the load.
string Cpu()
{
    var maintenant = Process.GetCurrentProcess().TotalProcessorTime;
    var ecoule = maintenant - cpuPrecedent;
    cpuPrecedent = maintenant;
    return $"{ecoule.TotalSeconds:F1} s de CPU";
}

async Task<T> LireAsync<T>(Func<MutualisationDbContext, Task<T>> action)
{
    await using var db = Contexte();
    return await action(db);
}

static void Verifier(string? refus)
{
    if (refus is not null)
    {
        throw new InvalidOperationException(refus);
    }
}

/// <summary>A clock fixed on one instant: the campaign of exercice N is issued in January of N + 1.</summary>
internal sealed class HorlogeFixe(DateTimeOffset instant) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => instant.ToUniversalTime();
}
