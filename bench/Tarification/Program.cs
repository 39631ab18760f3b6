using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Mutualisation.Billing;

// Prices every commune of communes.json (Etalab) for the four Redon formules, through the same
// Simulation.Tarifer the simulator page and API call. Warm-up passes first, then timed passes.
if (args.Length < 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("Usage : Mutualisation.Bench.Tarification <communes.json> [passes mesurées]");
    return 2;
}

var passes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
using var document = JsonDocument.Parse(File.ReadAllBytes(args[0]));
var toutes = document.RootElement.EnumerateArray().ToList();
var populations = toutes
    .Where(c => c.GetProperty("type").GetString() == "commune-actuelle")
    .Where(c => c.TryGetProperty("population", out var p) && p.ValueKind == JsonValueKind.Number)
    .Select(c => c.GetProperty("population").GetInt32())
    .ToArray();
string[] formules = ["socle-complet", "audit", "groupement-achats", "socle-annexe-complet"];
var catalogue = CataloguesDeReference.Redon(2026);

var parFormule = new double[formules.Length];

(decimal[] Totaux, int[] Refus) UnePasse()
{
    var totaux = new decimal[formules.Length];
    var refus = new int[formules.Length];
    for (var f = 0; f < formules.Length; f++)
    {
        var debut = Stopwatch.GetTimestamp();
        foreach (var population in populations)
        {
            var resultat = Simulation.Evaluer(catalogue, new DemandeSimulation(formules[f], population) { Millesime = 2023 });
            if (resultat.Contribution is { } contribution)
            {
                totaux[f] += contribution.Total;
            }
            else
            {
                refus[f]++;
            }
        }

        parFormule[f] += Stopwatch.GetElapsedTime(debut).TotalMilliseconds;
    }

    return (totaux, refus);
}

for (var i = 0; i < 5; i++)
{
    UnePasse();
}

Array.Clear(parFormule);
var durees = new List<double>();
var resultat = UnePasse();
for (var i = 0; i < passes; i++)
{
    var chrono = Stopwatch.StartNew();
    resultat = UnePasse();
    durees.Add(chrono.Elapsed.TotalMilliseconds);
}

durees.Sort();
var fr = CultureInfo.GetCultureInfo("fr-FR");
Console.WriteLine($"{toutes.Count} entrées dans le fichier, {populations.Length} communes actuelles avec une population ; {formules.Length} formules, soit {populations.Length * formules.Length} tarifications par passe.");
for (var f = 0; f < formules.Length; f++)
{
    Console.WriteLine($"  {formules[f],-22} total {resultat.Totaux[f].ToString("#,##0.00", fr)} €, refus (examen approfondi) : {resultat.Refus[f]}, {(parFormule[f] / passes).ToString("0.0", CultureInfo.InvariantCulture)} ms par passe");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Passe complète après 5 passes de chauffe, sur {passes} passes : médiane {durees[durees.Count / 2]:0.0} ms, min {durees[0]:0.0} ms, max {durees[^1]:0.0} ms, moyenne {durees.Average():0.0} ms."));
return 0;
