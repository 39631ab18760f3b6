namespace Mutualisation.Domain.Titres;

/// <summary>
/// The avis des sommes à payer of an issued titre (or the notice of a titre d'annulation / réduction): the PDF the debtor
/// receives, produced once from the issued titre and stored with its SHA-256, so that every download returns the same
/// bytes. It is written after the issue that numbered the titre, in its own transaction (ADR 0026): a large campaign
/// is issued in seconds and its avis follow, slice by slice, resumable. Never changed or deleted (the database refuses).
/// </summary>
public sealed class AvisTitre
{
    public int TitreId { get; private set; }

    public byte[] Pdf { get; private set; } = [];

    /// <summary>SHA-256 of <see cref="Pdf"/>, lower-case hexadecimal.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    public DateTimeOffset ProduitLe { get; private set; }

    private AvisTitre()
    {
    }

    /// <summary>The avis of <paramref name="titre"/>, rendered by <paramref name="produire"/> from the issued titre (number, date, signatory set).</summary>
    public static AvisTitre Produire(TitreDeRecette titre, Func<TitreDeRecette, byte[]> produire, DateTimeOffset quand)
    {
        ArgumentNullException.ThrowIfNull(titre);
        ArgumentNullException.ThrowIfNull(produire);
        if (titre.Statut != StatutTitre.Emis || titre.Id == 0)
        {
            throw new InvalidOperationException("Un avis des sommes à payer ne se produit que pour un titre émis et enregistré.");
        }

        var pdf = produire(titre);
        return new AvisTitre
        {
            TitreId = titre.Id,
            Pdf = pdf,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)),
            ProduitLe = quand.ToUniversalTime(),
        };
    }
}
