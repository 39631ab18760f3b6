using Mutualisation.Domain.Commun;
using static Mutualisation.Domain.Conventions.RegleConvention;

namespace Mutualisation.Domain.Conventions;

/// <summary>
/// The convention between the EPCI and one member, in one of the two models. Its status moves
/// brouillon → signée → en vigueur → dénoncée → résiliée only through the methods below, each dated and
/// attributed, each written in <see cref="Evenements"/>; a refused action returns its reason in French and
/// changes nothing. The effective and exit dates are computed here and stored for lists and billing.
/// </summary>
public sealed class Convention : IPerimetreMembre
{
    public const int LongueurMaxReference = 100;

    private readonly List<EvenementConvention> _evenements = [];
    private readonly List<Avenant> _avenants = [];
    private readonly List<DocumentConvention> _documents = [];

    public int Id { get; private set; }

    public int MembreId { get; private set; }

    public ModeleConvention Modele { get; private set; }

    public StatutConvention Statut { get; private set; }

    public string? DeliberationMembreNumero { get; private set; }

    public DateOnly? DeliberationMembreDate { get; private set; }

    public string? DeliberationMembreOrgane { get; private set; }

    public string? DeliberationEpciNumero { get; private set; }

    public DateOnly? DeliberationEpciDate { get; private set; }

    public string? DeliberationEpciOrgane { get; private set; }

    public DateOnly? DateSignatureMembre { get; private set; }

    public DateOnly? DateSignatureEpci { get; private set; }

    /// <summary>CCCF: signature of the procès-verbal de mise en service.</summary>
    public DateOnly? DatePvMiseEnService { get; private set; }

    /// <summary>The ACTES identifier as typed (shape checked by <see cref="IdentifiantActes"/>).</summary>
    public string? ControleLegaliteIdentifiant { get; private set; }

    public DateOnly? ControleLegaliteDate { get; private set; }

    /// <summary>Computed by the model's rule as soon as its facts are known (CCCF: before the contrôle de légalité, provisional).</summary>
    public DateOnly? DateEffet { get; private set; }

    public DateOnly? DateDenonciation { get; private set; }

    public string? ReferenceDenonciation { get; private set; }

    public AuteurDenonciation? DenonceePar { get; private set; }

    /// <summary>Redon: an earlier exit date agreed in writing by both parties, with the reference of that agreement.</summary>
    public DateOnly? DateSortieConvenue { get; private set; }

    public string? ReferenceAccordSortie { get; private set; }

    /// <summary>The first day the member is out (billing stops the day before); known once notice is given.</summary>
    public DateOnly? DateSortie { get; private set; }

    public IReadOnlyCollection<EvenementConvention> Evenements => _evenements;

    public IReadOnlyCollection<Avenant> Avenants => _avenants;

    public IReadOnlyCollection<DocumentConvention> Documents => _documents;

    private Convention()
    {
    }

    /// <summary>A new draft for a member in a model.</summary>
    public Convention(int membreId, ModeleConvention modele, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        MembreId = membreId;
        Modele = modele;
        Statut = StatutConvention.Brouillon;
        _evenements.Add(new EvenementConvention(quand, aujourdHui, "Brouillon créé", null, StatutConvention.Brouillon, auteur, modele.Libelle()));
    }

    public bool EstGlobale => Modele == ModeleConvention.ConventionGlobale;

    public Deliberation? DeliberationMembre =>
        DeliberationMembreNumero is { } n && DeliberationMembreDate is { } d ? new(n, d, DeliberationMembreOrgane ?? string.Empty) : null;

    public Deliberation? DeliberationEpci =>
        DeliberationEpciNumero is { } n && DeliberationEpciDate is { } d ? new(n, d, DeliberationEpciOrgane ?? string.Empty) : null;

