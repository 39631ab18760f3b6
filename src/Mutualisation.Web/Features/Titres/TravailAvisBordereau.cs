using Mutualisation.Persistence;
using Mutualisation.Persistence.Titres;
using Mutualisation.Web.Features.Travaux;
using Mutualisation.Web.Infrastructure;

namespace Mutualisation.Web.Features.Titres;

/// <summary>What the job producing a bordereau's missing avis receives.</summary>
public sealed record ParametresBordereau(int BordereauId);

/// <summary>
/// Produces in the background the avis des sommes à payer a bordereau still lacks (ADR 0026): after an issue whose
/// process stopped before its avis were all stored. Resumable: it only ever produces what is missing.
/// </summary>
public sealed class TravailAvisBordereau(MutualisationDbContext db, TimeProvider horloge) : ITravail
{
    public const string Genre = "avis-bordereau";

    public bool Reprenable => true;

    public async Task ExecuterAsync(ContexteTravail contexte, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contexte);
        var id = contexte.Parametres<ParametresBordereau>().BordereauId;
        var produits = await new ProductionAvis(db).ProduireAsync(db.TitresRecette.Where(t => t.BordereauId == id), AvisSommesAPayerPdf.Produire, horloge.GetUtcNow(),
            (fait, total) => contexte.ProgresserAsync(fait, total, $"Avis des sommes à payer : {FormatFr.Entier(fait)} sur {FormatFr.Entier(total)}.", annulation), annulation);
        contexte.MessageFinal = $"{FormatFr.Entier(produits)} avis des sommes à payer produit(s) pour le bordereau.";
    }
}
