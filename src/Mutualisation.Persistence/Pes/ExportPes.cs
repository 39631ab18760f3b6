namespace Mutualisation.Persistence.Pes;

/// <summary>
/// The PES V2 file of one bordereau of titres, produced once (ADR 0025) and kept with its SHA-256: every download
/// returns these bytes. The file itself is stored in <see cref="MorceauExportPes"/> slices (it carries every avis as a
/// pièce justificative, so it can outgrow what one column holds).
/// </summary>
public sealed class ExportPes
{
    public const int TailleMorceau = 1024 * 1024;

    public int Id { get; set; }

    public int BordereauId { get; set; }

    public string NomFichier { get; set; } = string.Empty;

    public long Taille { get; set; }

    public string Sha256 { get; set; } = string.Empty;

    public int NombreTitres { get; set; }

    public DateTimeOffset ProduitLe { get; set; }

    public string? ProduitParId { get; set; }

    public string ProduitParNom { get; set; } = string.Empty;

    public List<BordereauPes> Bordereaux { get; set; } = [];
}

/// <summary>
/// One <c>Bordereau</c> of a PES file: its <c>TypBord</c> (01 ordinary, 02 annulation / réduction) and its <c>IdBord</c>,
/// taken in the series of its exercice, budget and type when the file was produced (unique, no gap).
/// </summary>
public sealed class BordereauPes
{
    public int Id { get; set; }

    public int ExportPesId { get; set; }

    public int Exercice { get; set; }

    public string Budget { get; set; } = string.Empty;

    public string TypBord { get; set; } = string.Empty;

    public int IdBord { get; set; }

    public int NombrePieces { get; set; }

    public decimal MontantHt { get; set; }
}

/// <summary>One slice (at most <see cref="ExportPes.TailleMorceau"/> bytes) of a stored PES file, in order.</summary>
public sealed class MorceauExportPes
{
    public int Id { get; set; }

    public int ExportPesId { get; set; }

    public int Ordre { get; set; }

    public byte[] Contenu { get; set; } = [];
}