    /// <summary>Changes the model and the délibérations of a draft.</summary>
    public RefusConvention? ModifierBrouillon(ModeleConvention modele, Deliberation? membre, Deliberation? epci)
    {
        if (Statut != StatutConvention.Brouillon)
        {
            return new($"La convention est {Statut.Libelle().ToLowerInvariant()} : seul un brouillon se modifie (un changement passe par un avenant).");
        }

        if (membre?.Refus("de la commune") is { } refusMembre)
        {
            return new(refusMembre, "DeliberationMembreNumero");
        }

        if (epci?.Refus("de l'EPCI") is { } refusEpci)
        {
            return new(refusEpci, "DeliberationEpciNumero");
        }

        Modele = modele;
        (DeliberationMembreNumero, DeliberationMembreDate, DeliberationMembreOrgane) = (membre?.Numero.Trim(), membre?.Date, membre?.Organe.Trim());
        (DeliberationEpciNumero, DeliberationEpciDate, DeliberationEpciOrgane) = (epci?.Numero.Trim(), epci?.Date, epci?.Organe.Trim());
        return null;
    }

    /// <summary>Brouillon → signée: both parties' signature dates, after their délibérations, not in the future.</summary>
    public RefusConvention? Signer(DateOnly signatureMembre, DateOnly signatureEpci, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut != StatutConvention.Brouillon)
        {
            return new($"Seul un brouillon se signe : la convention est déjà {Statut.Libelle().ToLowerInvariant()}.");
        }

        if (DeliberationMembre is null)
        {
            return new("La délibération de la commune (numéro et date) doit être enregistrée avant la signature : modifiez le brouillon.");
        }

        if (DeliberationEpci is null)
        {
            return new("La délibération de l'EPCI (numéro et date) doit être enregistrée avant la signature : modifiez le brouillon.");
        }

        if (signatureMembre < DeliberationMembre.Date)
        {
            return new($"La commune ne peut pas signer avant sa délibération du {Fr(DeliberationMembre.Date)}.", "SignatureMembre");
        }

        if (signatureEpci < DeliberationEpci.Date)
        {
            return new($"L'EPCI ne peut pas signer avant sa délibération du {Fr(DeliberationEpci.Date)}.", "SignatureEpci");
        }

        if (signatureMembre > aujourdHui)
        {
            return new("La date de signature de la commune ne peut pas être dans le futur.", "SignatureMembre");
        }

        if (signatureEpci > aujourdHui)
        {
            return new("La date de signature de l'EPCI ne peut pas être dans le futur.", "SignatureEpci");
        }

