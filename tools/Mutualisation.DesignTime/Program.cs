// Start-up project for dotnet-ef; it also carries the console that the numbering tests start as separate OS
// processes (two issuers at once, an issuer killed mid-transaction): see docs/adr/0016-numerotation-des-titres.md.
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Conventions;
using Mutualisation.Domain.Membres;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Persistence.Titres;

if (args.Length == 0 || args[0] is not ("preparer-titres" or "emettre-titres"))
{
    Console.WriteLine("Outil de conception des migrations : voir docs/architecture.md.");
    Console.WriteLine("Essais de numérotation : preparer-titres | emettre-titres --fournisseur Sqlite|Postgres --connexion <chaîne> --budget <code> [--nombre N] [--arret-apres K] [--reprendre]");
    return 0;
}

string Option(string nom, string? parDefaut = null)
{
    var i = Array.IndexOf(args, nom);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : parDefaut ?? throw new ArgumentException($"Option {nom} manquante.");
}

var fournisseur = Enum.Parse<FournisseurBaseDeDonnees>(Option("--fournisseur"), ignoreCase: true);
var connexion = Option("--connexion");
var budget = Option("--budget");
var nombre = int.Parse(Option("--nombre", "0"), System.Globalization.CultureInfo.InvariantCulture);
var arretApres = int.Parse(Option("--arret-apres", "0"), System.Globalization.CultureInfo.InvariantCulture);
var auteur = new Auteur(null, "Essai de numérotation");
var quand = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
var emisLe = new DateOnly(2026, 3, 2);

MutualisationDbContext Contexte()
{
    if (fournisseur == FournisseurBaseDeDonnees.Sqlite)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connexion) { DefaultTimeout = 60 };
        return new SqliteMutualisationDbContext(new DbContextOptionsBuilder<SqliteMutualisationDbContext>()
            .UseSqlite(builder.ToString()).AddInterceptors(SqlitePragmas.Instance).Options) { Perimetre = PerimetreSysteme.Instance };
    }

    return new PostgresMutualisationDbContext(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql(connexion).Options) { Perimetre = PerimetreSysteme.Instance };
}

if (args[0] == "preparer-titres")
{
    await using var db = Contexte();
    await db.Database.MigrateAsync();
    if (!await db.Membres.AnyAsync(m => m.Nom == "Commune d'essai"))
    {
        db.Membres.Add(new Membre("Commune d'essai", NatureMembre.Commune, InseeCode.Parse("35236"), Siren.Parse("213502362")));
    }

    var emetteur = await db.ParametresEmetteur.FirstOrDefaultAsync() ?? db.ParametresEmetteur.Add(new ParametresEmetteur()).Entity;
    var refus = emetteur.Modifier("EPCI d'essai", "243500741", "24350074100018", "3 rue de l'Essai", "35600", "Redon",
        new Signataire("ESSAI", "Jean", "Président"), null, "Service de gestion comptable d'essai", null, "Virement", "Tribunal administratif de Rennes", null,
        budget, ParametresEmetteur.SeuilReglementaire);
    if (refus is not null)
    {
        Console.Error.WriteLine(refus.Message);
        return 1;
    }

    await db.SaveChangesAsync();
    Console.WriteLine("PRET");
    return 0;
}

List<int> ids;
await using (var db = Contexte())
{
    var membre = await db.Membres.FirstAsync(m => m.Nom == "Commune d'essai");
    var brouillons = new List<TitreDeRecette>();
    for (var i = 0; i < nombre; i++)
    {
        TitreDeRecette.Creer(membre.Id, new Debiteur(membre.Nom, membre.Siren.Valeur, null, "Mairie"), 2026, 2025, budget, "Essai de numérotation",
            "Essai", [new LignePrevue("Ligne d'essai", "1 × 100,00 €", new Montant(100m), null, null, null)], auteur, quand, out var titre);
        brouillons.Add(titre!);
    }

    db.TitresRecette.AddRange(brouillons);
    await db.SaveChangesAsync();
    ids = args.Contains("--reprendre")
        ? await db.TitresRecette.Where(t => t.Budget == budget && t.Statut == StatutTitre.Brouillon).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync()
        : brouillons.Select(t => t.Id).ToList();
}

var emis = 0;
foreach (var id in ids)
{
    await using var db = Contexte();
    // No avis: the numbering is what this command exercises (ADR 0026: the avis are a separate step).
    var resultat = await new EmissionTitres(db).EmettreAsync([id], auteur, quand, emisLe, produirePdf: null,
        async numero =>
        {
            if (arretApres > 0 && emis + 1 == arretApres)
            {
                // Numbers taken, transaction open: the test kills the process here (SIGKILL).
                Console.WriteLine($"ARRET {numero}");
                await Console.Out.FlushAsync();
                await Console.In.ReadLineAsync();
            }
        });
    if (resultat.Refus is not null)
    {
        Console.Error.WriteLine(resultat.Refus.Message);
        return 1;
    }

    emis++;
}

Console.WriteLine($"EMIS {emis}");
return 0;
