using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Catalogue;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// Every route of the application is in <see cref="Matrice"/>, one line per route: what each role gets
/// (anonymous, Mairie, AgentDSI, Finance, AdministrateurDSI), so a forgotten <c>[Authorize]</c> fails
/// <see cref="Chaque_role_obtient_sur_chaque_route_ce_que_la_matrice_prevoit"/>; and what a Mairie user gets with
/// another commune's ids (it never sees nor changes another member's data). A new route without a line
/// makes <see cref="Toutes_les_routes_de_l_application_sont_dans_la_matrice"/> fail.
/// </summary>
[Collection(PortailCollection.Nom)]
public class IsolationTests(PortailFactory portail)
{
    /// <summary>What a Mairie user gets with another commune's ids.</summary>
    private enum Attendu
    {
        /// <summary>403, 404 or a redirect to the access-denied page.</summary>
        Refus,

        /// <summary>200, and nothing of the foreign member in the answer.</summary>
        SansEtranger,

        /// <summary>Any status, but nothing of the foreign member in the answer (a refused form that names no one).</summary>
        SansTrace,

        /// <summary>Acts only on the signed-in account or needs no commune data; not replayed with foreign ids.</summary>
        HorsPerimetre,
    }

    /// <summary>What one role gets on one route.</summary>
    private enum R
    {
        /// <summary>Allowed: a page, a redirect elsewhere than sign-in or access denied (or the line's own status).</summary>
        O,

        /// <summary>Refused by an authorization policy: 403 or a redirect to the access-denied page.</summary>
        X,

        /// <summary>Hidden: 404 (a draft catalogue for a Mairie user).</summary>
        Cache,

        /// <summary>Anonymous: a redirect to the sign-in page (401 under /api).</summary>
        C,
    }

    /// <summary>The outcome per role, in the order anonymous, Mairie, AgentDSI, Finance, AdministrateurDSI.</summary>
    private sealed record Acces(R Anonyme, R Mairie, R AgentDSI, R Finance, R AdministrateurDSI)
    {
        public static readonly Acces Public = new(R.O, R.O, R.O, R.O, R.O);
        public static readonly Acces Connectes = new(R.C, R.O, R.O, R.O, R.O);
        public static readonly Acces Personnel = new(R.C, R.X, R.O, R.O, R.O);
        public static readonly Acces PersonnelSeul = new(R.C, R.Cache, R.O, R.O, R.O);

        /// <summary>A draft previewed on a public page: hidden (404) from anonymous visitors and Mairie users.</summary>
        public static readonly Acces ApercuBrouillon = new(R.Cache, R.Cache, R.O, R.O, R.O);
        public static readonly Acces GestionMembres = new(R.C, R.X, R.O, R.X, R.O);
        public static readonly Acces GestionCatalogue = new(R.C, R.X, R.X, R.O, R.O);
        public static readonly Acces Administration = new(R.C, R.X, R.X, R.X, R.O);

        /// <summary>Something another user launched (a background job): hidden from all but DSI administrators.</summary>
        public static readonly Acces LanceurOuAdministration = new(R.C, R.Cache, R.Cache, R.Cache, R.O);

        public R Pour(string? role) => role switch
        {
            null => Anonyme,
            Roles.Mairie => Mairie,
            Roles.AgentDSI => AgentDSI,
            Roles.Finance => Finance,
            Roles.AdministrateurDSI => AdministrateurDSI,
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
    }

    /// <summary>
    /// Ids the URLs use: <see cref="Membre"/> is the Mairie user's own commune in the role sweep and another commune in the
    /// foreign-id sweep; the draft catalogue and the user are created for each sweep.
    /// </summary>
    private sealed record Contexte(int Membre, string Utilisateur, int Brouillon, int Annexe, int Service, int ServiceJetable, int Formule, int Travail, int Quantite, int QuantiteMembre, int Convention = 0, int DocumentConvention = 0)
    {
        public int Titre { get; init; }

        public int TitreBrouillon { get; init; }

        public int Bordereau { get; init; }

        /// <summary>A campaign of its own (an exercice facturé no other test uses, a budget of its own).</summary>
        public int Campagne { get; init; }

        public string Insee { get; init; } = "";

        public int Souscription { get; init; }

        public int Mission { get; init; }

        public int SaisieMission { get; init; }

        public int Audit { get; init; }

        public int Constat { get; init; }

        public int Element { get; init; }

        public int Fiche { get; init; }

        /// <summary>A file of the fiche (the commune reads it) and a file of a DSI annotation (the DSI only).</summary>
        public (int Publique, int Privee) PiecesFiche { get; init; }

        /// <summary>A notification of some other account: nobody else opens it.</summary>
        public long Notification { get; init; }

        public int Seance { get; init; }

        public (int Titre, int Piece) Remboursement { get; init; }
    }

    /// <summary>Order of the role sweep: deletions after the lines that read what they delete, sign-out last.</summary>
    private enum Phase
    {
        Lecture,
        SupprimeUnePartie,
        SupprimeLaVersion,
        FermeLaSession,
    }

    /// <param name="Statut">The status of an allowed answer when it is not 2xx/3xx (error pages, access-denied page).</param>
    private sealed record Cas(string Methode, string Modele, Func<Contexte, string> Url, Acces Acces, Attendu Attendu,
        string? Raison = null, Phase Phase = Phase.Lecture, int? Statut = null, Func<Contexte, Dictionary<string, string?>>? Champs = null);