        DateSignatureMembre = signatureMembre;
        DateSignatureEpci = signatureEpci;
        RecalculerDateEffet();
        var derniere = DateEffetServiceCommun(signatureMembre, signatureEpci);
        Changer(StatutConvention.Signee, derniere, "Convention signée", auteur, quand,
            $"Signée par la commune le {Fr(signatureMembre)} et par l'EPCI le {Fr(signatureEpci)}.");
        return null;
    }

    /// <summary>CCCF: records the signature of the PV de mise en service of a signed convention.</summary>
    public RefusConvention? EnregistrerPvMiseEnService(DateOnly date, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (!EstGlobale)
        {
            return new("Le procès-verbal de mise en service ne concerne que la convention globale (modèle CCCF).");
        }

        if (Statut != StatutConvention.Signee)
        {
            return new($"Le procès-verbal se signe après la convention et avant son entrée en vigueur (la convention est {Statut.Libelle().ToLowerInvariant()}).");
        }

        var signature = DerniereSignature!.Value;
        if (date < signature)
        {
            return new($"Le procès-verbal ne peut pas précéder la signature de la convention ({Fr(signature)}).", "Date");
        }

        if (date > aujourdHui)
        {
            return new("La date du procès-verbal ne peut pas être dans le futur.", "Date");
        }

        DatePvMiseEnService = date;
        RecalculerDateEffet();
        Noter(date, "Procès-verbal de mise en service enregistré", auteur, quand, $"Signé le {Fr(date)} ; date d'effet : {Fr(DateEffet!.Value)}.");
        return null;
    }

    /// <summary>Records the contrôle de légalité transmission (ACTES identifier as typed, and its date).</summary>
    public RefusConvention? EnregistrerControleLegalite(string identifiant, DateOnly date, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut is StatutConvention.Denoncee or StatutConvention.Resiliee)
        {
            return new($"La convention est {Statut.Libelle().ToLowerInvariant()} : le contrôle de légalité ne s'enregistre plus.");
        }

        if (IdentifiantActes.Refus(identifiant) is { } refus)
        {
            return new(refus, "Identifiant");
        }

        var acte = IdentifiantActes.DateDeLActe(identifiant)!.Value;
        if (date < acte)
        {
            return new($"La transmission ne peut pas précéder la date de l'acte ({Fr(acte)}) que porte l'identifiant.", "Date");
        }

        if (date > aujourdHui)
        {
            return new("La date de transmission ne peut pas être dans le futur.", "Date");
        }

        ControleLegaliteIdentifiant = identifiant.Trim();
        ControleLegaliteDate = date;
        RecalculerDateEffet();
        Noter(date, "Contrôle de légalité enregistré", auteur, quand, $"Identifiant {ControleLegaliteIdentifiant}, transmis le {Fr(date)}.");
        return null;
    }

    /// <summary>
    /// Signée → en vigueur, once the effective date is reached. CCCF: needs the PV and the registration at
    /// the contrôle de légalité (the convention is executory only then).
    /// </summary>
    public RefusConvention? MettreEnVigueur(Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut != StatutConvention.Signee)
        {
            return new($"Seule une convention signée entre en vigueur (la convention est {Statut.Libelle().ToLowerInvariant()}).");
        }

        if (EstGlobale && DatePvMiseEnService is null)
        {
            return new("La convention globale n'entre en vigueur qu'après la signature du procès-verbal de mise en service : enregistrez-le d'abord.");
        }

        if (EstGlobale && ControleLegaliteIdentifiant is null)
        {
            return new("La convention globale n'est exécutoire qu'après son enregistrement au contrôle de légalité : enregistrez-le d'abord.");
        }

        if (DateEffet is not { } effet || effet > aujourdHui)
        {
            return new($"La convention ne prend effet que le {(DateEffet is { } d ? Fr(d) : "—")} : elle ne peut pas être mise en vigueur avant.");
        }

        Changer(StatutConvention.EnVigueur, effet, "Mise en vigueur", auteur, quand, $"En vigueur depuis le {Fr(effet)}.");
        return null;
    }

    /// <summary>
    /// En vigueur → dénoncée: the notice received (date, letter reference, who gave it) sets the exit date by
    /// the model's rule; Redon accepts an earlier date agreed in writing (date and reference of the agreement).
    /// </summary>
    public RefusConvention? Denoncer(DateOnly reception, string reference, AuteurDenonciation par, DateOnly? dateConvenue, string? referenceAccord,
        Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut != StatutConvention.EnVigueur)
        {
            return new($"Seule une convention en vigueur se dénonce (la convention est {Statut.Libelle().ToLowerInvariant()}).");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            return new("La référence du courrier de dénonciation est obligatoire.", "Reference");
        }

        if (Limites.Refus(reference.Trim(), LongueurMaxReference, "La référence du courrier") is { } refusReference)
        {
            return new(refusReference, "Reference");
        }

        if (reception < DateEffet!.Value)
        {
            return new($"La dénonciation ne peut pas précéder la date d'effet de la convention ({Fr(DateEffet.Value)}).", "DateReception");
        }

        if (reception > aujourdHui)
        {
            return new("La date de réception ne peut pas être dans le futur.", "DateReception");
        }

        if (dateConvenue is { } convenue)
        {
            if (EstGlobale)
            {
                return new("La convention globale ne prévoit pas de date de sortie convenue : la sortie a lieu un 1er janvier.", "DateConvenue");
            }

            if (string.IsNullOrWhiteSpace(referenceAccord))
            {
                return new("Une date de sortie convenue demande la référence de l'accord écrit et signé des deux parties.", "ReferenceAccord");
            }

            if (Limites.Refus(referenceAccord.Trim(), LongueurMaxReference, "La référence de l'accord") is { } refusAccord)
            {
                return new(refusAccord, "ReferenceAccord");
            }

            var prevue = DateSortieServiceCommun(reception, null);
            if (convenue < reception || convenue >= prevue)
            {
                return new($"La date convenue doit se situer entre la réception de la dénonciation ({Fr(reception)}) et la fin du préavis de douze mois ({Fr(prevue)}).", "DateConvenue");
            }
        }
        else if (!string.IsNullOrWhiteSpace(referenceAccord))
        {
            return new("Indiquez la date de sortie convenue par l'accord écrit.", "DateConvenue");
        }

        DateDenonciation = reception;
        ReferenceDenonciation = reference.Trim();
        DenonceePar = par;
        DateSortieConvenue = dateConvenue;
        ReferenceAccordSortie = dateConvenue is null ? null : referenceAccord!.Trim();
        DateSortie = EstGlobale ? DateSortieGlobale(reception) : DateSortieServiceCommun(reception, dateConvenue);
        Changer(StatutConvention.Denoncee, reception, "Dénonciation enregistrée", auteur, quand,
            $"Courrier {ReferenceDenonciation} reçu le {Fr(reception)}, dénonciation par {par.Libelle()} ; sortie le {Fr(DateSortie.Value)}"
            + (dateConvenue is null ? "." : $" (accord écrit {ReferenceAccordSortie})."));
        return null;
    }

    /// <summary>Dénoncée → résiliée, once the exit date is reached.</summary>
    public RefusConvention? Resilier(Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        if (Statut != StatutConvention.Denoncee)
        {
            return new($"Seule une convention dénoncée se résilie, à sa date de sortie (la convention est {Statut.Libelle().ToLowerInvariant()}).");
        }

        if (aujourdHui < DateSortie!.Value)
        {
            return new($"La sortie ne prend effet que le {Fr(DateSortie.Value)} : la convention reste en vigueur jusque-là.");
        }

        Changer(StatutConvention.Resiliee, DateSortie.Value, "Convention résiliée", auteur, quand, $"Sortie effective le {Fr(DateSortie.Value)}.");
        return null;
    }

    /// <summary>Adds an avenant (numbered in order) to a signed convention still running.</summary>
    public RefusConvention? AjouterAvenant(DateOnly date, string objet, Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui, out Avenant? avenant)
    {
        avenant = null;
        if (Statut is not (StatutConvention.Signee or StatutConvention.EnVigueur or StatutConvention.Denoncee))
        {
            return new($"Un avenant modifie une convention signée et en cours (la convention est {Statut.Libelle().ToLowerInvariant()}).");
        }

        if (string.IsNullOrWhiteSpace(objet))
        {
            return new("L'objet de l'avenant est obligatoire.", "Objet");
        }

        if (Limites.Refus(objet.Trim(), Avenant.LongueurMaxObjet, "L'objet") is { } refus)
        {
            return new(refus, "Objet");
        }

        if (date < DerniereSignature!.Value)
        {
            return new($"Un avenant ne peut pas précéder la signature de la convention ({Fr(DerniereSignature.Value)}).", "Date");
        }

        if (date > aujourdHui)
        {
            return new("La date de l'avenant ne peut pas être dans le futur.", "Date");
        }

        avenant = new Avenant(_avenants.Count == 0 ? 1 : _avenants.Max(a => a.Numero) + 1, date, objet.Trim());
        _avenants.Add(avenant);
        Noter(date, $"Avenant n° {avenant.Numero} enregistré", auteur, quand, avenant.Objet);
        return null;
    }

    /// <summary>Adds a signed document whose content was checked by the caller.</summary>
    public RefusConvention? AjouterDocument(NatureDocumentConvention nature, string titre, int? avenantNumero, string nomFichier, string typeContenu, byte[] contenu,
        Auteur auteur, DateTimeOffset quand, DateOnly aujourdHui)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        if (string.IsNullOrWhiteSpace(titre))
        {
            return new("Donnez un titre au document.", "Titre");
        }

        if (Limites.Refus(titre.Trim(), DocumentConvention.LongueurMaxTitre, "Le titre") is { } refus)
        {
            return new(refus, "Titre");
        }

        _documents.Add(new DocumentConvention(MembreId, nature, titre.Trim(), avenantNumero, nomFichier, typeContenu, contenu, quand, auteur));
        Noter(aujourdHui, "Document déposé", auteur, quand, $"{nature.Libelle()} : {titre.Trim()} ({nomFichier}).");
        return null;
    }

    /// <summary>In force on a date: put in force, from its effective date, and before its exit date.</summary>
    public bool EstEnVigueurLe(DateOnly date) =>
        Statut is StatutConvention.EnVigueur or StatutConvention.Denoncee or StatutConvention.Resiliee
        && DateEffet is { } effet && date >= effet
        && (DateSortie is not { } sortie || date < sortie);

    /// <summary>Months of the exercice the convention is in force, a month started counting whole (prorata by twelfths).</summary>
    public int MoisEnVigueur(int exercice)
    {
        if (Statut is not (StatutConvention.EnVigueur or StatutConvention.Denoncee or StatutConvention.Resiliee) || DateEffet is not { } effet)
        {
            return 0;
        }

        var dernierJour = DateSortie is { } sortie ? sortie.AddDays(-1) : DateOnly.MaxValue;
        var premier = effet.Year < exercice ? 1 : effet.Year > exercice ? 13 : effet.Month;
        var dernier = dernierJour.Year > exercice ? 12 : dernierJour.Year < exercice ? 0 : dernierJour.Month;
        return Math.Max(0, dernier - premier + 1);
    }

    /// <summary>Redon: the next tacit renewal (anniversary of the effective date) after today, while the convention runs.</summary>
    public DateOnly? ProchainRenouvellement(DateOnly aujourdHui) =>
        Modele == ModeleConvention.ServiceCommun && Statut is StatutConvention.Signee or StatutConvention.EnVigueur && DateEffet is { } effet
            ? RegleConvention.ProchainRenouvellement(effet, aujourdHui)
            : null;

    /// <summary>CCCF: the convention is executory only once registered at the contrôle de légalité.</summary>
    public bool AttendLeControleDeLegalite => EstGlobale && Statut == StatutConvention.Signee && ControleLegaliteIdentifiant is null;

    private DateOnly? DerniereSignature =>
        DateSignatureMembre is { } m && DateSignatureEpci is { } e ? DateEffetServiceCommun(m, e) : null;

    private void RecalculerDateEffet() =>
        DateEffet = EstGlobale
            ? DatePvMiseEnService is { } pv ? DateEffetGlobale(pv, ControleLegaliteDate) : null
            : DerniereSignature;

    private void Changer(StatutConvention vers, DateOnly date, string libelle, Auteur auteur, DateTimeOffset quand, string detail)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementConvention(quand, date, libelle, Statut, vers, auteur, detail));
        Statut = vers;
    }

    private void Noter(DateOnly date, string libelle, Auteur auteur, DateTimeOffset quand, string detail)
    {
        ArgumentNullException.ThrowIfNull(auteur);
        _evenements.Add(new EvenementConvention(quand, date, libelle, Statut, Statut, auteur, detail));
    }
}
