using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Mutualisation.Web.Features.Pes;

/// <summary>The envelope and header of a PES_Aller file (<c>Enveloppe</c>, <c>EnTetePES</c>).</summary>
public sealed record EnTetePes(string NomFichier, string Editeur, string Logiciel, DateOnly DateStructure, string IdPost, string IdColl, string CodCol, string CodBud,
    string? LibelleBudget);

/// <summary>One <c>Bordereau</c> of the <c>PES_RecetteAller</c>: its type, number, date and pieces.</summary>
public sealed record BordereauFlux(int Exercice, int IdBord, DateOnly EmisLe, string TypBord, IReadOnlyList<PieceFlux> Pieces)
{
    public decimal MontantHt => Pieces.Sum(p => p.MontantHt);
}

/// <summary>One <c>Piece</c> (a titre): number, type and nature, object, lines, debtor, the titre it reduces, its pièces justificatives.</summary>
public sealed record PieceFlux(int IdPce, string TypPce, string NatPce, string? Edition, string Objet, IReadOnlyList<LigneFlux> Lignes, TiersFlux Tiers,
    RattachementFlux? Rattachement, IReadOnlyList<PjFlux> Pjs)
{
    public decimal MontantHt => Lignes.Sum(l => l.MontantHt);
}

/// <summary>One <c>LigneDePiece</c>: its object (the bases de liquidation), product code, imputation and amount (strictly positive).</summary>
public sealed record LigneFlux(string Objet, string CodProdLoc, string Nature, string? Fonction, decimal MontantHt);

/// <summary>The debtor (<c>Tiers</c>): SIREN, local reference, category, name and postal address.</summary>
public sealed record TiersFlux(string Siren, string Reference, string CatTiers, string Nom, string AdresseLigne, string CodePostal, string Ville);

/// <summary>The titre a titre d'annulation / réduction reduces (<c>RattachPiece</c>).</summary>
public sealed record RattachementFlux(int Exercice, int IdPce);

/// <summary>
/// A pièce justificative: its unique id (shared by <c>PJRef</c> and <c>PES_PJ</c>), file name, description and type;
/// where its bytes are: the avis of titre <paramref name="NumeroTitre"/>, or the stored pièce <paramref name="PieceId"/>.
/// </summary>
public sealed record PjFlux(string IdUnique, string NomFichier, string Description, string TypeMime, int NumeroTitre, int? PieceId);

/// <summary>
/// Writes a PES_Aller file carrying a <c>PES_RecetteAller</c> and its <c>PES_PJ</c>, as the DGFiP's schemas v5.12 and
/// their documentation ask (mapping in <c>docs/pes-v2.md</c>): ISO-8859-1, the values in <c>@V</c>, no namespace on the
/// children, amounts with two decimals, every text made of Latin-1 characters and cut to its length. The writing is a
/// stream: the caller gives the pièces justificatives one at a time (<see cref="EcrirePj"/>), so memory does not grow
/// with the bordereau. The same input always gives the same bytes.
/// </summary>
public sealed class FluxPesAller : IDisposable
{
    private readonly XmlWriter ecrivain;
    private bool pjOuvertes;

    public FluxPesAller(Stream sortie)
    {
        ecrivain = XmlWriter.Create(sortie, new XmlWriterSettings
        {
            Encoding = Encoding.Latin1,
            Indent = true,
            IndentChars = " ",
            NewLineChars = "\n",
            CloseOutput = false,
        });
    }

