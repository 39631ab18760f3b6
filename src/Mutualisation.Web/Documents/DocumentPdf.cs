using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mutualisation.Web.Documents;

public enum Alignement
{
    Gauche,
    Droite,
}

/// <summary>A table column: its heading, its share of the width (relative), its alignment (amounts to the right).</summary>
public sealed record Colonne(string Titre, double Largeur, Alignement Alignement = Alignement.Gauche);

/// <summary>
/// Builds a simple A4 document top to bottom: title, headings, paragraphs wrapped to the width, tables
/// whose header is repeated on each page, and "Page n sur N" in every footer. Text is French as given
/// (amounts formatted beforehand, fr-FR); fonts are embedded. The titre de recette will use it.
/// </summary>
public sealed class DocumentPdf : IDisposable
{
    private const double Marge = 56.7; // 2 cm
    private const double Interligne = 1.25;
    private const double Retrait = 4;


    private readonly PdfDocument _document;
    private readonly string _piedDePage;
    private XGraphics _g = null!;
    private double _y;

    /// <param name="titre">The document's title (metadata and first heading is up to the caller).</param>
    /// <param name="piedDePage">Printed at the bottom left of every page, beside the page number.</param>
    /// <param name="horodatage">Creation date written in the metadata (from the injected clock, so a PDF does not depend on the server's clock).</param>
    public DocumentPdf(string titre, string piedDePage, DateTimeOffset horodatage)
    {
        // Licence and fonts before any PDFsharp object (the static fonts below are created on first use, after this).
        _ = ConfigurationPdf.Initialiser();
        _document = new PdfDocument();
        _piedDePage = piedDePage;
        _document.Info.Title = titre;
        _document.Info.Creator = "Mutualisation";
        _document.Info.CreationDate = horodatage.UtcDateTime;
        _document.Info.ModificationDate = horodatage.UtcDateTime;
        _document.PageLayout = PdfPageLayout.SinglePage;
        _document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        NouvellePage();
    }

    private static double Largeur => XUnit.FromMillimeter(210).Point - (2 * Marge);

    private static double Bas => XUnit.FromMillimeter(297).Point - Marge - 20;

    public int NombreDePages => _document.PageCount;

    public DocumentPdf Titre(string texte) => Ecrire(texte, Styles.Titre, XColors.Black, apres: 8);

    public DocumentPdf Intertitre(string texte)
    {
        // Keep a heading with at least three lines of what follows.
        if (_y + (Styles.Intertitre.Height * Interligne) + (3 * Styles.Texte.Height * Interligne) > Bas)
        {
            NouvellePage();
        }

        _y += 6;
        return Ecrire(texte, Styles.Intertitre, XColors.Black, apres: 4);
    }

    public DocumentPdf Paragraphe(string texte, bool gras = false) => Ecrire(texte, gras ? Styles.Gras : Styles.Texte, XColors.Black, apres: 4);

    /// <summary>A smaller, grey paragraph (notes, references).</summary>
    public DocumentPdf Note(string texte) => Ecrire(texte, Styles.Petite, Styles.Gris, apres: 4);

    /// <summary>Starts a new page unless <paramref name="points"/> remain on this one (a heading kept with the table it introduces).</summary>
    public DocumentPdf Reserver(double points)
    {
        if (_y + points > Bas)
        {
            NouvellePage();
        }

        return this;
    }

    public DocumentPdf Espace(double points)
    {
        _y += points;
        return this;
    }

    public DocumentPdf Tableau(IReadOnlyList<Colonne> colonnes, IEnumerable<IReadOnlyList<string>> lignes)
    {
        var total = colonnes.Sum(c => c.Largeur);
        var largeurs = colonnes.Select(c => Largeur * c.Largeur / total).ToArray();
        var toutes = lignes.ToList();
        // Never a header alone at the foot of a page: it goes with the first row.
        var premiere = toutes.FirstOrDefault();
        if (premiere is not null && premiere.Count == colonnes.Count
            && _y + Hauteur(colonnes.Select(c => c.Titre).ToList(), largeurs, Styles.Gras) + Hauteur(premiere, largeurs, Styles.Texte) > Bas)
        {
            NouvellePage();
        }

        DessinerLigne(colonnes.Select(c => c.Titre).ToList(), colonnes, largeurs, Styles.Gras, enTete: true);
        foreach (var ligne in toutes)
        {
            if (ligne.Count != colonnes.Count)
            {
                throw new ArgumentException($"Une ligne de tableau a {ligne.Count} cellules pour {colonnes.Count} colonnes.", nameof(lignes));
            }

            var hauteur = Hauteur(ligne, largeurs, Styles.Texte);
            if (_y + hauteur > Bas)
            {
                NouvellePage();
                DessinerLigne(colonnes.Select(c => c.Titre).ToList(), colonnes, largeurs, Styles.Gras, enTete: true);
            }

            DessinerLigne(ligne, colonnes, largeurs, Styles.Texte, enTete: false);
        }

        _y += 6;
        return this;
    }

    /// <summary>Numbers the pages and returns the PDF.</summary>
    public byte[] Enregistrer()
    {
        _g.Dispose();
        var nombre = _document.PageCount;
        for (var i = 0; i < nombre; i++)
        {
            using var g = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            var y = XUnit.FromMillimeter(297).Point - Marge + 4;
            g.DrawLine(new XPen(Styles.Filet, 0.5), Marge, y - 10, Marge + Largeur, y - 10);
            g.DrawString(_piedDePage, Styles.Petite, new XSolidBrush(Styles.Gris), new XPoint(Marge, y), XStringFormats.BaseLineLeft);
            var numero = $"Page {i + 1} sur {nombre}";
            g.DrawString(numero, Styles.Petite, new XSolidBrush(Styles.Gris), new XPoint(Marge + Largeur, y), XStringFormats.BaseLineRight);
        }

        using var flux = new MemoryStream();
        _document.Save(flux, closeStream: false);
        return flux.ToArray();
    }