    private static readonly Cas[] Matrice =
    [
        new("GET", "", _ => "/", Acces.Connectes, Attendu.SansEtranger),
        new("*", "erreur", _ => "/erreur", Acces.Public, Attendu.HorsPerimetre, "page d'erreur sans donnée", Statut: 500),
        new("*", "erreur/{statut:int}", _ => "/erreur/404", Acces.Public, Attendu.HorsPerimetre, "page d'erreur sans donnée", Statut: 404),
        new("*", "/health", _ => "/health", Acces.Public, Attendu.HorsPerimetre, "état de la base, sans donnée"),
        new("*", "/health/live", _ => "/health/live", Acces.Public, Attendu.HorsPerimetre, "le processus répond, sans donnée"),
        new("*", "/health/ready", _ => "/health/ready", Acces.Public, Attendu.HorsPerimetre, "état de la base, sans donnée"),
        new("GET", "/openapi/{documentName}.json", _ => "/openapi/v1.json", Acces.Connectes, Attendu.HorsPerimetre, "description de l'API, sans donnée"),
        new("GET", "documentation/api", _ => "/documentation/api", Acces.Public, Attendu.HorsPerimetre, "référence de l'API, sans donnée"),
        new("GET", "compte/connexion", _ => "/compte/connexion", Acces.Public, Attendu.HorsPerimetre, "formulaire anonyme"),
        new("POST", "compte/connexion", _ => "/compte/connexion", Acces.Public, Attendu.HorsPerimetre, "ouvre la session du compte qui s'identifie"),
        new("POST", "compte/deconnexion", _ => "/compte/deconnexion", Acces.Connectes, Attendu.HorsPerimetre, "ferme sa propre session", Phase.FermeLaSession, Statut: 302),
        new("GET", "compte/mot-de-passe", _ => "/compte/mot-de-passe", Acces.Connectes, Attendu.HorsPerimetre, "son propre compte"),
        new("POST", "compte/mot-de-passe", _ => "/compte/mot-de-passe", Acces.Connectes, Attendu.HorsPerimetre, "son propre compte"),
        new("GET", "compte/acces-refuse", _ => "/compte/acces-refuse", Acces.Public, Attendu.HorsPerimetre, "page fixe", Statut: 403),
        new("GET", "membres", _ => "/membres", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "membres", c => "/membres?q=" + c.Membre, Acces.Connectes, Attendu.SansEtranger),
        new("GET", "membres/{id:int}", c => $"/membres/{c.Membre}", Acces.Connectes, Attendu.Refus),
        new("GET", "membres/nouveau", _ => "/membres/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("POST", "membres/nouveau", _ => "/membres/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("GET", "membres/{id:int}/modifier", c => $"/membres/{c.Membre}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "membres/{id:int}/modifier", c => $"/membres/{c.Membre}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "membres/{id:int}/quantites", c => $"/membres/{c.Membre}/quantites", Acces.GestionMembres, Attendu.Refus,
            Champs: _ => new() { ["Code"] = "demi-journees-n1", ["Depuis"] = "2026-01-01", ["Valeur"] = "4", ["Source"] = "Matrice" }),
        new("POST", "membres/{id:int}/quantites/{quantiteId:int}/supprimer", c => $"/membres/{c.Membre}/quantites/{c.QuantiteMembre}/supprimer", Acces.GestionMembres, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("GET", "membres/import", _ => "/membres/import", Acces.Administration, Attendu.Refus),
        new("POST", "membres/import", _ => "/membres/import", Acces.Administration, Attendu.Refus),
        new("GET", "api/v1/membres", _ => "/api/v1/membres?taille=200", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "conventions", _ => "/conventions", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "conventions", c => $"/conventions?Membre={c.Membre}", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "api/v1/conventions", _ => "/api/v1/conventions", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "conventions/tableau-de-bord", _ => "/conventions/tableau-de-bord", Acces.Personnel, Attendu.Refus),
        new("GET", "conventions/{id:int}", c => $"/conventions/{c.Convention}", Acces.Connectes, Attendu.Refus),
        new("GET", "conventions/{id:int}/documents/{documentId:int}", c => $"/conventions/{c.Convention}/documents/{c.DocumentConvention}", Acces.Connectes, Attendu.Refus),
        new("GET", "conventions/nouvelle", c => $"/conventions/nouvelle?membre={c.Membre}", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/nouvelle", _ => "/conventions/nouvelle", Acces.GestionMembres, Attendu.Refus,
            Champs: c => new() { ["MembreId"] = c.Membre.ToString(CultureInfo.InvariantCulture), ["Modele"] = "ConventionGlobale" }),
        new("GET", "conventions/{id:int}/modifier", c => $"/conventions/{c.Convention}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/modifier", c => $"/conventions/{c.Convention}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("GET", "conventions/{id:int}/signer", c => $"/conventions/{c.Convention}/signer", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/signer", c => $"/conventions/{c.Convention}/signer", Acces.GestionMembres, Attendu.Refus),
        new("GET", "conventions/{id:int}/proces-verbal", c => $"/conventions/{c.Convention}/proces-verbal", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/proces-verbal", c => $"/conventions/{c.Convention}/proces-verbal", Acces.GestionMembres, Attendu.Refus),
        new("GET", "conventions/{id:int}/controle-de-legalite", c => $"/conventions/{c.Convention}/controle-de-legalite", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/controle-de-legalite", c => $"/conventions/{c.Convention}/controle-de-legalite", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/mettre-en-vigueur", c => $"/conventions/{c.Convention}/mettre-en-vigueur", Acces.GestionMembres, Attendu.Refus),
        new("GET", "conventions/{id:int}/denonciation", c => $"/conventions/{c.Convention}/denonciation", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/denonciation", c => $"/conventions/{c.Convention}/denonciation", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/resilier", c => $"/conventions/{c.Convention}/resilier", Acces.GestionMembres, Attendu.Refus),
        new("GET", "conventions/{id:int}/avenants/nouveau", c => $"/conventions/{c.Convention}/avenants/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/avenants/nouveau", c => $"/conventions/{c.Convention}/avenants/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("POST", "conventions/{id:int}/documents", c => $"/conventions/{c.Convention}/documents", Acces.GestionMembres, Attendu.Refus, Statut: 422),
        new("GET", "membres/{id:int}/adhesion", c => $"/membres/{c.Membre}/adhesion", Acces.Connectes, Attendu.Refus),
        new("GET", "membres/{id:int}/adhesion/formule", c => $"/membres/{c.Membre}/adhesion/formule", Acces.GestionMembres, Attendu.Refus),
        new("POST", "membres/{id:int}/adhesion/formule", c => $"/membres/{c.Membre}/adhesion/formule", Acces.GestionMembres, Attendu.Refus, Statut: 422),
        new("GET", "membres/{id:int}/adhesion/services/nouveau", c => $"/membres/{c.Membre}/adhesion/services/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("POST", "membres/{id:int}/adhesion/services/nouveau", c => $"/membres/{c.Membre}/adhesion/services/nouveau", Acces.GestionMembres, Attendu.Refus, Statut: 422),
        new("GET", "membres/{id:int}/adhesion/services/{souscriptionId:int}/quantite", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/quantite", Acces.GestionMembres, Attendu.Refus),
        new("POST", "membres/{id:int}/adhesion/services/{souscriptionId:int}/quantite", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/quantite", Acces.GestionMembres, Attendu.Refus, Statut: 422),
        new("GET", "membres/{id:int}/adhesion/services/{souscriptionId:int}/fin", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/fin", Acces.GestionMembres, Attendu.Refus),
        new("POST", "membres/{id:int}/adhesion/services/{souscriptionId:int}/fin", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/fin", Acces.GestionMembres, Attendu.Refus, Statut: 422),
        new("GET", "api/v1/membres/{inseeCode}/adhesions", c => $"/api/v1/membres/{c.Insee}/adhesions", Acces.Connectes, Attendu.Refus),
        new("GET", "api/v1/membres/{inseeCode}/contribution", c => $"/api/v1/membres/{c.Insee}/contribution?exercice=2026", Acces.Connectes, Attendu.Refus),
        new("GET", "missions", _ => "/missions", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "missions", c => $"/missions?Membre={c.Membre}", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "missions/n1", _ => "/missions/n1", Acces.Personnel, Attendu.Refus),
        new("GET", "missions/membres/{membreId:int}", c => $"/missions/membres/{c.Membre}", Acces.Connectes, Attendu.Refus),
        new("GET", "missions/{id:int}", c => $"/missions/{c.Mission}", Acces.Connectes, Attendu.Refus),
        new("GET", "api/v1/membres/{inseeCode}/jours-n1", c => $"/api/v1/membres/{c.Insee}/jours-n1", Acces.Connectes, Attendu.Refus),
        new("GET", "missions/nouvelle", c => $"/missions/nouvelle?membre={c.Membre}", Acces.GestionMembres, Attendu.Refus),
        new("POST", "missions/nouvelle", _ => "/missions/nouvelle", Acces.GestionMembres, Attendu.Refus,
            Champs: c => new() { ["MembreId"] = c.Membre.ToString(CultureInfo.InvariantCulture), ["Objet"] = "Matrice", ["DateDebut"] = "01/10/2026", ["DateFinPrevue"] = "01/11/2026", ["JoursPrevus"] = "1" }),
        new("GET", "missions/{id:int}/modifier", c => $"/missions/{c.Mission}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "missions/{id:int}/modifier", c => $"/missions/{c.Mission}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("GET", "missions/{id:int}/saisies/nouvelle", c => $"/missions/{c.Mission}/saisies/nouvelle", Acces.GestionMembres, Attendu.Refus),
        new("POST", "missions/{id:int}/saisies/nouvelle", c => $"/missions/{c.Mission}/saisies/nouvelle", Acces.GestionMembres, Attendu.Refus,
            Champs: _ => new() { ["Date"] = "14/10/2026", ["Jours"] = "0,5", ["Creneau"] = "Matin" }),
        new("POST", "missions/{id:int}/saisies/{saisieId:int}/supprimer", c => $"/missions/{c.Mission}/saisies/{c.SaisieMission}/supprimer", Acces.GestionMembres, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("POST", "missions/{id:int}/demarrer", c => $"/missions/{c.Mission}/demarrer", Acces.GestionMembres, Attendu.Refus),
        new("POST", "missions/{id:int}/terminer", c => $"/missions/{c.Mission}/terminer", Acces.GestionMembres, Attendu.Refus, Phase: Phase.SupprimeLaVersion),
        new("POST", "missions/{id:int}/annuler", c => $"/missions/{c.Mission}/annuler", Acces.GestionMembres, Attendu.Refus, Phase: Phase.SupprimeLaVersion),
        new("GET", "fiches-projet", _ => "/fiches-projet", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "fiches-projet/export.csv", _ => "/fiches-projet/export.csv", Acces.Personnel, Attendu.Refus),
        new("GET", "fiches-projet/export.xlsx", _ => "/fiches-projet/export.xlsx?etat=Brouillon", Acces.Personnel, Attendu.Refus),
        new("GET", "fiches-projet/nouvelle", c => $"/fiches-projet/nouvelle?membre={c.Membre}", new(R.C, R.O, R.O, R.X, R.O), Attendu.SansEtranger),
        new("POST", "fiches-projet/nouvelle", _ => "/fiches-projet/nouvelle", new(R.C, R.O, R.O, R.X, R.O), Attendu.SansTrace, "formulaire vide refusé, sans nommer personne"),
        new("GET", "fiches-projet/{id:int}", c => $"/fiches-projet/{c.Fiche}", Acces.Connectes, Attendu.Refus),
        new("GET", "fiches-projet/{id:int}/modifier", c => $"/fiches-projet/{c.Fiche}/modifier", new(R.C, R.O, R.O, R.X, R.O), Attendu.Refus),
        new("POST", "fiches-projet/{id:int}/modifier", c => $"/fiches-projet/{c.Fiche}/modifier", new(R.C, R.O, R.O, R.X, R.O), Attendu.Refus),
        new("GET", "fiches-projet/{id:int}/versions", c => $"/fiches-projet/{c.Fiche}/versions", Acces.Connectes, Attendu.Refus),
        new("POST", "fiches-projet/{id:int}/prendre-en-instruction", c => $"/fiches-projet/{c.Fiche}/prendre-en-instruction", Acces.GestionMembres, Attendu.Refus),
        new("POST", "fiches-projet/{id:int}/complements", c => $"/fiches-projet/{c.Fiche}/complements", Acces.GestionMembres, Attendu.Refus),
        new("POST", "fiches-projet/{id:int}/instruction", c => $"/fiches-projet/{c.Fiche}/instruction", Acces.GestionMembres, Attendu.Refus),
        new("POST", "fiches-projet/{id:int}/pieces", c => $"/fiches-projet/{c.Fiche}/pieces", new(R.C, R.O, R.O, R.X, R.O), Attendu.Refus, "sans fichier : refusé avec sa raison"),
        new("GET", "fiches-projet/{id:int}/pieces/{pieceId:int}", c => $"/fiches-projet/{c.Fiche}/pieces/{c.PiecesFiche.Publique}", Acces.Connectes, Attendu.Refus),
        new("GET", "fiches-projet/{id:int}/pieces/{pieceId:int}", c => $"/fiches-projet/{c.Fiche}/pieces/{c.PiecesFiche.Privee}", new(R.C, R.Cache, R.O, R.Cache, R.O), Attendu.Refus, "pièce d'une annotation : la DSI seule"),
        new("POST", "fiches-projet/{id:int}/messages", c => $"/fiches-projet/{c.Fiche}/messages", new(R.C, R.O, R.O, R.X, R.O), Attendu.Refus, "message vide : refusé avec sa raison"),
        new("POST", "fiches-projet/{id:int}/annotations", c => $"/fiches-projet/{c.Fiche}/annotations", Acces.GestionMembres, Attendu.Refus, "annotation vide : refusée avec sa raison"),
        new("GET", "notifications", _ => "/notifications", Acces.Connectes, Attendu.HorsPerimetre, "ses propres notifications"),
        new("POST", "notifications/tout-marquer-lu", _ => "/notifications/tout-marquer-lu", Acces.Connectes, Attendu.HorsPerimetre, "ses propres notifications"),
        new("POST", "notifications/{id:long}/ouvrir", c => $"/notifications/{c.Notification}/ouvrir", new(R.C, R.Cache, R.Cache, R.Cache, R.Cache), Attendu.HorsPerimetre, "la notification d'un autre compte : 404 pour tous"),
        new("GET", "administration/courriels", _ => "/administration/courriels", Acces.Administration, Attendu.Refus),
        new("POST", "fiches-projet/{id:int}/liens/{autre:int}", c => $"/fiches-projet/{c.Fiche}/liens/{c.Fiche}", Acces.GestionMembres, Attendu.Refus,
            "une fiche ne se lie pas à elle-même : 404 pour la DSI aussi", Statut: 404),
        new("GET", "fiches-projet/{id:int}/pdf", c => $"/fiches-projet/{c.Fiche}/pdf", Acces.Connectes, Attendu.Refus),
        new("GET", "copil", _ => "/copil", Acces.Personnel, Attendu.Refus),
        new("POST", "copil", _ => "/copil", Acces.GestionMembres, Attendu.Refus, "formulaire vide refusé"),
        new("GET", "copil/{id:int}", c => $"/copil/{c.Seance}", Acces.Personnel, Attendu.Refus),
        new("GET", "copil/{id:int}/proces-verbal.pdf", c => $"/copil/{c.Seance}/proces-verbal.pdf", Acces.Personnel, Attendu.Refus),
        new("POST", "copil/{id:int}/ordre-du-jour", c => $"/copil/{c.Seance}/ordre-du-jour", Acces.GestionMembres, Attendu.Refus, "sans fiche choisie : refusé avec un message"),
        new("POST", "copil/{id:int}/ordre-du-jour/{ficheId:int}/retirer", c => $"/copil/{c.Seance}/ordre-du-jour/{c.Fiche}/retirer", Acces.GestionMembres, Attendu.Refus,
            "la fiche de la matrice n'est pas à l'ordre du jour : refusé avec un message"),
        new("POST", "copil/{id:int}/decisions/{ficheId:int}", c => $"/copil/{c.Seance}/decisions/{c.Fiche}", Acces.GestionMembres, Attendu.Refus,
            "la fiche de la matrice n'est pas à l'ordre du jour : 404 pour la DSI aussi", Statut: 404),
        new("POST", "copil/{id:int}/cloturer", c => $"/copil/{c.Seance}/cloturer", Acces.GestionMembres, Attendu.Refus, "séance sans fiche : la clôture est refusée avec un message"),
        new("GET", "schema-directeur", _ => "/schema-directeur", Acces.Personnel, Attendu.Refus),
        new("GET", "schema-directeur", _ => "/schema-directeur?annee=2027", Acces.Personnel, Attendu.Refus),
        new("GET", "audits", _ => "/audits", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "audits", c => $"/audits?Membre={c.Membre}&Statut=RapportLivre", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "audits/{id:int}", c => $"/audits/{c.Audit}", Acces.Connectes, Attendu.Refus),
        new("GET", "audits/{id:int}/rapport", c => $"/audits/{c.Audit}/rapport", Acces.Connectes, Attendu.Refus),
        new("GET", "api/v1/membres/{inseeCode}/audits", c => $"/api/v1/membres/{c.Insee}/audits", Acces.Connectes, Attendu.Refus),
        new("GET", "audits/nouveau", c => $"/audits/nouveau?membre={c.Membre}", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/nouveau", _ => "/audits/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/planifier", c => $"/audits/{c.Audit}/planifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/planifier", c => $"/audits/{c.Audit}/planifier", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/demarrer", c => $"/audits/{c.Audit}/demarrer", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/demarrer", c => $"/audits/{c.Audit}/demarrer", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/livrer", c => $"/audits/{c.Audit}/livrer", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/livrer", c => $"/audits/{c.Audit}/livrer", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/annuler", c => $"/audits/{c.Audit}/annuler", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/annuler", c => $"/audits/{c.Audit}/annuler", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/constats/nouveau", c => $"/audits/{c.Audit}/constats/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/constats/nouveau", c => $"/audits/{c.Audit}/constats/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/constats/{constatId:int}/modifier", c => $"/audits/{c.Audit}/constats/{c.Constat}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/constats/{constatId:int}/modifier", c => $"/audits/{c.Audit}/constats/{c.Constat}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/constats/{constatId:int}/supprimer", c => $"/audits/{c.Audit}/constats/{c.Constat}/supprimer", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/inventaire/nouveau", c => $"/audits/{c.Audit}/inventaire/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/inventaire/nouveau", c => $"/audits/{c.Audit}/inventaire/nouveau", Acces.GestionMembres, Attendu.Refus),
        new("GET", "audits/{id:int}/inventaire/{elementId:int}/modifier", c => $"/audits/{c.Audit}/inventaire/{c.Element}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/inventaire/{elementId:int}/modifier", c => $"/audits/{c.Audit}/inventaire/{c.Element}/modifier", Acces.GestionMembres, Attendu.Refus),
        new("POST", "audits/{id:int}/inventaire/{elementId:int}/supprimer", c => $"/audits/{c.Audit}/inventaire/{c.Element}/supprimer", Acces.GestionMembres, Attendu.Refus),
        new("GET", "administration/utilisateurs", _ => "/administration/utilisateurs", Acces.Administration, Attendu.Refus),
        new("GET", "administration/utilisateurs/nouveau", _ => "/administration/utilisateurs/nouveau", Acces.Administration, Attendu.Refus),
        new("POST", "administration/utilisateurs/nouveau", _ => "/administration/utilisateurs/nouveau", Acces.Administration, Attendu.Refus),
        new("GET", "administration/utilisateurs/{id}/modifier", c => $"/administration/utilisateurs/{c.Utilisateur}/modifier", Acces.Administration, Attendu.Refus),
        new("POST", "administration/utilisateurs/{id}/modifier", c => $"/administration/utilisateurs/{c.Utilisateur}/modifier", Acces.Administration, Attendu.Refus),
        new("POST", "administration/utilisateurs/{id}/desactiver", c => $"/administration/utilisateurs/{c.Utilisateur}/desactiver", Acces.Administration, Attendu.Refus),
        new("POST", "administration/utilisateurs/{id}/reactiver", c => $"/administration/utilisateurs/{c.Utilisateur}/reactiver", Acces.Administration, Attendu.Refus),
        new("POST", "administration/utilisateurs/{id}/deverrouiller", c => $"/administration/utilisateurs/{c.Utilisateur}/deverrouiller", Acces.Administration, Attendu.Refus),
        new("GET", "simulation", _ => "/simulation", Acces.Public, Attendu.SansEtranger),
        new("GET", "simulation", c => $"/simulation?commune={c.Membre}&formule=socle-complet&annee=premiere", Acces.Public, Attendu.SansTrace),
        new("GET", "api/v1/simulation", _ => "/api/v1/simulation?population=1000&formule=socle-complet&annee=premiere", Acces.Public, Attendu.HorsPerimetre, "population saisie, aucune donnée de membre"),
        new("GET", "api/v1/simulation/formules", _ => "/api/v1/simulation/formules", Acces.Public, Attendu.HorsPerimetre, "formules du catalogue voté, aucune donnée de membre"),
        new("GET", "simulation", c => $"/simulation?version={c.Brouillon}", Acces.ApercuBrouillon, Attendu.Refus),
        new("GET", "simulation", c => $"/simulation?version={c.Brouillon}&commune={c.Membre}&formule=socle-complet&annee=suivante", Acces.ApercuBrouillon, Attendu.Refus),
        new("GET", "contributions", c => $"/contributions?version={c.Brouillon}", Acces.Personnel, Attendu.Refus),
        new("GET", "catalogue", _ => "/catalogue", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "contributions", _ => "/contributions?formule=socle-complet&annee=premiere", Acces.Personnel, Attendu.Refus),
        new("GET", "catalogue/{id:int}", c => $"/catalogue/{c.Brouillon}", Acces.PersonnelSeul, Attendu.Refus),
        new("POST", "catalogue/copier", _ => "/catalogue/copier", Acces.GestionCatalogue, Attendu.Refus,
            Champs: c => new() { ["source"] = c.Brouillon.ToString(CultureInfo.InvariantCulture), ["exercice"] = "1990" }),
        new("POST", "catalogue/nouvelle", _ => "/catalogue/nouvelle", Acces.GestionCatalogue, Attendu.Refus,
            Champs: _ => new() { ["exerciceVierge"] = "1990", ["intitule"] = "Refusé" }),
        new("POST", "catalogue/{id:int}/supprimer", c => $"/catalogue/{c.Brouillon}/supprimer", Acces.GestionCatalogue, Attendu.Refus, Phase: Phase.SupprimeLaVersion),
        new("GET", "catalogue/{id:int}/parametres", c => $"/catalogue/{c.Brouillon}/parametres", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/parametres", c => $"/catalogue/{c.Brouillon}/parametres", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "catalogue/{id:int}/voter", c => $"/catalogue/{c.Brouillon}/voter", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/voter", c => $"/catalogue/{c.Brouillon}/voter", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "catalogue/{id:int}/services/nouveau", c => $"/catalogue/{c.Brouillon}/services/nouveau", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/services/nouveau", c => $"/catalogue/{c.Brouillon}/services/nouveau", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/modifier", c => $"/catalogue/{c.Brouillon}/services/{c.Service}/modifier", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/modifier", c => $"/catalogue/{c.Brouillon}/services/{c.Service}/modifier", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/supprimer", c => $"/catalogue/{c.Brouillon}/services/{c.ServiceJetable}/supprimer", Acces.GestionCatalogue, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/composantes/nouvelle", c => $"/catalogue/{c.Brouillon}/services/{c.Service}/composantes/nouvelle", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/nouvelle", c => $"/catalogue/{c.Brouillon}/services/{c.Service}/composantes/nouvelle", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier", c => $"/catalogue/{c.Brouillon}/services/{c.Service}/composantes/0/modifier", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier", c => $"/catalogue/{c.Brouillon}/services/{c.Service}/composantes/0/modifier", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/supprimer", c => $"/catalogue/{c.Brouillon}/services/{c.Service}/composantes/0/supprimer", Acces.GestionCatalogue, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("GET", "catalogue/{id:int}/formules/nouvelle", c => $"/catalogue/{c.Brouillon}/formules/nouvelle", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/formules/nouvelle", c => $"/catalogue/{c.Brouillon}/formules/nouvelle", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/formules/{formuleId:int}/supprimer", c => $"/catalogue/{c.Brouillon}/formules/{c.Formule}/supprimer", Acces.GestionCatalogue, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("POST", "catalogue/{id:int}/annexes", c => $"/catalogue/{c.Brouillon}/annexes", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "catalogue/{id:int}/annexes/{annexeId:int}", c => $"/catalogue/{c.Brouillon}/annexes/{c.Annexe}", Acces.PersonnelSeul, Attendu.Refus),
        new("POST", "catalogue/{id:int}/annexes/{annexeId:int}/supprimer", c => $"/catalogue/{c.Brouillon}/annexes/{c.Annexe}/supprimer", Acces.GestionCatalogue, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("GET", "catalogue/{id:int}/quantites/nouvelle", c => $"/catalogue/{c.Brouillon}/quantites/nouvelle", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/quantites/nouvelle", c => $"/catalogue/{c.Brouillon}/quantites/nouvelle", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "catalogue/{id:int}/quantites/{quantiteId:int}/modifier", c => $"/catalogue/{c.Brouillon}/quantites/{c.Quantite}/modifier", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/quantites/{quantiteId:int}/modifier", c => $"/catalogue/{c.Brouillon}/quantites/{c.Quantite}/modifier", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "catalogue/{id:int}/quantites/{quantiteId:int}/supprimer", c => $"/catalogue/{c.Brouillon}/quantites/{c.Quantite}/supprimer", Acces.GestionCatalogue, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("GET", "catalogue/{id:int}/pdf", c => $"/catalogue/{c.Brouillon}/pdf", Acces.PersonnelSeul, Attendu.Refus),
        new("GET", "travaux/{id:int}", c => $"/travaux/{c.Travail}", Acces.LanceurOuAdministration, Attendu.Refus),
        new("GET", "titres", _ => "/titres", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "titres", _ => $"/titres?exercice={PortailFactory.Exercice}", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "titres/{id:int}", c => $"/titres/{c.Titre}", Acces.Connectes, Attendu.Refus),
        new("GET", "titres/{id:int}/pdf", c => $"/titres/{c.Titre}/pdf", Acces.Connectes, Attendu.Refus),
        new("GET", "titres/bordereaux", _ => $"/titres/bordereaux?exercice={PortailFactory.Exercice}", Acces.Personnel, Attendu.Refus, "un bordereau réunit plusieurs communes"),
        new("GET", "titres/bordereaux/{id:int}", c => $"/titres/bordereaux/{c.Bordereau}", Acces.Personnel, Attendu.Refus),
        new("GET", "titres/bordereaux/{id:int}/pdf", c => $"/titres/bordereaux/{c.Bordereau}/pdf", Acces.Personnel, Attendu.Refus),
        new("GET", "titres/bordereaux/{id:int}/zip", c => $"/titres/bordereaux/{c.Bordereau}/zip", Acces.Personnel, Attendu.Refus),
        new("GET", "titres/bordereaux/{id:int}/pes", c => $"/titres/bordereaux/{c.Bordereau}/pes", Acces.Personnel, Attendu.Refus, Statut: 404), // no file produced yet: 404 for staff
        new("POST", "titres/bordereaux/{id:int}/pes", c => $"/titres/bordereaux/{c.Bordereau}/pes", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "titres/bordereaux/{id:int}/avis", c => $"/titres/bordereaux/{c.Bordereau}/avis", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "titres/brouillons", _ => "/titres/brouillons", Acces.Personnel, Attendu.Refus),
        new("POST", "titres/brouillons/emettre", _ => "/titres/brouillons/emettre", Acces.GestionCatalogue, Attendu.Refus,
            Champs: c => new() { ["ids"] = c.TitreBrouillon.ToString(CultureInfo.InvariantCulture) }),
        new("POST", "titres/brouillons/{id:int}/supprimer", c => $"/titres/brouillons/{c.TitreBrouillon}/supprimer", Acces.GestionCatalogue, Attendu.Refus, Phase: Phase.SupprimeUnePartie),
        new("GET", "titres/{id:int}/reduction", c => $"/titres/{c.Titre}/reduction", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "titres/{id:int}/reduction", c => $"/titres/{c.Titre}/reduction", Acces.GestionCatalogue, Attendu.Refus,
            Champs: _ => new() { ["Montant"] = "1,00", ["Motif"] = "Matrice" }),
        new("GET", "titres/{id:int}/lignes", c => $"/titres/{c.TitreBrouillon}/lignes", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "titres/{id:int}/lignes", c => $"/titres/{c.Titre}/lignes", Acces.GestionCatalogue, Attendu.Refus, "un titre émis refuse ses lignes", Statut: 400),
        new("GET", "titres/export.csv", _ => $"/titres/export.csv?exercice={PortailFactory.Exercice}", Acces.Personnel, Attendu.Refus),
        new("GET", "titres/export.xlsx", _ => $"/titres/export.xlsx?exercice={PortailFactory.Exercice}", Acces.Personnel, Attendu.Refus),
        new("GET", "api/v1/fiches-projet", _ => "/api/v1/fiches-projet?taille=200", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "api/v1/fiches-projet", c => $"/api/v1/fiches-projet?commune={c.Insee}", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "api/v1/fiches-projet/{id:int}", c => $"/api/v1/fiches-projet/{c.Fiche}", Acces.Connectes, Attendu.Refus),
        new("GET", "api/v1/titres", _ => $"/api/v1/titres?exercice={PortailFactory.Exercice}", Acces.Connectes, Attendu.SansEtranger),
        new("GET", "api/v1/titres/{id:int}", c => $"/api/v1/titres/{c.Titre}", Acces.Connectes, Attendu.Refus),
        new("GET", "api/v1/titres/{id:int}/pdf", c => $"/api/v1/titres/{c.Titre}/pdf", Acces.Connectes, Attendu.Refus),
        new("GET", "campagnes", _ => "/campagnes", Acces.Personnel, Attendu.Refus),
        new("POST", "campagnes", _ => "/campagnes", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "campagnes/{id:int}", c => $"/campagnes/{c.Campagne}", Acces.Personnel, Attendu.Refus),
        new("GET", "campagnes/{id:int}/etat", c => $"/campagnes/{c.Campagne}/etat", Acces.Personnel, Attendu.Refus, Statut: 404),
        new("POST", "campagnes/{id:int}/calculer", c => $"/campagnes/{c.Campagne}/calculer", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "campagnes/{id:int}/montants", c => $"/campagnes/{c.Campagne}/montants", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "campagnes/{id:int}/emettre", c => $"/campagnes/{c.Campagne}/emettre", Acces.GestionCatalogue, Attendu.Refus),
        new("GET", "emetteur", _ => "/emetteur", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "emetteur", _ => "/emetteur", Acces.GestionCatalogue, Attendu.Refus, Champs: _ => EmetteurDeDemo()),
        new("GET", "travaux/{id:int}/etat", c => $"/travaux/{c.Travail}/etat", Acces.LanceurOuAdministration, Attendu.Refus),
        new("GET", "titres/{id:int}/pieces/{pieceId:int}", c => $"/titres/{c.Remboursement.Titre}/pieces/{c.Remboursement.Piece}", Acces.Connectes, Attendu.Refus),
        new("GET", "titres-particuliers/mandataire", _ => "/titres-particuliers/mandataire", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "titres-particuliers/mandataire", c => "/titres-particuliers/mandataire", Acces.GestionCatalogue, Attendu.Refus, Statut: 422,
            Champs: c => new() { ["MembreId"] = c.Membre.ToString(CultureInfo.InvariantCulture), ["Objet"] = "Matrice" }),
        new("GET", "titres-particuliers/indemnites", _ => "/titres-particuliers/indemnites", Acces.GestionCatalogue, Attendu.Refus),
        new("POST", "titres-particuliers/indemnites", _ => "/titres-particuliers/indemnites", Acces.GestionCatalogue, Attendu.Refus, Statut: 422,
            Champs: c => new() { ["Libelle"] = "Matrice", ["Nature"] = "Matrice", ["Total"] = "100", ["etape"] = "apercu", [$"Poids[{c.Membre}]"] = "1" }),
    ];

    [Fact]
    public void Toutes_les_routes_de_l_application_sont_dans_la_matrice()
    {
        var connues = Matrice.Select(c => $"{c.Methode} {c.Modele}").ToHashSet(StringComparer.Ordinal);
        var routes = portail.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();

        var absentes = routes.Where(r => !connues.Contains(r)).ToList();
        Assert.True(absentes.Count == 0, "Routes absentes de la matrice d'isolement : " + string.Join(", ", absentes));
    }

    [Fact]
    public void Chaque_controleur_dit_qui_peut_l_ouvrir()
    {
        var controleurs = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Microsoft.AspNetCore.Mvc.ControllerBase).IsAssignableFrom(t) && !t.IsAbstract);

        var sansAttribut = controleurs
            .Where(t => !t.IsDefined(typeof(Microsoft.AspNetCore.Authorization.AuthorizeAttribute), inherit: true)
                && !t.IsDefined(typeof(Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute), inherit: true))
            .Select(t => t.Name)
            .ToList();

        Assert.True(sansAttribut.Count == 0, "Contrôleurs sans [Authorize(Policy = …)] ni [AllowAnonymous] : " + string.Join(", ", sansAttribut));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Mairie)]
    [InlineData(Roles.AgentDSI)]
    [InlineData(Roles.Finance)]
    [InlineData(Roles.AdministrateurDSI)]
    public async Task Chaque_role_obtient_sur_chaque_route_ce_que_la_matrice_prevoit(string? role)
    {
        var commune = await portail.AjouterCommuneAsync();
        var cible = await portail.CreerAsync(Roles.Mairie, commune.Id);
        var contexte = await ContexteAsync(commune.Id, cible);
        using var session = role is null
            ? portail.NouvelleSession()
            : await portail.ConnecterAsync(await portail.CreerAsync(role, role == Roles.Mairie ? commune.Id : null), Comptes.MotDePasse);
        var jeton = await JetonAsync(session, role is null ? "/compte/connexion" : "/compte/mot-de-passe");

        var echecs = new List<string>();
        foreach (var cas in Matrice.OrderBy(c => c.Phase))
        {
            var url = cas.Url(contexte);
            var page = cas.Methode == "POST"
                ? await session.PostAsync(url, cas.Champs?.Invoke(contexte) ?? [], jeton)
                : await session.GetAsync(url);
            var attendu = cas.Acces.Pour(role);
            var obtenu = Classer(page, attendu == R.O ? cas.Statut : null);
            if (obtenu != attendu)
            {
                echecs.Add($"{cas.Methode} {url} → {(int)page.Statut} {page.Redirection} ({obtenu}, attendu {attendu})");
            }
        }

        Assert.True(echecs.Count == 0, $"Rôle {role ?? "anonyme"} : " + string.Join(" ; ", echecs));
    }

    [Fact]
    public async Task Une_mairie_ne_voit_ni_ne_modifie_rien_d_une_autre_commune_sur_aucune_route()
    {
        var propre = await portail.AjouterCommuneAsync("Commune propre " + Guid.NewGuid().ToString("N")[..6]);
        var etrangere = await portail.AjouterCommuneAsync("Commune étrangère " + Guid.NewGuid().ToString("N")[..6]);
        var courriel = await portail.CreerAsync(Roles.Mairie, propre.Id);
        var courrielEtranger = await portail.CreerAsync(Roles.Mairie, etrangere.Id);
        var contexte = await ContexteAsync(etrangere.Id, courrielEtranger);
        var avant = await EtatAsync(etrangere.Id, contexte.Utilisateur);

        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);
        var jeton = await JetonAsync(session, "/compte/mot-de-passe");

        // Positive control: the same session does see its own commune, so a refusal below means something.
        var propreDetail = await session.GetAsync($"/membres/{propre.Id}");
        Assert.Equal(HttpStatusCode.OK, propreDetail.Statut);
        Assert.Contains(propre.Nom, propreDetail.TexteVisible, StringComparison.Ordinal);

        var echecs = new List<string>();
        foreach (var cas in Matrice.Where(c => c.Attendu != Attendu.HorsPerimetre))
        {
            var url = cas.Url(contexte);
            var page = cas.Methode == "POST"
                ? await session.PostAsync(url, ChampsMalveillants(etrangere.Id), jeton)
                : await session.GetAsync(url);
            var ok = cas.Attendu switch
            {
                Attendu.Refus => page.Statut is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                    || (page.Statut == HttpStatusCode.Redirect && page.Redirection!.Contains("/compte/acces-refuse", StringComparison.Ordinal)),
                Attendu.SansEtranger => page.Statut == HttpStatusCode.OK
                    && !page.Texte.Contains(etrangere.Nom, StringComparison.Ordinal)
                    && !page.Texte.Contains(etrangere.Siren.Valeur, StringComparison.Ordinal),
                Attendu.SansTrace => !page.Texte.Contains(etrangere.Nom, StringComparison.Ordinal)
                    && !page.Texte.Contains(etrangere.Siren.Valeur, StringComparison.Ordinal),
                _ => true,
            };
            if (!ok)
            {
                echecs.Add($"{cas.Methode} {url} → {(int)page.Statut} {page.Redirection}");
            }
        }

        Assert.True(echecs.Count == 0, "Fuites ou écritures hors périmètre : " + string.Join(" ; ", echecs));
        Assert.Equal(avant, await EtatAsync(etrangere.Id, contexte.Utilisateur));
        var brouillonApres = await portail.LireAsync(contexte.Brouillon);
        Assert.Equal((StatutVersion.Brouillon, 3, 4, 1), (brouillonApres.Statut, brouillonApres.Services.Count, brouillonApres.Formules.Count, brouillonApres.Annexes.Count));
    }

    [Fact]
    public async Task L_API_ne_rend_a_une_mairie_que_sa_commune()
    {
        var propre = await portail.AjouterCommuneAsync();
        var courriel = await portail.CreerAsync(Roles.Mairie, propre.Id);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        var page = await session.GetAsync("/api/v1/membres");

        using var json = System.Text.Json.JsonDocument.Parse(page.Texte);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(propre.Siren.Valeur, json.RootElement.GetProperty("elements")[0].GetProperty("siren").GetString());
    }

    [Fact]
    public async Task Une_mairie_sans_commune_ne_voit_rien()
    {
        await portail.AjouterCommuneAsync();
        var courriel = await portail.CreerAsync(Roles.Mairie, membreId: null);
        using var session = await portail.ConnecterAsync(courriel, Comptes.MotDePasse);

        var page = await session.GetAsync("/api/v1/membres");

        using var json = System.Text.Json.JsonDocument.Parse(page.Texte);
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task La_base_refuse_une_ecriture_hors_perimetre_meme_si_un_controleur_oubliait_le_filtre()
    {
        var propre = await portail.AjouterCommuneAsync();
        var etrangere = await portail.AjouterCommuneAsync();
        await using var scope = portail.Services.CreateAsyncScope();
        var accesseur = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accesseur.HttpContext = RequeteDeMairie(propre.Id);
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<Persistence.MutualisationDbContext>();
            Assert.Null(await db.Membres.FindAsync(etrangere.Id));
            Assert.Null(await db.Populations.FirstOrDefaultAsync(p => p.MembreId == etrangere.Id));

            // A careless controller that bypasses the read filter still cannot write.
            var membre = await db.Membres.IgnoreQueryFilters().SingleAsync(m => m.Id == etrangere.Id);
            membre.Renommer("Piraté");
            var erreur = await Assert.ThrowsAsync<Persistence.Perimetre.AccesHorsPerimetreException>(() => db.SaveChangesAsync());
            Assert.Contains("hors du périmètre", erreur.Message, StringComparison.Ordinal);
        }
        finally
        {
            accesseur.HttpContext = null;
        }
    }

    [Fact]
    public async Task Un_compte_sans_role_intercommunal_ne_voit_rien_par_defaut()
    {
        await portail.AjouterCommuneAsync();
        await using var scope = portail.Services.CreateAsyncScope();
        var accesseur = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accesseur.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<Persistence.MutualisationDbContext>();
            Assert.Equal(0, await db.Membres.CountAsync());
        }
        finally
        {
            accesseur.HttpContext = null;
        }
    }

    private static Microsoft.AspNetCore.Http.DefaultHttpContext RequeteDeMairie(int membreId) => new()
    {
        User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Role, Roles.Mairie),
            new System.Security.Claims.Claim(Infrastructure.PerimetreHttp.RevendicationMembre, membreId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ], "test")),
    };

    /// <summary>The answer as the matrix names it; <paramref name="statutAutorise"/> is the status of an allowed answer when it is not 2xx/3xx.</summary>
    private static R? Classer(Session.Page page, int? statutAutorise)
    {
        var redirection = page.Statut == HttpStatusCode.Redirect ? page.Redirection ?? string.Empty : string.Empty;
        if (statutAutorise is { } statut && (int)page.Statut == statut && !redirection.Contains("/compte/acces-refuse", StringComparison.Ordinal))
        {
            return R.O;
        }

        return page.Statut switch
        {
            HttpStatusCode.Unauthorized => R.C,
            HttpStatusCode.Redirect when redirection.Contains("/compte/connexion", StringComparison.Ordinal) => R.C,
            HttpStatusCode.Forbidden => R.X,
            HttpStatusCode.Redirect when redirection.Contains("/compte/acces-refuse", StringComparison.Ordinal) => R.X,
            HttpStatusCode.NotFound => R.Cache,
            < HttpStatusCode.BadRequest => R.O,
            _ => null,
        };
    }

    private static async Task<string> JetonAsync(Session session, string page) =>
        (await session.GetAsync(page)).Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    /// <summary>A draft catalogue with an annex (and the ids of its parts), the member and the user the URLs target.</summary>
    private async Task<Contexte> ContexteAsync(int membre, string courrielUtilisateur)
    {
        var utilisateur = portail.Executer(db => db.Users.Single(u => u.Email == courrielUtilisateur).Id);
        var (brouillon, annexe) = await portail.AjouterBrouillonAvecAnnexeAsync();
        var version = await portail.LireAsync(brouillon);
        var socle = version.Services.Single(s => s.Code == "SOCLE");
        var autre = version.Services.Where(s => s != socle).OrderBy(s => s.Id).Last();
        var travail = await portail.LancerTravailAsync(courrielUtilisateur, TravailCompte.Genre, Cle.Nouvelle());
        var (convention, document) = await portail.AjouterConventionAsync(membre, Domain.Conventions.ModeleConvention.ServiceCommun, Domain.Conventions.StatutConvention.EnVigueur);
        var quantite = await portail.ExecuterAsync(async db =>
        {
            var m = await db.Membres.IgnoreQueryFilters().Include(x => x.Quantites).SingleAsync(x => x.Id == membre);
            var q = m.EnregistrerQuantite("postes", new DateOnly(2025, 1, 1), 12, "Matrice");
            await db.SaveChangesAsync();
            return q.Id;
        });
        var titre = await portail.AjouterTitreAsync(membre);
        var titreBrouillon = await portail.AjouterTitreAsync(membre, emettre: false);
        var bordereau = await portail.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == titre).Select(t => t.BordereauId!.Value).SingleAsync());
        var campagne = await portail.OuvrirCampagneAsync(2010, "I" + Guid.NewGuid().ToString("N")[..8]);
        var (insee, souscription) = await portail.ExecuterAsync(async db =>
        {
            var adhesion = new Domain.Adhesions.Adhesion(membre);
            Assert.Null(adhesion.Souscrire("GROUPEMENTS", "Groupements d'achats", new DateOnly(2026, 1, 1), null, new Domain.Adhesions.ActeAdhesion(Domain.Adhesions.NatureActe.Deliberation, "2025-1", new DateOnly(2025, 12, 1)),
                null, new Domain.Adhesions.CadreAdhesion(new DateOnly(2024, 7, 8), null, null, new DateOnly(2026, 10, 15)), new Domain.Conventions.Auteur(null, "Matrice"), portail.Horloge.GetUtcNow()));
            db.Set<Domain.Adhesions.Adhesion>().Add(adhesion);
            await db.SaveChangesAsync();
            var code = await db.Membres.IgnoreQueryFilters().Where(m => m.Id == membre).Select(m => m.CodeInsee).SingleAsync();
            return (code.Valeur, adhesion.Souscriptions.Single().Id);
        });
        var (mission, saisie) = await portail.AjouterMissionAsync(membre, Domain.Missions.StatutMission.EnCours, null, (new DateOnly(2026, 10, 1), 0.5m));
        var (audit, constat, element) = await portail.AjouterAuditAsync(membre, Domain.Audits.StatutAudit.RapportLivre);
        var fiche = await portail.ExecuterAsync(async db =>
        {
            Assert.Null(Domain.FichesProjet.FicheProjet.Creer(membre, "Projet de la matrice", new Domain.FichesProjet.ContenuFiche { Description = "Brouillon" },
                new Domain.Conventions.Auteur(null, "Matrice"), portail.Horloge.GetUtcNow(), out var f));
            db.FichesProjet.Add(f!);
            await db.SaveChangesAsync();
            return f!.Id;
        });
        var piecesFiche = await portail.ExecuterAsync(async db =>
        {
            var f = await db.FichesProjet.IgnoreQueryFilters().SingleAsync(x => x.Id == fiche);
            var auteur = new Domain.Conventions.Auteur(null, "Matrice");
            Assert.Null(Domain.FichesProjet.PieceFiche.Joindre(f, null, true, "matrice.pdf", "application/pdf", Catalogues.Pdf, auteur, portail.Horloge.GetUtcNow(), out var publique));
            Assert.Null(Domain.FichesProjet.EchangeFiche.Ecrire(f, Domain.FichesProjet.GenreEchange.Annotation, "Note de la matrice", true, auteur, portail.Horloge.GetUtcNow(), out var annotation));
            Assert.Null(Domain.FichesProjet.PieceFiche.Joindre(f, annotation, true, "privee.pdf", "application/pdf", Catalogues.Pdf, auteur, portail.Horloge.GetUtcNow(), out var privee));
            db.AddRange(publique!, annotation!, privee!);
            await db.SaveChangesAsync();
            return (publique!.Id, privee!.Id);
        });
        var notification = await portail.ExecuterAsync(async db =>
        {
            var n = new Persistence.Echanges.NotificationFiche(Guid.NewGuid().ToString(), fiche, "Notification de la matrice", portail.Horloge.GetUtcNow());
            db.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        var remboursement = await portail.AjouterRemboursementAsync(membre);
        var seance = await portail.AjouterSeanceAsync("Séance de la matrice");
        return new Contexte(membre, utilisateur, brouillon, annexe, socle.Id, autre.Id, version.Formules.OrderBy(f => f.Id).First().Id, travail, version.Quantites[0].Id, quantite, convention, document) { Titre = titre, TitreBrouillon = titreBrouillon, Bordereau = bordereau, Insee = insee, Souscription = souscription, Mission = mission, SaisieMission = saisie, Audit = audit, Constat = constat, Element = element, Fiche = fiche, PiecesFiche = piecesFiche, Notification = notification, Seance = seance, Remboursement = remboursement, Campagne = campagne };
    }

    /// <summary>The demo issuer's settings as the form posts them: the sweep leaves the shared settings as they were.</summary>
    private static Dictionary<string, string?> EmetteurDeDemo() => new()
    {
        ["Nom"] = "REDON Agglomération", ["Siren"] = "243500741", ["Siret"] = "24350074100018", ["AdresseLigne"] = "3 rue Charles Sillard",
        ["AdresseCodePostal"] = "35600", ["AdresseVille"] = "Redon", ["OrdonnateurNom"] = "MARY", ["OrdonnateurPrenoms"] = "Jean-François", ["OrdonnateurQualite"] = "Président",
        ["DelegueNom"] = "DÉLÉGUÉ", ["DeleguePrenoms"] = "Camille (démo)", ["DelegueQualite"] = "Vice-président délégué aux finances",
        ["Comptable"] = "Service de gestion comptable de Redon (démo)", ["ComptableAdresse"] = "Redon",
        ["ModesDePaiement"] = "Virement au Trésor public (IBAN de démonstration FR76 0000 0000 0000 0000 0000 000) ou paiement en ligne PayFiP, en rappelant le numéro du titre.",
        ["Tribunal"] = "Tribunal administratif de Rennes", ["TribunalAdresse"] = "3 contour de la Motte, 35044 Rennes", ["CodeBudget"] = "BP", ["Seuil"] = "15",
        ["Imputations[0].Code"] = "AUDIT", ["Imputations[0].CompteNature"] = "70876", ["Imputations[0].Fonction"] = "020",
        ["Imputations[1].Code"] = "GROUPEMENTS", ["Imputations[1].CompteNature"] = "70876", ["Imputations[1].Fonction"] = "020",
        ["Imputations[2].Code"] = "SOCLE", ["Imputations[2].CompteNature"] = "70876", ["Imputations[2].Fonction"] = "020",
    };

    private static Dictionary<string, string?> ChampsMalveillants(int etranger) => new()
    {
        ["Nom"] = "Piraté", ["Nature"] = "Commune", ["CodeInsee"] = "35236", ["Siren"] = Jeux.SirenUnique(),
        ["Courriel"] = $"pirate-{Guid.NewGuid():N}@exemple.demo", ["NomComplet"] = "Pirate", ["Role"] = Roles.AdministrateurDSI,
        ["MembreId"] = etranger.ToString(System.Globalization.CultureInfo.InvariantCulture), ["MotDePasse"] = "un mot de passe assez long",
        ["epci"] = "243500741", ["millesime"] = "2023",
    };

    private Task<string> EtatAsync(int membreId, string utilisateurId) => portail.ExecuterAsync(async db =>
    {
        var membre = await db.Membres.AsNoTracking().Include(m => m.Populations).Include(m => m.Quantites).SingleAsync(m => m.Id == membreId);
        var utilisateur = await db.Users.AsNoTracking().SingleAsync(u => u.Id == utilisateurId);
        var historique = await db.Historique.CountAsync(h => h.MembreId == membreId);
        var pirates = await db.Users.CountAsync(u => u.NomComplet == "Pirate") + await db.Membres.CountAsync(m => m.Nom == "Piraté");
        var adhesions = string.Join(",", await db.Set<Domain.Adhesions.Adhesion>().AsNoTracking().Where(a => a.MembreId == membreId)
            .Select(a => $"{a.Choix.Count}:{a.Souscriptions.Count}:{a.Souscriptions.Sum(s => s.Quantites.Count)}").ToListAsync());
        var conventions = string.Join(",", await db.Conventions.AsNoTracking().Where(c => c.MembreId == membreId)
            .Select(c => $"{c.Statut}:{c.Evenements.Count}:{c.Avenants.Count}:{c.Documents.Count}:{c.DateSortie}").ToListAsync());
        return $"{adhesions}|{conventions}|{membre.Nom}|{membre.Populations.Count}|{membre.Quantites.Count}|{membre.Decideur}|{utilisateur.Actif}|{utilisateur.SecurityStamp}|{utilisateur.MembreId}|{historique}|{pirates}";
    });
}
