using System.Globalization;

namespace Mutualisation.Domain.Catalogue;

/// <summary>
/// The catalogue of services for one exercice. A draft is edited freely; once voted (délibération
/// number and date) it is read-only, and it is in force from <see cref="EnVigueurLe"/>. A vote is due
/// between 1 January and 31 March of the exercice; a later vote is a mid-year vote with its own
/// date of effect.
/// </summary>
public sealed class VersionCatalogue
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private readonly List<ServiceCatalogue> _services = [];
    private readonly List<FormuleCatalogue> _formules = [];
    private readonly List<AnnexeCatalogue> _annexes = [];

    private VersionCatalogue()
    {
    }

    /// <summary>First exercice a catalogue can be written for.</summary>
    public const int ExerciceMinimal = 2000;

    /// <summary>Last exercice a catalogue can be written for.</summary>
    public const int ExerciceMaximal = 2100;

    public VersionCatalogue(int exercice, ReferencePopulation population = ReferencePopulation.Totale)
    {
        if (exercice is < ExerciceMinimal or > ExerciceMaximal)
        {
            throw new ArgumentOutOfRangeException(nameof(exercice), exercice, $"L'exercice est une année entre {ExerciceMinimal} et {ExerciceMaximal}.");
        }

        Exercice = exercice;
        Population = population;
    }

    public int Id { get; private set; }

    public int Exercice { get; private set; }

    public StatutVersion Statut { get; private set; }

    public ReferencePopulation Population { get; private set; }

    public string? Intitule { get; private set; }

    public string? DeliberationNumero { get; private set; }

    public DateOnly? DeliberationLe { get; private set; }

    public DateOnly? EnVigueurLe { get; private set; }

    public bool VoteEnCoursDAnnee { get; private set; }

    public IReadOnlyList<ServiceCatalogue> Services => _services;

    public IReadOnlyList<FormuleCatalogue> Formules => _formules;

    public IReadOnlyList<AnnexeCatalogue> Annexes => _annexes;

    public bool EstVotee => Statut == StatutVersion.Votee;

    /// <summary>Copies a version (usually last year's) into a new draft for another exercice.</summary>
    public static VersionCatalogue CopierDe(VersionCatalogue source, int exercice)
    {
        var copie = new VersionCatalogue(exercice, source.Population) { Intitule = source.Intitule };
        foreach (var service in source.Services.OrderBy(s => s.Ordre))
        {
            copie._services.Add(service.Copier());
        }

        copie._formules.AddRange(source.Formules.Select(f => new FormuleCatalogue(f.Code, f.Libelle, f.CodesServices)));
        copie._annexes.AddRange(source.Annexes.Select(a => new AnnexeCatalogue(a.Titre, a.NomFichier, a.TypeContenu, a.Contenu, a.DeposeeLe)));
        return copie;
    }

    public string StatutA(DateOnly aujourdHui) => Libelle(Statut, EnVigueurLe, aujourdHui);

    /// <summary>Brouillon, Votée (not in force yet) or En vigueur, for a version or a projection of one.</summary>
    public static string Libelle(StatutVersion statut, DateOnly? enVigueurLe, DateOnly aujourdHui) => statut switch
    {
        StatutVersion.Brouillon => "Brouillon",
        _ when enVigueurLe <= aujourdHui => "En vigueur",
        _ => "Votée",
    };

    /// <summary>The Bootstrap badge that goes with <see cref="Libelle"/>.</summary>
    public static string ClasseBadge(string libelle) => libelle switch
    {
        "En vigueur" => "text-bg-success",
        "Brouillon" => "text-bg-secondary",
        _ => "text-bg-primary",
    };

    public void Parametrer(string? intitule, ReferencePopulation population)
    {
        ExigerBrouillon();
        Intitule = string.IsNullOrWhiteSpace(intitule) ? null : intitule.Trim();
        Population = population;
    }

    /// <summary>Records the vote. Returns the French reason when the dates do not fit the rules, or null when voted.</summary>
    public string? Voter(string numero, DateOnly le, DateOnly? enVigueurLe)
    {
        ExigerBrouillon();
        if (string.IsNullOrWhiteSpace(numero))
        {
            return "Le numéro de la délibération est obligatoire.";
        }

        if (_services.Count == 0)
        {
            return "Une version sans service ne peut pas être votée.";
        }

        var debut = new DateOnly(Exercice, 1, 1);
        if (le.Year != Exercice)
        {
            return $"La délibération doit dater de l'exercice {Exercice} (vote entre le 1er janvier et le 31 mars, ou en cours d'année).";
        }

        var enCoursDAnnee = le > new DateOnly(Exercice, 3, 31);
        if (enCoursDAnnee && enVigueurLe is null)
        {
            return $"Voté après le 31 mars, c'est un vote en cours d'année : indiquez la date d'effet (au plus tôt le {le.ToString("dd/MM/yyyy", Fr)}).";
        }

        var effet = enVigueurLe ?? debut;
        if (enCoursDAnnee && effet < le)
        {
            return "La date d'effet d'un vote en cours d'année ne peut pas précéder la délibération.";
        }

        if (effet.Year != Exercice)
        {
            return $"La date d'effet doit tomber dans l'exercice {Exercice}.";
        }

        EnVigueurLe = effet;
        VoteEnCoursDAnnee = enCoursDAnnee;
        DeliberationNumero = numero.Trim();
        DeliberationLe = le;
        Statut = StatutVersion.Votee;
        return null;
    }

    public ServiceCatalogue AjouterService(DonneesService donnees)
    {
        ExigerBrouillon();
        ExigerCodeLibre(donnees.Code, null);
        var service = new ServiceCatalogue(donnees, _services.Count == 0 ? 1 : _services.Max(s => s.Ordre) + 1);
        _services.Add(service);
        return service;
    }

    public void ModifierService(ServiceCatalogue service, DonneesService donnees)
    {
        ExigerBrouillon();
        ExigerCodeLibre(donnees.Code, service);
        service.Modifier(donnees);
    }

    public void SupprimerService(ServiceCatalogue service)
    {
        ExigerBrouillon();
        _services.Remove(service);
    }

    public void DefinirComposante(ServiceCatalogue service, int? index, ComposanteTarif composante)
    {
        ExigerBrouillon();
        service.DefinirComposante(index, composante);
    }

    public void SupprimerComposante(ServiceCatalogue service, int index)
    {
        ExigerBrouillon();
        service.SupprimerComposante(index);
    }

    public void AjouterFormule(FormuleCatalogue formule)
    {
        ExigerBrouillon();
        if (_formules.Any(f => f.Code == formule.Code))
        {
            throw new CatalogueException($"La formule « {formule.Code} » existe déjà dans cette version.");
        }

        var inconnus = formule.Services.Where(code => _services.All(s => s.Code != code)).ToList();
        if (formule.Services.Count == 0 || inconnus.Count > 0)
        {
            throw new CatalogueException(formule.Services.Count == 0
                ? "Une formule regroupe au moins un service."
                : $"Service(s) absent(s) de cette version : {string.Join(", ", inconnus)}.");
        }

        _formules.Add(formule);
    }

    public void SupprimerFormule(FormuleCatalogue formule)
    {
        ExigerBrouillon();
        _formules.Remove(formule);
    }

    public AnnexeCatalogue AjouterAnnexe(string titre, string nomFichier, string typeContenu, byte[] contenu, DateTimeOffset deposeeLe)
    {
        ExigerBrouillon();
        var annexe = new AnnexeCatalogue(titre, nomFichier, typeContenu, contenu, deposeeLe);
        _annexes.Add(annexe);
        return annexe;
    }

    public void SupprimerAnnexe(AnnexeCatalogue annexe)
    {
        ExigerBrouillon();
        _annexes.Remove(annexe);
    }

    private void ExigerCodeLibre(string code, ServiceCatalogue? saufPour)
    {
        if (_services.Any(s => s != saufPour && string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)))
        {
            throw new CatalogueException($"Le code « {code} » est déjà utilisé dans cette version.");
        }
    }

    private void ExigerBrouillon()
    {
        if (EstVotee)
        {
            throw new CatalogueException($"La version {Exercice} est votée ({DeliberationNumero}) : elle est en lecture seule. Copiez-la dans un brouillon pour la modifier.");
        }
    }
}

/// <summary>A change refused by a catalogue version's rules (French message for the user).</summary>
public sealed class CatalogueException(string message) : Exception(message);