    public void Dispose()
    {
        _g.Dispose();
        _document.Dispose();
    }

    private void NouvellePage()
    {
        _g?.Dispose();
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        _g = XGraphics.FromPdfPage(page);
        _y = Marge;
    }

    private DocumentPdf Ecrire(string texte, XFont police, XColor couleur, double apres)
    {
        var pinceau = new XSolidBrush(couleur);
        var hauteurLigne = police.Height * Interligne;
        foreach (var ligne in Couper(texte, police, Largeur))
        {
            if (_y + hauteurLigne > Bas)
            {
                NouvellePage();
            }

            _g.DrawString(ligne, police, pinceau, new XPoint(Marge, _y + police.Height), XStringFormats.BaseLineLeft);
            _y += hauteurLigne;
        }

        _y += apres;
        return this;
    }

    private double Hauteur(IReadOnlyList<string> cellules, double[] largeurs, XFont police) =>
        (cellules.Select((c, i) => Couper(c, police, largeurs[i] - (2 * Retrait)).Count).Max() * police.Height * Interligne) + (2 * Retrait);

    private void DessinerLigne(IReadOnlyList<string> cellules, IReadOnlyList<Colonne> colonnes, double[] largeurs, XFont police, bool enTete)
    {
        var hauteur = Hauteur(cellules, largeurs, police);
        if (enTete)
        {
            _g.DrawRectangle(new XSolidBrush(Styles.FondEnTete), Marge, _y, Largeur, hauteur);
        }

        var x = Marge;
        for (var i = 0; i < cellules.Count; i++)
        {
            var y = _y + Retrait;
            foreach (var ligne in Couper(cellules[i], police, largeurs[i] - (2 * Retrait)))
            {
                var point = colonnes[i].Alignement == Alignement.Droite
                    ? new XPoint(x + largeurs[i] - Retrait, y + police.Height)
                    : new XPoint(x + Retrait, y + police.Height);
                _g.DrawString(ligne, police, XBrushes.Black, point, colonnes[i].Alignement == Alignement.Droite ? XStringFormats.BaseLineRight : XStringFormats.BaseLineLeft);
                y += police.Height * Interligne;
            }

            x += largeurs[i];
        }

        _y += hauteur;
        _g.DrawLine(new XPen(Styles.Filet, enTete ? 0.8 : 0.4), Marge, _y, Marge + Largeur, _y);
    }

    /// <summary>Words separated by spaces, a thousands group kept with its number (« 3 000 » never splits).</summary>
    private static List<string> Mots(string texte)
    {
        var mots = new List<string>();
        foreach (var mot in texte.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (mots.Count > 0 && char.IsAsciiDigit(mots[^1][^1]) && mot.Length >= 3 && mot.Take(3).All(char.IsAsciiDigit) && (mot.Length == 3 || !char.IsAsciiDigit(mot[3])))
            {
                mots[^1] += " " + mot;
            }
            else
            {
                mots.Add(mot);
            }
        }

        return mots;
    }

    /// <summary>Wraps at ordinary spaces only: no-break spaces (inside amounts, before « € ») never split.</summary>
    private List<string> Couper(string texte, XFont police, double largeur)
    {
        var lignes = new List<string>();
        foreach (var paragraphe in texte.Split('\n'))
        {
            var courante = string.Empty;
            foreach (var mot in Mots(paragraphe))
            {
                var essai = courante.Length == 0 ? mot : courante + " " + mot;
                if (_g.MeasureString(essai, police).Width <= largeur)
                {
                    courante = essai;
                    continue;
                }

                if (courante.Length > 0)
                {
                    lignes.Add(courante);
                }

                courante = mot;
                // A word wider than the column is cut where it must.
                while (_g.MeasureString(courante, police).Width > largeur && courante.Length > 1)
                {
                    var n = courante.Length - 1;
                    while (n > 1 && _g.MeasureString(courante[..n], police).Width > largeur)
                    {
                        n--;
                    }

                    lignes.Add(courante[..n]);
                    courante = courante[n..];
                }
            }

            lignes.Add(courante);
        }

        return lignes;
    }
    /// <summary>Fonts and colours, created on first use and only after PDFsharp's licence and font resolver are set.</summary>
    private static class Styles
    {
        public static readonly object Configuration = ConfigurationPdf.Initialiser();
        public static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
        public static readonly XFont Titre = new(PolicesIntegrees.Famille, 16, XFontStyleEx.Bold, Unicode);
        public static readonly XFont Intertitre = new(PolicesIntegrees.Famille, 12, XFontStyleEx.Bold, Unicode);
        public static readonly XFont Texte = new(PolicesIntegrees.Famille, 10, XFontStyleEx.Regular, Unicode);
        public static readonly XFont Gras = new(PolicesIntegrees.Famille, 10, XFontStyleEx.Bold, Unicode);
        public static readonly XFont Petite = new(PolicesIntegrees.Famille, 8, XFontStyleEx.Regular, Unicode);
        public static readonly XColor Gris = XColor.FromArgb(90, 90, 90);
        public static readonly XColor FondEnTete = XColor.FromArgb(232, 236, 241);
        public static readonly XColor Filet = XColor.FromArgb(190, 196, 204);

        // An explicit static constructor: the fields above are initialised in order, on first access, never earlier.
        static Styles()
        {
        }
    }
}
