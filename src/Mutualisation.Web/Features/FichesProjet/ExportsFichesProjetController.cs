using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using Mutualisation.Domain.Commun;
using Mutualisation.Domain.FichesProjet;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.FichesProjet;

/// <summary>
/// Exports of the fiches projet for the EPCI's staff (issue 11), with the list page's state filter: one row per fiche with
/// its commune, state, cost estimate by heading, external funding, the duration the DSI estimates and the COPIL's decision.
/// Written like the titres' exports (<c>ExportsTitresController</c>): CSV « ; », UTF-8 with BOM, French decimals without
/// thousands separator, dates 31/12/2026; XLSX with numeric amounts and real dates. Nothing the commune may not read
/// (no DSI opinion, no suggestion) is in it. A Mairie user gets 403 (finance reads the fiches, as on the list page).
/// </summary>
[Authorize(Policy = Autorisations.Intercommunale)]
[Route("fiches-projet")]
public sealed class ExportsFichesProjetController(MutualisationDbContext db, TimeProvider horloge) : Controller
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    public static readonly IReadOnlyList<string> EnTetes =
    [
        "N° fiche", "Commune", "Code INSEE", "Projet", "État", "Mutualisable", "Déposée le", "Coût informatique", "Coût organisation", "Coût formation",
        "Dépenses associées", "Coût global", "Financement extérieur", "Montant du financement extérieur", "Durée estimée (mois)", "Décision",
        "Décidée le", "Motivation", "Année au schéma directeur",
    ];

    [HttpGet("export.csv")]
    public async Task<IActionResult> Csv([FromQuery] string? etat, CancellationToken annulation)
    {
        if (!Filtre(etat, out var filtre))
        {
            return BadRequest();
        }

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = NomFichier(filtre, "csv") }.ToString();
        var options = new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true, FormatProvider = Fr, Injection = CsvInjection.Escape };
        await using var csv = CsvWriter.Create(Response.Body, options, leaveOpen: true);
        csv.WriteHeader(EnTetes.ToArray());
        await foreach (var l in Lignes(filtre).AsAsyncEnumerable().WithCancellation(annulation))
        {
            csv.WriteField(l.Numero);
            csv.WriteField(l.Commune);
            csv.WriteField(l.Insee.Valeur);
            csv.WriteField(l.Titre);
            csv.WriteField(l.Etat.Libelle());
            csv.WriteField(l.Mutualisable ? "Oui" : "Non");
            csv.WriteField(l.DeposeeLe is { } depot ? depot.ToString("dd/MM/yyyy", Fr) : null);
            Montant(csv, l.Informatique);
            Montant(csv, l.Organisation);
            Montant(csv, l.Formation);
            Montant(csv, l.Associees);
            Montant(csv, l.Global);
            csv.WriteField(l.Financement);
            Montant(csv, l.MontantFinancement);
            csv.WriteField(l.DureeEstimeeMois, default);
            csv.WriteField(Libelle(l.Decision));
            csv.WriteField(l.DecideeLe is { } decision ? decision.ToString("dd/MM/yyyy", Fr) : null);
            csv.WriteField(l.Motivation);
            csv.WriteField(l.AnneeSchemaDirecteur, default);
            await csv.EndRecordAsync(annulation);
        }

        await csv.FlushAsync(annulation);
        return new EmptyResult();
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> Xlsx([FromQuery] string? etat, CancellationToken annulation)
    {
        if (!Filtre(etat, out var filtre))
        {
            return BadRequest();
        }

        var lignes = Lignes(filtre).AsEnumerable().Select(l => new LigneXlsx
        {
            Numero = l.Numero,
            Commune = l.Commune,
            Insee = l.Insee.Valeur,
            Titre = l.Titre,
            Etat = l.Etat.Libelle(),
            Mutualisable = l.Mutualisable ? "Oui" : "Non",
            DeposeeLe = l.DeposeeLe?.ToDateTime(TimeOnly.MinValue),
            Informatique = l.Informatique?.Euros,
            Organisation = l.Organisation?.Euros,
            Formation = l.Formation?.Euros,
            Associees = l.Associees?.Euros,
            Global = l.Global.Euros,
            Financement = l.Financement,
            MontantFinancement = l.MontantFinancement?.Euros,
            DureeEstimeeMois = l.DureeEstimeeMois,
            Decision = Libelle(l.Decision),
            DecideeLe = l.DecideeLe?.ToDateTime(TimeOnly.MinValue),
            Motivation = l.Motivation,
            AnneeSchemaDirecteur = l.AnneeSchemaDirecteur,
        });

        // A temporary file deleted when the response closes it, as for the titres: the workbook never sits whole in memory.
        var fichier = new FileStream(Path.Combine(Path.GetTempPath(), $"export-fiches-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await fichier.SaveAsAsync(lignes, sheetName: "Fiches projet", excelType: ExcelType.XLSX, cancellationToken: annulation);
            fichier.Position = 0;
            return File(fichier, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", NomFichier(filtre, "xlsx"));
        }
        catch
        {
            await fichier.DisposeAsync();
            throw;
        }
    }

    /// <summary>The state asked for, by its name as the list page's filter sends it (« Deposee »); empty: every state.</summary>
    private static bool Filtre(string? etat, out EtatFiche? filtre)
    {
        filtre = null;
        if (string.IsNullOrEmpty(etat))
        {
            return true;
        }

        var nom = Enum.GetNames<EtatFiche>().FirstOrDefault(n => string.Equals(n, etat, StringComparison.Ordinal));
        filtre = nom is null ? null : Enum.Parse<EtatFiche>(nom);
        return nom is not null;
    }

    private string NomFichier(EtatFiche? filtre, string extension) =>
        NomDeFichier.Nettoyer($"fiches-projet{(filtre is { } e ? "-" + e.ToString().ToLowerInvariant() : "")}-{horloge.AujourdHui():yyyy-MM-dd}.{extension}");

    /// <summary>Submitted fiches by number, drafts (no number yet) after them.</summary>
    private IQueryable<LigneExport> Lignes(EtatFiche? filtre)
    {
        var fiches = db.FichesProjet.AsNoTracking();
        if (filtre is { } e)
        {
            fiches = fiches.Where(f => f.Etat == e);
        }

        return fiches
            .Join(db.Membres.AsNoTracking(), f => f.MembreId, m => m.Id, (f, m) => new { f, m.Nom, m.CodeInsee })
            .OrderBy(x => x.f.Numero == null).ThenBy(x => x.f.Numero).ThenBy(x => x.f.Id)
            .Select(x => new LigneExport(x.f.Numero, x.Nom, x.CodeInsee, x.f.Titre, x.f.Etat, x.f.Mutualisable, x.f.DeposeeLe,
                x.f.Contenu.CoutInformatique, x.f.Contenu.CoutOrganisation, x.f.Contenu.CoutFormation, x.f.Contenu.DepensesAssociees,
                x.f.Contenu.FinancementExterieur, x.f.Contenu.MontantFinancementExterieur, x.f.DureeEstimeeMois, x.f.Decision, x.f.DecideeLe,
                x.f.Motivation, x.f.AnneeSchemaDirecteur));
    }

    private static void Montant(CsvWriter csv, Montant? montant)
    {
        if (montant is { } m)
        {
            csv.WriteField(m.Euros, "0.00", Fr);
        }
        else
        {
            csv.WriteField((string?)null);
        }
    }

    private static string? Libelle(DecisionCopil? decision) => decision switch
    {
        null => null,
        DecisionCopil.Acceptee => "Acceptée",
        DecisionCopil.Refusee => "Refusée",
        _ => "Ajournée",
    };

    private sealed record LigneExport(string? Numero, string Commune, InseeCode Insee, string Titre, EtatFiche Etat, bool Mutualisable, DateOnly? DeposeeLe,
        Montant? Informatique, Montant? Organisation, Montant? Formation, Montant? Associees, string? Financement, Montant? MontantFinancement,
        int? DureeEstimeeMois, DecisionCopil? Decision, DateOnly? DecideeLe, string? Motivation, int? AnneeSchemaDirecteur)
    {
        public Montant Global => new ContenuFiche { CoutInformatique = Informatique, CoutOrganisation = Organisation, CoutFormation = Formation, DepensesAssociees = Associees }.CoutGlobal;
    }

    /// <summary>A row of the XLSX: its column headers (those of the CSV), amounts numeric with « # ##0,00 », dates as dates.</summary>
    public sealed class LigneXlsx
    {
        [ExcelColumn(Name = "N° fiche")]
        public string? Numero { get; init; }

        [ExcelColumn(Name = "Commune")]
        public string Commune { get; init; } = string.Empty;

        [ExcelColumn(Name = "Code INSEE")]
        public string Insee { get; init; } = string.Empty;

        [ExcelColumn(Name = "Projet")]
        public string Titre { get; init; } = string.Empty;

        [ExcelColumn(Name = "État")]
        public string Etat { get; init; } = string.Empty;

        [ExcelColumn(Name = "Mutualisable")]
        public string Mutualisable { get; init; } = string.Empty;

        [ExcelColumn(Name = "Déposée le", Format = "dd/mm/yyyy")]
        public DateTime? DeposeeLe { get; init; }

        [ExcelColumn(Name = "Coût informatique", Format = "#,##0.00")]
        public decimal? Informatique { get; init; }

        [ExcelColumn(Name = "Coût organisation", Format = "#,##0.00")]
        public decimal? Organisation { get; init; }

        [ExcelColumn(Name = "Coût formation", Format = "#,##0.00")]
        public decimal? Formation { get; init; }

        [ExcelColumn(Name = "Dépenses associées", Format = "#,##0.00")]
        public decimal? Associees { get; init; }

        [ExcelColumn(Name = "Coût global", Format = "#,##0.00")]
        public decimal Global { get; init; }

        [ExcelColumn(Name = "Financement extérieur")]
        public string? Financement { get; init; }

        [ExcelColumn(Name = "Montant du financement extérieur", Format = "#,##0.00")]
        public decimal? MontantFinancement { get; init; }

        [ExcelColumn(Name = "Durée estimée (mois)")]
        public int? DureeEstimeeMois { get; init; }

        [ExcelColumn(Name = "Décision")]
        public string? Decision { get; init; }

        [ExcelColumn(Name = "Décidée le", Format = "dd/mm/yyyy")]
        public DateTime? DecideeLe { get; init; }

        [ExcelColumn(Name = "Motivation")]
        public string? Motivation { get; init; }

        [ExcelColumn(Name = "Année au schéma directeur")]
        public int? AnneeSchemaDirecteur { get; init; }
    }
}