    /// <summary>Writes the envelope, the header and the recette part with every bordereau and piece, up to the pièces justificatives.</summary>
    public void EcrireRecette(EnTetePes entete, IReadOnlyList<BordereauFlux> bordereaux)
    {
        ArgumentNullException.ThrowIfNull(entete);
        ArgumentNullException.ThrowIfNull(bordereaux);
        ecrivain.WriteStartDocument();
        ecrivain.WriteStartElement("n", "PES_Aller", SchemasPes.EspaceAller);
        ecrivain.WriteAttributeString("Id", entete.NomFichier);

        ecrivain.WriteStartElement("Enveloppe");
        ecrivain.WriteStartElement("Parametres");
        Valeur("Version", "2");
        Valeur("TypFic", "PESALR1");
        Valeur("NomFic", TextePes.Libre(entete.NomFichier, 100));
        ecrivain.WriteEndElement();
        ecrivain.WriteStartElement("Emetteur");
        Valeur("Sigle", TextePes.Libre(entete.Editeur, 32));
        Valeur("Adresse", TextePes.Libre(entete.Logiciel, 38));
        ecrivain.WriteEndElement();
        ecrivain.WriteEndElement();

        ecrivain.WriteStartElement("EnTetePES");
        Valeur("DteStr", Date(entete.DateStructure));
        Valeur("IdPost", entete.IdPost);
        Valeur("IdColl", entete.IdColl);
        Valeur("CodCol", entete.CodCol);
        Valeur("CodBud", entete.CodBud);
        if (!string.IsNullOrWhiteSpace(entete.LibelleBudget))
        {
            Valeur("LibelleColBud", TextePes.Postal(entete.LibelleBudget, 38));
        }

        ecrivain.WriteEndElement();

        ecrivain.WriteStartElement("PES_RecetteAller");
        ecrivain.WriteStartElement("EnTeteRecette");
        Valeur("IdVer", "2");
        Valeur("InfoDematerialisee", "0");
        ecrivain.WriteEndElement();
        foreach (var bordereau in bordereaux)
        {
            EcrireBordereau(bordereau);
        }

        ecrivain.WriteEndElement();
    }

    /// <summary>Writes one pièce justificative: the file compressed with gzip then in base64, as <c>PES_PJ</c> asks.</summary>
    public void EcrirePj(PjFlux pj, ReadOnlySpan<byte> contenu)
    {
        ArgumentNullException.ThrowIfNull(pj);
        if (!pjOuvertes)
        {
            ecrivain.WriteStartElement("PES_PJ");
            ecrivain.WriteStartElement("EnTetePES_PJ");
            Valeur("IdVer", "1");
            ecrivain.WriteEndElement();
            pjOuvertes = true;
        }

        ecrivain.WriteStartElement("PJ");
        ecrivain.WriteStartElement("Contenu");
        ecrivain.WriteStartElement("Fichier");
        ecrivain.WriteAttributeString("MIMEType", pj.TypeMime);
        var gzip = Compresser(contenu);
        ecrivain.WriteBase64(gzip, 0, gzip.Length);
        ecrivain.WriteEndElement();
        ecrivain.WriteEndElement();
        Valeur("IdUnique", pj.IdUnique);
        Valeur("NomPJ", pj.NomFichier);
        Valeur("Description", TextePes.Libre(pj.Description, 250));
        ecrivain.WriteEndElement();
    }

    /// <summary>Closes the pièces justificatives (if any) and the document.</summary>
    public void Terminer()
    {
        if (pjOuvertes)
        {
            ecrivain.WriteEndElement();
        }

        ecrivain.WriteEndElement();
        ecrivain.WriteEndDocument();
        ecrivain.Flush();
    }

    public void Dispose() => ecrivain.Dispose();

