namespace Mutualisation.Domain.Catalogue;

/// <summary>The editable fields of a catalogue line.</summary>
public sealed record DonneesService(string Code, string Libelle, string Famille)
{
    public string? Annexes { get; init; }

    public IReadOnlyList<string> ExonereSiAbonneA { get; init; } = [];

    public string? MotifExoneration { get; init; }

    public int? ExamenPopulationMaximale { get; init; }

    public bool ExamenSiServiceInformatiquePropre { get; init; }

    public string? DeductionCodeService { get; init; }

    public int? DeductionDelaiMois { get; init; }

    public string? DeductionReference { get; init; }
}

/// <summary>A line of the catalogue: code, label, family, the annexes it refers to, rules and tariff components.</summary>
public sealed class ServiceCatalogue
{
    private readonly List<ComposanteTarif> _composantes = [];

    private ServiceCatalogue()
    {
    }

    internal ServiceCatalogue(DonneesService donnees, int ordre)
    {
        Ordre = ordre;
        Modifier(donnees);
    }

    public int Id { get; private set; }

    public int VersionCatalogueId { get; private set; }

    public int Ordre { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Libelle { get; private set; } = string.Empty;

    public string Famille { get; private set; } = string.Empty;

    public string? Annexes { get; private set; }

    /// <summary>Codes, separated by commas, of services whose subscribers do not pay this one.</summary>
    public string? ExonereSiAbonneA { get; private set; }

    public string? MotifExoneration { get; private set; }

    public int? ExamenPopulationMaximale { get; private set; }

    public bool ExamenSiServiceInformatiquePropre { get; private set; }

    public string? DeductionCodeService { get; private set; }

    public int? DeductionDelaiMois { get; private set; }

    public string? DeductionReference { get; private set; }

    public IReadOnlyList<ComposanteTarif> Composantes => _composantes.OrderBy(c => c.Ordre).ToList();

    public IReadOnlyList<string> CodesExoneration =>
        (ExonereSiAbonneA ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public DonneesService Donnees => new(Code, Libelle, Famille)
    {
        Annexes = Annexes,
        ExonereSiAbonneA = CodesExoneration,
        MotifExoneration = MotifExoneration,
        ExamenPopulationMaximale = ExamenPopulationMaximale,
        ExamenSiServiceInformatiquePropre = ExamenSiServiceInformatiquePropre,
        DeductionCodeService = DeductionCodeService,
        DeductionDelaiMois = DeductionDelaiMois,
        DeductionReference = DeductionReference,
    };

    internal void Modifier(DonneesService d)
    {
        Code = d.Code.Trim().ToUpperInvariant();
        Libelle = d.Libelle.Trim();
        Famille = d.Famille.Trim();
        Annexes = Vide(d.Annexes);
        ExonereSiAbonneA = d.ExonereSiAbonneA.Count == 0 ? null : string.Join(',', d.ExonereSiAbonneA.Select(c => c.Trim().ToUpperInvariant()));
        MotifExoneration = Vide(d.MotifExoneration);
        ExamenPopulationMaximale = d.ExamenPopulationMaximale;
        ExamenSiServiceInformatiquePropre = d.ExamenSiServiceInformatiquePropre;
        DeductionCodeService = Vide(d.DeductionCodeService)?.ToUpperInvariant();
        DeductionDelaiMois = DeductionCodeService is null ? null : d.DeductionDelaiMois;
        DeductionReference = DeductionCodeService is null ? null : Vide(d.DeductionReference);
    }

    internal void DefinirComposante(int? index, ComposanteTarif composante)
    {
        var existantes = Composantes;
        if (index is { } i)
        {
            var ancienne = existantes.ElementAtOrDefault(i) ?? throw new CatalogueException(string.Empty, "Cette composante n'existe pas.");
            composante.Ordre = ancienne.Ordre;
            _composantes.Remove(ancienne);
        }
        else
        {
            composante.Ordre = existantes.Count == 0 ? 1 : existantes.Max(c => c.Ordre) + 1;
        }

        _composantes.Add(composante);
    }

    internal void SupprimerComposante(int index) =>
        _composantes.Remove(Composantes.ElementAtOrDefault(index) ?? throw new CatalogueException(string.Empty, "Cette composante n'existe pas."));

    internal ServiceCatalogue Copier()
    {
        var copie = new ServiceCatalogue(Donnees, Ordre);
        foreach (var composante in Composantes)
        {
            copie._composantes.Add(composante.Copier());
        }

        return copie;
    }

    private static string? Vide(string? texte) => string.IsNullOrWhiteSpace(texte) ? null : texte.Trim();
}

/// <summary>A named bundle of services a member can choose (Redon formules), offered by the simulator.</summary>
public sealed class FormuleCatalogue
{
    private FormuleCatalogue()
    {
    }

    public FormuleCatalogue(string code, string libelle, string codesServices)
    {
        Code = code;
        Libelle = libelle;
        CodesServices = codesServices;
    }

    public int Id { get; private set; }

    public int VersionCatalogueId { get; private set; }

    public string Code { get; private set; } = string.Empty;

    public string Libelle { get; private set; } = string.Empty;

    /// <summary>Codes of the services, separated by commas.</summary>
    public string CodesServices { get; private set; } = string.Empty;

    public IReadOnlyList<string> Services => CodesServices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A document attached to the version (RGPD, vidéo-protection, datacenter…). Accepting the version accepts its annexes.</summary>
public sealed class AnnexeCatalogue
{
    private AnnexeCatalogue()
    {
    }

    internal AnnexeCatalogue(string titre, string nomFichier, string typeContenu, byte[] contenu, DateTimeOffset deposeeLe)
    {
        Titre = titre;
        NomFichier = nomFichier;
        TypeContenu = typeContenu;
        Contenu = contenu;
        Taille = contenu.Length;
        DeposeeLe = deposeeLe;
    }

    public int Id { get; private set; }

    public int VersionCatalogueId { get; private set; }

    public string Titre { get; private set; } = string.Empty;

    public string NomFichier { get; private set; } = string.Empty;

    public string TypeContenu { get; private set; } = string.Empty;

    public int Taille { get; private set; }

    public byte[] Contenu { get; private set; } = [];

    public DateTimeOffset DeposeeLe { get; private set; }
}
