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
    private readonly List<QuantiteCatalogue> _quantites = [];

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

    /// <summary>The quantities this version prices on besides the population, in their order.</summary>
    public IReadOnlyList<QuantiteCatalogue> Quantites => _quantites.OrderBy(q => q.Ordre).ToList();

    public bool EstVotee => Statut == StatutVersion.Votee;

    /// <summary>Copies a version (usually last year's) into a new draft for another exercice.</summary>
    public static VersionCatalogue CopierDe(VersionCatalogue source, int exercice)
    {
        var copie = new VersionCatalogue(exercice, source.Population) { Intitule = source.Intitule };
        copie._quantites.AddRange(source.Quantites.Select(q => q.Copier()));
        foreach (var service in source.Services.OrderBy(s => s.Ordre))
        {
            copie._services.Add(service.Copier());
        }

        copie._formules.AddRange(source.Formules.Select(f => new FormuleCatalogue(f.Code, f.Libelle, f.CodesServices)));
        copie._annexes.AddRange(source.Annexes.Select(a => new AnnexeCatalogue(a.Titre, a.NomFichier, a.TypeContenu, a.Contenu, a.DeposeeLe)));
        return copie;
    }

    /// <summary>
    /// Of the voted versions of one exercice, the one that prices on a date: the latest in force on
    /// that date (a mid-year vote replaces the earlier version from its date of effect), or, before
    /// any is in force, the first to come. Null when none is voted.
    /// </summary>
    public static VersionCatalogue? EnVigueurAu(IEnumerable<VersionCatalogue> versionsDeLExercice, DateOnly date)
    {
        var votees = versionsDeLExercice.Where(v => v.EstVotee).ToList();
        return votees.Where(v => v.EnVigueurLe <= date).MaxBy(v => v.EnVigueurLe) ?? votees.MinBy(v => v.EnVigueurLe);
    }

    /// <summary>The date a catalogue of an exercice is read at: today during the exercice, its last day after it, its first before it.</summary>
    public static DateOnly DateDeReference(int exercice, DateOnly aujourdHui) =>
        exercice < aujourdHui.Year ? new DateOnly(exercice, 12, 31) : exercice > aujourdHui.Year ? new DateOnly(exercice, 1, 1) : aujourdHui;

    public string StatutA(DateOnly aujourdHui) => Libelle(Statut, EnVigueurLe, aujourdHui);

    /// <summary>Brouillon, Votée (not in force yet) or En vigueur, for a version or a projection of one (alone in its exercice).</summary>
    public static string Libelle(StatutVersion statut, DateOnly? enVigueurLe, DateOnly aujourdHui) => statut switch
    {
        StatutVersion.Brouillon => "Brouillon",
        _ when enVigueurLe <= aujourdHui => "En vigueur",
        _ => "Votée",
    };

    /// <summary>
    /// The label of one version among the versions of its exercice: only the one that prices today
    /// (<see cref="EnVigueurAu"/>) is « En vigueur »; an earlier voted one says when it was replaced.
    /// </summary>
    public static string Libelle(StatutVersion statut, DateOnly? enVigueurLe, DateOnly aujourdHui, DateOnly? remplaceeLe) => statut switch
    {
        StatutVersion.Brouillon => "Brouillon",
        _ when remplaceeLe <= aujourdHui => $"Remplacée le {remplaceeLe!.Value.ToString("dd/MM/yyyy", Fr)}",
        _ when enVigueurLe <= aujourdHui => "En vigueur",
        _ => "Votée",
    };

    /// <summary>
    /// When a voted version stops pricing because a later vote of the same exercice takes effect
    /// (the date of effect of the next one), or null. Works on (id, status, date of effect) so list
    /// pages can use it on projections.
    /// </summary>
    public static DateOnly? RemplaceeLe(DateOnly? enVigueurLe, IEnumerable<DateOnly?> effetsDeLExercice) =>
        enVigueurLe is { } effet ? effetsDeLExercice.Where(e => e > effet).Min() : null;

    /// <summary>The label of this version among the versions of its exercice.</summary>
    public string StatutParmi(IEnumerable<VersionCatalogue> versionsDeLExercice, DateOnly aujourdHui) =>
        Libelle(Statut, EnVigueurLe, aujourdHui, EstVotee ? RemplaceeLe(EnVigueurLe, versionsDeLExercice.Where(v => v.EstVotee && v.Exercice == Exercice).Select(v => v.EnVigueurLe)) : null);

    /// <summary>The Bootstrap badge that goes with <see cref="Libelle(StatutVersion, DateOnly?, DateOnly)"/>.</summary>
    public static string ClasseBadge(string libelle) => libelle switch
    {
        "En vigueur" => "text-bg-success",
        "Brouillon" => "text-bg-secondary",
        _ when libelle.StartsWith("Remplacée", StringComparison.Ordinal) => "text-bg-light border",
        _ => "text-bg-primary",
    };

    public void Parametrer(string? intitule, ReferencePopulation population)
    {
        ExigerBrouillon();
        Intitule = string.IsNullOrWhiteSpace(intitule) ? null : intitule.Trim();
        Population = population;
    }

    /// <summary>
    /// Records the vote. A délibération dated before the exercice (December for next year) takes
    /// effect on 1 January; one after 31 March is a mid-year vote with its own date of effect. Every
    /// rule of the version is checked again: a voted version never holds a dangling reference.
    /// Throws <see cref="CatalogueException"/> naming the field (Numero, Le, EnVigueurLe, or empty for the content).
    /// </summary>
    public void Voter(string numero, DateOnly le, DateOnly? enVigueurLe)
    {
        ExigerBrouillon();
        if (string.IsNullOrWhiteSpace(numero))
        {
            throw new CatalogueException("Numero", "Le numéro de la délibération est obligatoire.");
        }

        var debut = new DateOnly(Exercice, 1, 1);
        if (le.Year > Exercice)
        {
            throw new CatalogueException("Le", $"La délibération doit dater de l'exercice {Exercice} ou le précéder (vote en décembre pour l'année suivante, entre le 1er janvier et le 31 mars, ou en cours d'année).");
        }

        if (le.Year < Exercice - 1)
        {
            throw new CatalogueException("Le", $"Une délibération antérieure à {Exercice - 1} ne peut pas voter le catalogue {Exercice}.");
        }

        var enCoursDAnnee = le > new DateOnly(Exercice, 3, 31);
        if (enCoursDAnnee && enVigueurLe is null)
        {
            throw new CatalogueException("EnVigueurLe", $"Voté après le 31 mars, c'est un vote en cours d'année : indiquez la date d'effet (au plus tôt le {le.ToString("dd/MM/yyyy", Fr)}).");
        }

        var effet = enVigueurLe ?? debut;
        if (enCoursDAnnee && effet < le)
        {
            throw new CatalogueException("EnVigueurLe", "La date d'effet ne peut pas précéder la délibération.");
        }

        if (effet.Year != Exercice)
        {
            throw new CatalogueException("EnVigueurLe", $"La date d'effet doit tomber dans l'exercice {Exercice}.");
        }

        if (_services.Count == 0)
        {
            throw new CatalogueException(string.Empty, "Une version sans service ne peut pas être votée.");
        }

        var incoherences = Incoherences().ToList();
        if (incoherences.Count > 0)
        {
            throw new CatalogueException(incoherences);
        }

        EnVigueurLe = effet;
        VoteEnCoursDAnnee = enCoursDAnnee;
        DeliberationNumero = numero.Trim();
        DeliberationLe = le;
        Statut = StatutVersion.Votee;
    }

    /// <summary>Every rule of the content, checked again at the vote (field empty: they concern the version as a whole).</summary>
    public IEnumerable<ErreurCatalogue> Incoherences()
    {
        foreach (var service in _services)
        {
            foreach (var erreur in ReferencesDe(service.Donnees, service))
            {
                yield return erreur with { Champ = string.Empty, Message = $"Service {service.Code} : {erreur.Message}" };
            }

            foreach (var composante in service.Composantes)
            {
                foreach (var erreur in ErreursDe(composante))
                {
                    yield return erreur with { Champ = string.Empty, Message = $"Service {service.Code}, composante {composante.Libelle} : {erreur.Message}" };
                }
            }
        }

        foreach (var formule in _formules)
        {
            var inconnus = formule.Services.Where(code => _services.All(s => s.Code != code)).ToList();
            if (inconnus.Count > 0)
            {
                yield return new(string.Empty, $"La formule {formule.Code} regroupe des services absents de cette version : {string.Join(", ", inconnus)}.");
            }
        }
    }

    public ServiceCatalogue AjouterService(DonneesService donnees)
    {
        ExigerBrouillon();
        Exiger(ReferencesDe(donnees, null));
        var service = new ServiceCatalogue(donnees, _services.Count == 0 ? 1 : _services.Max(s => s.Ordre) + 1);
        _services.Add(service);
        return service;
    }

    /// <summary>Changes a service; its code cannot change while a formule, an exemption or a deduction names it.</summary>
    public void ModifierService(ServiceCatalogue service, DonneesService donnees)
    {
        ExigerBrouillon();
        var erreurs = ReferencesDe(donnees, service).ToList();
        if (!string.Equals(NormaliserCode(donnees.Code), service.Code, StringComparison.Ordinal) && CitationsDe(service).ToList() is { Count: > 0 } citations)
        {
            erreurs.Add(new("Code", $"Le service {service.Code} est cité par {string.Join(", ", citations)} : son code ne peut pas changer."));
        }

        Exiger(erreurs);
        service.Modifier(donnees);
    }

    /// <summary>Removes a service, refused while a formule, an exemption or a deduction names it (saying which).</summary>
    public void SupprimerService(ServiceCatalogue service)
    {
        ExigerBrouillon();
        if (CitationsDe(service).ToList() is { Count: > 0 } citations)
        {
            throw new CatalogueException(string.Empty, $"Le service {service.Code} ne peut pas être retiré : il est cité par {string.Join(", ", citations)}. Retirez d'abord ces références.");
        }

        _services.Remove(service);
    }

    /// <summary>Adds (index null) or replaces a component, after its rules and its quantities are checked; its unit comes from the quantity's declaration.</summary>
    public void DefinirComposante(ServiceCatalogue service, int? index, ComposanteTarif composante)
    {
        ExigerBrouillon();
        Exiger(ErreursDe(composante));
        composante.Completer(Quantite(composante.Quantite)?.UniteSingulier ?? UnitePopulation);
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
            throw new CatalogueException("Code", $"La formule {formule.Code} existe déjà dans cette version.");
        }

        var inconnus = formule.Services.Where(code => _services.All(s => s.Code != code)).ToList();
        if (formule.Services.Count == 0 || inconnus.Count > 0)
        {
            throw new CatalogueException("Services", formule.Services.Count == 0
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

    public QuantiteCatalogue DeclarerQuantite(DonneesQuantite donnees)
    {
        ExigerBrouillon();
        ExigerQuantiteLibre(donnees.Code, null);
        var quantite = new QuantiteCatalogue(donnees, _quantites.Count == 0 ? 1 : _quantites.Max(q => q.Ordre) + 1);
        _quantites.Add(quantite);
        return quantite;
    }

    /// <summary>Changes a declared quantity; its code cannot change while a component uses it.</summary>
    public void ModifierQuantite(QuantiteCatalogue quantite, DonneesQuantite donnees)
    {
        ExigerBrouillon();
        ExigerQuantiteLibre(donnees.Code, quantite);
        if (donnees.Code.Trim() != quantite.Code && Utilisateurs(quantite.Code).FirstOrDefault() is { } composante)
        {
            throw new CatalogueException("Code", $"La quantité {quantite.Code} est utilisée par la composante {composante} : son code ne peut pas changer.");
        }

        quantite.Modifier(donnees);
    }

    public void SupprimerQuantite(QuantiteCatalogue quantite)
    {
        ExigerBrouillon();
        if (Utilisateurs(quantite.Code).FirstOrDefault() is { } composante)
        {
            throw new CatalogueException(string.Empty, $"La quantité {quantite.Code} est utilisée par la composante {composante} : retirez-la d'abord.");
        }

        _quantites.Remove(quantite);
    }

    /// <summary>The declared quantity of this code, or null (the population is never declared).</summary>
    public QuantiteCatalogue? Quantite(string code) => _quantites.Find(q => q.Code == code);

    /// <summary>The declared quantities the services of a formule price on, in declaration order.</summary>
    public IReadOnlyList<QuantiteCatalogue> QuantitesDe(IEnumerable<string> codesServices)
    {
        var codes = codesServices.ToHashSet(StringComparer.Ordinal);
        var utilisees = _services.Where(s => codes.Contains(s.Code))
            .SelectMany(s => s.Composantes)
            .SelectMany(c => new[] { c.Quantite, c.QuantiteTranche })
            .ToHashSet(StringComparer.Ordinal);
        return Quantites.Where(q => utilisees.Contains(q.Code)).ToList();
    }

    /// <summary>Services and components (« service / composante ») that price on a quantity.</summary>
    private IEnumerable<string> Utilisateurs(string code) =>
        _services.SelectMany(s => s.Composantes.Where(c => c.Quantite == code || c.QuantiteTranche == code).Select(c => $"{s.Code} / {c.Libelle}"));

    private void ExigerQuantiteLibre(string code, QuantiteCatalogue? saufPour)
    {
        if (_quantites.Any(q => q != saufPour && q.Code == code?.Trim()))
        {
            throw new CatalogueException("Code", $"La quantité {code} est déjà déclarée dans cette version.");
        }
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

    /// <summary>The unit of the population, always known.</summary>
    public const string UnitePopulation = "habitant";

    /// <summary>Whether a code names a quantity this version knows: the population or a declared one.</summary>
    public bool ConnaitQuantite(string? code) => code == QuantiteCatalogue.CodePopulation || (code is not null && Quantite(code) is not null);

    /// <summary>The rules of a component in this version: its own, plus its quantities declared.</summary>
    public IEnumerable<ErreurCatalogue> ErreursDe(ComposanteTarif composante)
    {
        foreach (var erreur in composante.Erreurs())
        {
            yield return erreur;
        }

        if (!ConnaitQuantite(composante.Quantite))
        {
            yield return new("Quantite", $"La quantité {composante.Quantite} n'est pas déclarée dans cette version : déclarez-la d'abord (la population est toujours connue).");
        }

        if (composante.QuantiteTranche is { } tranche && !ConnaitQuantite(tranche))
        {
            yield return new("QuantiteTranche", $"La quantité {tranche} n'est pas déclarée dans cette version : déclarez-la d'abord.");
        }
    }

    /// <summary>What names a service: formules, exemptions and deductions of the other services.</summary>
    private IEnumerable<string> CitationsDe(ServiceCatalogue service)
    {
        foreach (var formule in _formules.Where(f => f.Services.Contains(service.Code)))
        {
            yield return $"la formule {formule.Code}";
        }

        foreach (var autre in _services.Where(s => s != service))
        {
            if (autre.CodesExoneration.Contains(service.Code))
            {
                yield return $"l'exonération du service {autre.Code}";
            }

            if (autre.DeductionCodeService == service.Code)
            {
                yield return $"la déduction du service {autre.Code}";
            }
        }
    }

    /// <summary>A service's code is free and the services its exemption and deduction name exist (and are not itself).</summary>
    private IEnumerable<ErreurCatalogue> ReferencesDe(DonneesService donnees, ServiceCatalogue? service)
    {
        var code = NormaliserCode(donnees.Code);
        var autres = _services.Where(s => s != service).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        if (autres.Contains(code))
        {
            yield return new("Code", $"Le code {code} est déjà utilisé dans cette version.");
        }

        var exonerations = donnees.ExonereSiAbonneA.Select(NormaliserCode).ToList();
        if (exonerations.Contains(code))
        {
            yield return new("ExonereSiAbonneA", "Un service ne peut pas être exonéré par lui-même.");
        }
        else if (exonerations.Where(c => !autres.Contains(c)).ToList() is { Count: > 0 } inconnus)
        {
            yield return new("ExonereSiAbonneA", $"Code(s) absent(s) de cette version : {string.Join(", ", inconnus)}.");
        }

        if (!string.IsNullOrWhiteSpace(donnees.DeductionCodeService))
        {
            var deduit = NormaliserCode(donnees.DeductionCodeService);
            if (deduit == code)
            {
                yield return new("DeductionCodeService", "Un service ne peut pas se déduire de lui-même.");
            }
            else if (!autres.Contains(deduit))
            {
                yield return new("DeductionCodeService", $"Le service {deduit} n'existe pas dans cette version.");
            }
        }
    }

    private static string NormaliserCode(string? code) => (code ?? string.Empty).Trim().ToUpperInvariant();

    private static void Exiger(IEnumerable<ErreurCatalogue> erreurs)
    {
        var liste = erreurs.ToList();
        if (liste.Count > 0)
        {
            throw new CatalogueException(liste);
        }
    }

    private void ExigerBrouillon()
    {
        if (EstVotee)
        {
            throw new CatalogueException(string.Empty, $"La version {Exercice} est votée ({DeliberationNumero}) : elle est en lecture seule. Copiez-la dans un brouillon pour la modifier.");
        }
    }
}