    /// <summary>An amount as PES writes it: point, two decimals, no thousands separator.</summary>
    public static string Montant(decimal euros) => euros.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly jour) => jour.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static byte[] Compresser(ReadOnlySpan<byte> contenu)
    {
        using var memoire = new MemoryStream(contenu.Length + 256);
        using (var gzip = new GZipStream(memoire, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(contenu);
        }

        return memoire.ToArray();
    }

    private void EcrireBordereau(BordereauFlux bordereau)
    {
        ecrivain.WriteStartElement("Bordereau");
        ecrivain.WriteStartElement("BlocBordereau");
        Valeur("Exer", bordereau.Exercice.ToString(CultureInfo.InvariantCulture));
        Valeur("IdBord", bordereau.IdBord.ToString(CultureInfo.InvariantCulture));
        Valeur("DteBordEm", Date(bordereau.EmisLe));
        Valeur("TypBord", bordereau.TypBord);
        Valeur("NbrPce", bordereau.Pieces.Count.ToString(CultureInfo.InvariantCulture));
        Valeur("MtBordHt", Montant(bordereau.MontantHt));
        ecrivain.WriteEndElement();
        foreach (var piece in bordereau.Pieces)
        {
            EcrirePiece(piece);
        }

        ecrivain.WriteEndElement();
    }

    private void EcrirePiece(PieceFlux piece)
    {
        ecrivain.WriteStartElement("Piece");
        ecrivain.WriteStartElement("BlocPiece");
        Valeur("IdPce", piece.IdPce.ToString(CultureInfo.InvariantCulture));
        Valeur("TypPce", piece.TypPce);
        Valeur("NatPce", piece.NatPce);
        if (piece.Edition is not null)
        {
            Valeur("Edition", piece.Edition);
        }

        Valeur("ObjPce", TextePes.Libre(piece.Objet, 160));
        foreach (var pj in piece.Pjs)
        {
            ecrivain.WriteStartElement("PJRef");
            Valeur("Support", "01");
            Valeur("IdUnique", pj.IdUnique);
            Valeur("NomPJ", pj.NomFichier);
            ecrivain.WriteEndElement();
        }

        ecrivain.WriteEndElement();
        var numero = 0;
        foreach (var ligne in piece.Lignes)
        {
            numero++;
            ecrivain.WriteStartElement("LigneDePiece");
            ecrivain.WriteStartElement("BlocLignePiece");
            ecrivain.WriteStartElement("InfoLignePiece");
            Valeur("IdLigne", numero.ToString(CultureInfo.InvariantCulture));
            Valeur("ObjLignePce", TextePes.Libre(ligne.Objet, 160));
            Valeur("CodProdLoc", ligne.CodProdLoc);
            Valeur("Nature", ligne.Nature);
            if (!string.IsNullOrEmpty(ligne.Fonction))
            {
                Valeur("Fonction", ligne.Fonction);
            }

            Valeur("Majo", "0");
            Valeur("TvaIntraCom", "0");
            Valeur("MtHT", Montant(ligne.MontantHt));
            ecrivain.WriteEndElement();
            if (piece.Rattachement is { } r)
            {
                ecrivain.WriteStartElement("RattachPiece");
                Valeur("NatPceOrig", "01");
                Valeur("ExerRat", r.Exercice.ToString(CultureInfo.InvariantCulture));
                Valeur("IdPceOrig", r.IdPce.ToString(CultureInfo.InvariantCulture));
                Valeur("IdLigneOrig", "1");
                ecrivain.WriteEndElement();
            }

            ecrivain.WriteEndElement();
            EcrireTiers(piece.Tiers);
            ecrivain.WriteEndElement();
        }

        ecrivain.WriteEndElement();
    }

    private void EcrireTiers(TiersFlux tiers)
    {
        ecrivain.WriteStartElement("Tiers");
        ecrivain.WriteStartElement("InfoTiers");
        Valeur("IdTiers", tiers.Siren);
        Valeur("NatIdTiers", "02");
        Valeur("RefTiers", TextePes.Libre(tiers.Reference, 30));
        Valeur("CatTiers", tiers.CatTiers);
        Valeur("NatJur", "09");
        Valeur("TypTiers", "01");
        var (nom, complement) = TextePes.Repartir(TextePes.Postal(tiers.Nom, 76), 38);
        Valeur("Nom", nom);
        if (complement is not null)
        {
            Valeur("ComplNom", complement);
        }

        ecrivain.WriteEndElement();
        ecrivain.WriteStartElement("Adresse");
        Valeur("TypAdr", "1");
        var (voie, suite) = TextePes.Repartir(TextePes.Postal(tiers.AdresseLigne, 76), 38);
        Valeur("Adr2", voie);
        if (suite is not null)
        {
            Valeur("Adr3", suite);
        }

        Valeur("CP", tiers.CodePostal);
        Valeur("Ville", TextePes.Postal(tiers.Ville, 38));
        Valeur("CodRes", "0");
        ecrivain.WriteEndElement();
        ecrivain.WriteEndElement();
    }

    private void Valeur(string element, string valeur)
    {
        ecrivain.WriteStartElement(element);
        ecrivain.WriteAttributeString("V", valeur);
        ecrivain.WriteEndElement();
    }
}
