using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>
/// Exports of the issued titres (and reductions) of an exercice or a bordereau for the finance software: one row per
/// titre line with its imputation. CSV (« ; », UTF-8 with BOM, French decimals without thousands separator, dates
/// 31/12/2026) written straight to the response; XLSX (amounts numeric, dates as dates) written to a temporary file
/// deleted on close, then streamed. EPCI staff only: a Mairie user gets 403.
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("titres")]
public sealed class ExportsTitresController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly string[] EnTetes =
    [
        "Exercice", "Budget", "Bordereau", "N° titre", "Nature", "Date d'émission", "Débiteur", "SIREN", "Code INSEE", "Libellé de la ligne",
        "Compte nature", "Fonction", "Montant de la ligne", "Total du titre", "État",
    ];

    [HttpGet("export.csv")]
    public async Task<IActionResult> Csv([FromQuery] string? exercice, [FromQuery] string? bordereau, CancellationToken annulation)
    {
        var (perimetre, refus) = await PerimetreAsync(exercice, bordereau, annulation);
        if (perimetre is null)
        {
            return refus!;
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = perimetre.NomFichier("csv") }.ToString();
        var etats = await EtatsAsync(perimetre, annulation);
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, FormatProvider = Fr, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(Response.Body, options, leaveOpen: true);
        csv.WriteHeader(EnTetes);
        await foreach (var l in Lignes(perimetre).AsAsyncEnumerable().WithCancellation(annulation))
        {
            csv.WriteField(l.Exercice, default);
            csv.WriteField(l.Budget);
            csv.WriteField(l.Bordereau, default);
            csv.WriteField(l.Numero, default);
            csv.WriteField(Nature(l.Nature));
            csv.WriteField(l.EmisLe is { } d ? d.ToString("dd/MM/yyyy", Fr) : null);
            csv.WriteField(l.DebiteurNom);
            csv.WriteField(l.Siren);
            csv.WriteField(l.Insee);
            csv.WriteField(l.Libelle);
            csv.WriteField(l.CompteNature);
            csv.WriteField(l.Fonction);
            csv.WriteField(l.Montant.Euros, "0.00", Fr);
            csv.WriteField(l.Total.Euros, "0.00", Fr);
            csv.WriteField(Etat(l, etats));
            await csv.EndRecordAsync(annulation);
        }

        await csv.FlushAsync(annulation);
        return new EmptyResult();
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> Xlsx([FromQuery] string? exercice, [FromQuery] string? bordereau, CancellationToken annulation)
    {
        var (perimetre, refus) = await PerimetreAsync(exercice, bordereau, annulation);
        if (perimetre is null)
        {
            return refus!;
        }

        var etats = await EtatsAsync(perimetre, annulation);
        var lignes = Lignes(perimetre).AsEnumerable().Select(l => new LigneXlsx
        {
            Exercice = l.Exercice,
            Budget = l.Budget,
            Bordereau = l.Bordereau,
            Numero = l.Numero,
            Nature = Nature(l.Nature),
            EmisLe = l.EmisLe?.ToDateTime(TimeOnly.MinValue),
            Debiteur = l.DebiteurNom,
            Siren = l.Siren,
            Insee = l.Insee,
            Libelle = l.Libelle,
            CompteNature = l.CompteNature,
            Fonction = l.Fonction,
            Montant = l.Montant.Euros,
            Total = l.Total.Euros,
            Etat = Etat(l, etats),
        });

        // A temporary file deleted when the response closes it: the workbook never sits whole in memory.
        var fichier = new FileStream(Path.Combine(Path.GetTempPath(), $"export-titres-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await fichier.SaveAsAsync(lignes, sheetName: "Titres", excelType: ExcelType.XLSX, cancellationToken: annulation);
            fichier.Position = 0;
            return File(fichier, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", perimetre.NomFichier("xlsx"));
        }
        catch
        {
            await fichier.DisposeAsync();
            throw;
        }
    }

    /// <summary>The exercice (given, or the current one) or the bordereau asked for; a 400 or 404 page in French otherwise.</summary>
    private async Task<(Perimetre? Perimetre, IActionResult? Refus)> PerimetreAsync(string? exercice, string? bordereau, CancellationToken annulation)
    {
        if (!string.IsNullOrEmpty(bordereau))
        {
            if (!int.TryParse(bordereau, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
            {
                return (null, BadRequest());
            }

            var trouve = await db.Bordereaux.AsNoTracking().Where(b => b.Id == id).Select(b => new { b.Exercice, b.Numero }).FirstOrDefaultAsync(annulation);
            return trouve is null ? (null, NotFound()) : (new Perimetre(trouve.Exercice, id, trouve.Numero), null);
        }

        if (string.IsNullOrEmpty(exercice))
        {
            return (new Perimetre(horloge.ExerciceCourant(), null, null), null);
        }

        return int.TryParse(exercice, NumberStyles.None, CultureInfo.InvariantCulture, out var annee) && annee is >= 2000 and <= 2100
            ? (new Perimetre(annee, null, null), null)
            : (null, BadRequest());
    }

    private IQueryable<LigneExport> Lignes(Perimetre perimetre)
    {
        var titres = db.TitresRecette.AsNoTracking().Where(t => t.Statut == StatutTitre.Emis);
        titres = perimetre.BordereauId is { } bordereau ? titres.Where(t => t.BordereauId == bordereau) : titres.Where(t => t.Exercice == perimetre.Exercice);
        return titres
            .SelectMany(t => t.Lignes, (t, l) => new { t, l })
            .OrderBy(x => x.t.Budget).ThenBy(x => x.t.Numero).ThenBy(x => x.l.Ordre)
            .Select(x => new LigneExport(x.t.Id, x.t.Exercice, x.t.Budget, x.t.BordereauNumero, x.t.Numero, x.t.Nature, x.t.EmisLe,
                x.t.DebiteurNom, x.t.DebiteurSiren, x.t.DebiteurCodeInsee, x.l.Libelle, x.l.CompteNature, x.l.Fonction, x.l.Montant, x.t.Total));
    }

    /// <summary>The issued reductions of the exported titres, summed per original (a few rows: only titres that were reduced).</summary>
    private async Task<Dictionary<int, Montant>> EtatsAsync(Perimetre perimetre, CancellationToken annulation)
    {
        var originaux = db.TitresRecette.Where(t => t.Statut == StatutTitre.Emis && t.Nature == NatureTitre.Ordinaire);
        originaux = perimetre.BordereauId is { } bordereau ? originaux.Where(t => t.BordereauId == bordereau) : originaux.Where(t => t.Exercice == perimetre.Exercice);
        var reductions = await db.TitresRecette.AsNoTracking()
            .Where(r => r.TitreOrigineId != null && r.Statut == StatutTitre.Emis && originaux.Any(o => o.Id == r.TitreOrigineId))
            .Select(r => new { Origine = r.TitreOrigineId!.Value, r.Total }).ToListAsync(annulation);
        return reductions.GroupBy(r => r.Origine).ToDictionary(g => g.Key, g => g.Aggregate(Montant.Zero, (s, r) => s + r.Total));
    }

    private static string Etat(LigneExport l, Dictionary<int, Montant> reductions)
    {
        if (l.Nature == NatureTitre.AnnulationReduction || !reductions.TryGetValue(l.TitreId, out var reduit) || reduit.Euros <= 0)
        {
            return EtatTitre.Emis.Libelle();
        }

        return (reduit.Euros >= l.Total.Euros ? EtatTitre.Annule : EtatTitre.Reduit).Libelle();
    }

    private static string Nature(NatureTitre nature) => nature == NatureTitre.Ordinaire ? "Titre de recette" : "Annulation / réduction";

    private sealed record Perimetre(int Exercice, int? BordereauId, int? BordereauNumero)
    {
        public string NomFichier(string extension) =>
            NomDeFichier.Nettoyer(BordereauNumero is { } n ? $"titres-{Exercice}-bordereau-{n}.{extension}" : $"titres-{Exercice}.{extension}");
    }

    private sealed record LigneExport(int TitreId, int Exercice, string Budget, int? Bordereau, int? Numero, NatureTitre Nature, DateOnly? EmisLe, string DebiteurNom,
        string Siren, string? Insee, string Libelle, string? CompteNature, string? Fonction, Montant Montant, Montant Total);

    /// <summary>A row of the XLSX: its column headers, amounts numeric with « # ##0,00 », dates as dates.</summary>
    public sealed class LigneXlsx
    {
        [ExcelColumn(Name = "Exercice")]
        public int Exercice { get; init; }

        [ExcelColumn(Name = "Budget")]
        public string Budget { get; init; } = string.Empty;

        [ExcelColumn(Name = "Bordereau")]
        public int? Bordereau { get; init; }

        [ExcelColumn(Name = "N° titre")]
        public int? Numero { get; init; }

        [ExcelColumn(Name = "Nature")]
        public string Nature { get; init; } = string.Empty;

        [ExcelColumn(Name = "Date d'émission", Format = "dd/mm/yyyy")]
        public DateTime? EmisLe { get; init; }

        [ExcelColumn(Name = "Débiteur")]
        public string Debiteur { get; init; } = string.Empty;

        [ExcelColumn(Name = "SIREN")]
        public string Siren { get; init; } = string.Empty;

        [ExcelColumn(Name = "Code INSEE")]
        public string? Insee { get; init; }

        [ExcelColumn(Name = "Libellé de la ligne")]
        public string Libelle { get; init; } = string.Empty;

        [ExcelColumn(Name = "Compte nature")]
        public string? CompteNature { get; init; }

        [ExcelColumn(Name = "Fonction")]
        public string? Fonction { get; init; }

        [ExcelColumn(Name = "Montant de la ligne", Format = "#,##0.00")]
        public decimal Montant { get; init; }

        [ExcelColumn(Name = "Total du titre", Format = "#,##0.00")]
        public decimal Total { get; init; }

        [ExcelColumn(Name = "État")]
        public string Etat { get; init; } = string.Empty;
    }
}
