using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>Read-only titres API: EPCI staff read every titre, a Mairie user only her commune's issued titres (another's answers 404).</summary>
[ApiController]
[Authorize(Policy = Autorisations.Connecte)]
[Route("api/v1/titres")]
public sealed class ApiTitresController(MutualisationDbContext db) : ControllerBase
{
    /// <summary>Titres de recette d'un exercice, dans l'ordre de leur numéro (brouillons à la fin).</summary>
    /// <remarks>Chaque titre : identifiant, numéro dans la série continue de l'exercice et du budget (absent pour un brouillon),
    /// code INSEE et nom du membre débiteur, total en euros, statut (<c>brouillon</c>, <c>emis</c>, <c>reduit</c>, <c>annule</c> : un titre émis
    /// dont des titres d'annulation / réduction ont été émis), nature (<c>titre</c> ou <c>annulation-reduction</c>), numéro du bordereau et date
    /// d'émission (AAAA-MM-JJ). Une mairie ne voit que les titres émis de sa commune.</remarks>
    /// <param name="exercice">Exercice comptable des titres (année d'émission), par exemple 2026.</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet]
    [ProducesResponseType<IReadOnlyList<TitreApi>>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<IReadOnlyList<TitreApi>>> Lister([FromQuery] int? exercice, CancellationToken annulation)
    {
        if (exercice is not (>= 2000 and <= 2100))
        {
            return Problem(title: "Paramètre exercice invalide", detail: "Indiquez l'exercice, une année entre 2000 et 2100 (par exemple ?exercice=2026).", statusCode: StatusCodes.Status400BadRequest);
        }

        var lignes = await TitresLisibles.Pour(db, User).AsNoTracking().Where(t => t.Exercice == exercice)
            .Join(db.Membres.AsNoTracking(), t => t.MembreId, m => m.Id, (t, m) => new { t, m.CodeInsee, m.Nom })
            .OrderBy(x => x.t.Numero == null).ThenBy(x => x.t.Numero).ThenBy(x => x.t.Id)
            .Select(x => new { x.t.Id, x.t.Numero, x.CodeInsee, x.Nom, x.t.Total, x.t.Statut, x.t.Nature, x.t.BordereauNumero, x.t.EmisLe, x.t.Budget })
            .ToListAsync(annulation);
        var reductions = await TitresLisibles.ReductionsAsync(db, lignes.Select(l => l.Id).ToList(), annulation);
        return lignes.Select(l => new TitreApi(l.Id, l.Numero, l.CodeInsee.Valeur, l.Nom, l.Total.Euros,
            Code(l.Statut == StatutTitre.Brouillon ? EtatTitre.Brouillon
                : !reductions.TryGetValue(l.Id, out var r) || r.Euros <= 0 ? EtatTitre.Emis
                : r.Euros >= l.Total.Euros ? EtatTitre.Annule : EtatTitre.Reduit),
            Code(l.Nature), l.BordereauNumero, l.EmisLe, l.Budget)).ToList();
    }

    /// <summary>Un titre de recette avec ses lignes et leurs bases de liquidation.</summary>
    /// <remarks>Lignes dans l'ordre du titre : libellé, bases de liquidation (population et millésime, tranche, taux, quantité, prorata, déduction…),
    /// montant en euros, imputation (compte par nature et fonction, une fois le titre émis). Pour un titre d'annulation / réduction : le numéro du
    /// titre d'origine et le motif.</remarks>
    /// <param name="id">Identifiant du titre.</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet("{id:int}")]
    [ProducesResponseType<DetailTitreApi>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<ActionResult<DetailTitreApi>> Detail(int id, CancellationToken annulation)
    {
        var titre = await TitresLisibles.Pour(db, User).AsNoTracking().Include(t => t.Lignes).FirstOrDefaultAsync(t => t.Id == id, annulation);
        if (titre is null)
        {
            return NotFound();
        }

        var insee = await db.Membres.AsNoTracking().Where(m => m.Id == titre.MembreId).Select(m => m.CodeInsee).FirstAsync(annulation);
        var reduit = (await TitresLisibles.ReductionsAsync(db, [id], annulation)).GetValueOrDefault(id);
        var sha256 = await db.AvisTitres.AsNoTracking().Where(a => a.TitreId == id).Select(a => a.Sha256).FirstOrDefaultAsync(annulation);
        return new DetailTitreApi(titre.Id, titre.Numero, titre.Exercice, titre.ExerciceFacture, titre.Budget, insee.Valeur, titre.DebiteurNom, titre.Objet, titre.Fondement,
            titre.Total.Euros, Code(titre.Etat(reduit)), Code(titre.Nature), titre.BordereauNumero, titre.EmisLe, titre.TitreOrigineNumero, titre.Motif, sha256,
            titre.Lignes.OrderBy(l => l.Ordre).Select(l => new LigneTitreApi(l.Libelle, l.Bases, l.Montant.Euros, l.CodeService, l.CompteNature, l.Fonction)).ToList());
    }

    /// <summary>L'avis des sommes à payer du titre (PDF), octet pour octet celui produit à l'émission.</summary>
    /// <remarks>Un brouillon n'a pas d'avis (404), ni un titre dont l'avis est encore en cours de production (404, quelques secondes à quelques minutes après l'émission d'une campagne). L'empreinte SHA-256 du fichier est donnée par le détail du titre (<c>pdfSha256</c>).</remarks>
    /// <param name="id">Identifiant du titre.</param>
    /// <param name="annulation">Request abort.</param>
    [HttpGet("{id:int}/pdf")]
    [Produces("application/pdf")]
    [ProducesResponseType<FileContentResult>(StatusCodes.Status200OK, "application/pdf")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    public async Task<IActionResult> Pdf(int id, CancellationToken annulation)
    {
        return await TitresLisibles.AvisAsync(db, User, id, annulation) is { } avis ? File(avis.Pdf, "application/pdf", avis.Nom) : NotFound();
    }

    public static string Code(EtatTitre etat) => etat switch
    {
        EtatTitre.Brouillon => "brouillon",
        EtatTitre.Emis => "emis",
        EtatTitre.Reduit => "reduit",
        _ => "annule",
    };

    public static string Code(NatureTitre nature) => nature == NatureTitre.Ordinaire ? "titre" : "annulation-reduction";
}

/// <summary>A titre in the list.</summary>
/// <param name="Id">Identifiant du titre.</param>
/// <param name="Numero">Numéro dans la série de l'exercice et du budget (null pour un brouillon).</param>
/// <param name="InseeCode">Code INSEE du membre débiteur.</param>
/// <param name="Membre">Nom du membre débiteur.</param>
/// <param name="Total">Total en euros.</param>
/// <param name="Statut">brouillon, emis, reduit ou annule.</param>
/// <param name="Nature">titre ou annulation-reduction.</param>
/// <param name="Bordereau">Numéro du bordereau.</param>
/// <param name="EmisLe">Date d'émission.</param>
/// <param name="Budget">Code du budget.</param>
public sealed record TitreApi(int Id, int? Numero, string InseeCode, string Membre, decimal Total, string Statut, string Nature, int? Bordereau, DateOnly? EmisLe, string Budget);

/// <summary>A titre with its lines.</summary>
/// <param name="Id">Identifiant du titre.</param>
/// <param name="Numero">Numéro dans la série.</param>
/// <param name="Exercice">Exercice comptable (année d'émission).</param>
/// <param name="ExerciceFacture">Exercice des prestations facturées.</param>
/// <param name="Budget">Code du budget.</param>
/// <param name="InseeCode">Code INSEE du débiteur.</param>
/// <param name="Debiteur">Nom du débiteur.</param>
/// <param name="Objet">Nature de la créance.</param>
/// <param name="Fondement">Fondement de la créance (convention, délibération, catalogue).</param>
/// <param name="Total">Total en euros.</param>
/// <param name="Statut">brouillon, emis, reduit ou annule.</param>
/// <param name="Nature">titre ou annulation-reduction.</param>
/// <param name="Bordereau">Numéro du bordereau.</param>
/// <param name="EmisLe">Date d'émission.</param>
/// <param name="TitreOrigine">Numéro du titre réduit ou annulé.</param>
/// <param name="Motif">Motif de l'annulation ou de la réduction.</param>
/// <param name="PdfSha256">Empreinte SHA-256 de l'avis des sommes à payer.</param>
/// <param name="Lignes">Lignes du titre.</param>
public sealed record DetailTitreApi(int Id, int? Numero, int Exercice, int ExerciceFacture, string Budget, string InseeCode, string Debiteur, string Objet, string Fondement,
    decimal Total, string Statut, string Nature, int? Bordereau, DateOnly? EmisLe, int? TitreOrigine, string? Motif, string? PdfSha256, IReadOnlyList<LigneTitreApi> Lignes);

/// <summary>A line of a titre.</summary>
/// <param name="Libelle">Libellé de la ligne.</param>
/// <param name="Bases">Bases de liquidation.</param>
/// <param name="Montant">Montant en euros.</param>
/// <param name="CodeService">Code du service du catalogue.</param>
/// <param name="CompteNature">Compte par nature.</param>
/// <param name="Fonction">Fonction.</param>
public sealed record LigneTitreApi(string Libelle, string Bases, decimal Montant, string? CodeService, string? CompteNature, string? Fonction);
