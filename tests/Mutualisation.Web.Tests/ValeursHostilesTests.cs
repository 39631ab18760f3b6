using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mutualisation.Domain.Commun;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// Every GET parameter, every form field and every id of every route, fed hostile values one at a
/// time as an authorised user: the answer is never a 500, and a refusal says why in French. The
/// application runs on a database of its own (the sweep creates and edits rows freely). A new
/// route without an entry in <see cref="Cibles"/> makes <see cref="Toutes_les_routes_sont_balayees"/> fail.
/// </summary>
public sealed partial class ValeursHostilesTests(ValeursHostilesTests.Application application) : IClassFixture<ValeursHostilesTests.Application>
{
    /// <summary>Its own application and database.</summary>
    public sealed class Application : PortailFactory;

    public static readonly IReadOnlyList<(string Nom, string Valeur)> Hostiles =
    [
        ("int max", "2147483647"),
        ("mille milliards (dépasse la colonne des taux)", "1000000000000"),
        ("nombre énorme", "99999999999999999999999999999"),
        ("plus grand décimal", "79228162514264337593543950335"),
        ("zéro", "0"),
        ("négatif", "-1"),
        ("20 000 caractères", new string('x', 20_000)),
        ("caractères de contrôle", "a\u0000b\u202Ec\u0007d"),
        ("31 février", "31/02/2026"),
        ("mois 13", "2026-13-45"),
        ("date nulle", "0000-00-00"),
    ];

    private sealed record Contexte(int Membre, string Utilisateur, int Brouillon, int Service, int Formule, int Annexe, int Quantite, int Convention = 0, int Document = 0)
    {
        public int Titre { get; init; }

        public int TitreBrouillon { get; init; }

        public int Bordereau { get; init; }

        public int Campagne { get; init; }

        public string Insee { get; init; } = "";

        public int Souscription { get; init; }

        public int Mission { get; init; }

        public int SaisieMission { get; init; }

        public int Audit { get; init; }

        public int Constat { get; init; }

        public int Element { get; init; }

        public int Fiche { get; init; }

        /// <summary>A session with <see cref="FicheInscrite"/> on its agenda (undecided) and <see cref="FichePrete"/> ready to be added.</summary>
        public int Seance { get; init; }

        public int FicheInscrite { get; init; }

        public int FichePrete { get; init; }

        public (int Titre, int Piece) Remboursement { get; init; }
    }

    /// <summary>How a route is swept: its query parameters (GET), its form (POST, read from the page that shows it), and its ids in the path.</summary>
    private sealed record Cible(string Methode, string Modele, Func<Contexte, string> Url)
    {
        /// <summary>Query parameters of a GET, with the baseline query string they are varied from.</summary>
        public string[] Parametres { get; init; } = [];

        public string Base { get; init; } = string.Empty;

        /// <summary>The page holding the form (POST); null: the POST has no field, only its ids are varied.</summary>
        public Func<Contexte, string>? Page { get; init; }

        public bool Multipart { get; init; }

        /// <summary>The URL with its last id replaced by a hostile value; null: no id in the path.</summary>
        public Func<Contexte, string, string>? IdHostile { get; init; }

        /// <summary>Who sends it: the administrator unless said otherwise.</summary>
        public string Qui { get; init; } = "admin";
    }

    private static readonly string[] ParametresSimulation = ["commune", "population", "formule", "exercice", "auditLivreLe", "adhesionLe", "joursN1", "annee", "demi-journees-n1", "version", "formulePrecedente"];

    private static string Cat(Contexte c) => $"/catalogue/{c.Brouillon}";

    private static string Conv(Contexte c) => $"/conventions/{c.Convention}";

    private static string Mis(Contexte c) => $"/missions/{c.Mission}";
    private static string Aud(Contexte c) => $"/audits/{c.Audit}";

    private static string Fic(Contexte c) => $"/fiches-projet/{c.Fiche}";

    private static readonly Cible[] Cibles =
    [
        new("GET", "", _ => "/"),
        new("GET", "compte/connexion", _ => "/compte/connexion") { Parametres = ["returnUrl"], Qui = "anonyme" },
        new("POST", "compte/connexion", _ => "/compte/connexion") { Page = _ => "/compte/connexion", Qui = "anonyme" },
        new("GET", "compte/mot-de-passe", _ => "/compte/mot-de-passe") { Qui = "compte" },
        new("POST", "compte/mot-de-passe", _ => "/compte/mot-de-passe") { Page = _ => "/compte/mot-de-passe", Qui = "compte" },
        new("POST", "compte/deconnexion", _ => "/compte/deconnexion") { Qui = "jetable" },
        new("GET", "compte/acces-refuse", _ => "/compte/acces-refuse") { Parametres = ["returnUrl"] },
        new("GET", "membres", _ => "/membres") { Parametres = ["q", "tri", "sens", "page"], Base = "q=a&tri=nom&sens=asc&page=1" },
        new("GET", "membres/{id:int}", c => $"/membres/{c.Membre}") { IdHostile = (_, v) => $"/membres/{v}" },
        new("GET", "membres/nouveau", _ => "/membres/nouveau"),
        new("POST", "membres/nouveau", _ => "/membres/nouveau") { Page = _ => "/membres/nouveau" },
        new("GET", "membres/{id:int}/modifier", c => $"/membres/{c.Membre}/modifier") { IdHostile = (_, v) => $"/membres/{v}/modifier" },
        new("POST", "membres/{id:int}/modifier", c => $"/membres/{c.Membre}/modifier") { Page = c => $"/membres/{c.Membre}/modifier", IdHostile = (_, v) => $"/membres/{v}/modifier" },
        new("POST", "membres/{id:int}/quantites", c => $"/membres/{c.Membre}/quantites") { Page = c => $"/membres/{c.Membre}", IdHostile = (_, v) => $"/membres/{v}/quantites" },
        new("POST", "membres/{id:int}/quantites/{quantiteId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"/membres/{c.Membre}/quantites/{v}/supprimer" },
        new("GET", "membres/import", _ => "/membres/import"),
        new("POST", "membres/import", _ => "/membres/import") { Page = _ => "/membres/import", Multipart = true },
        new("GET", "api/v1/membres", _ => "/api/v1/membres") { Parametres = ["page", "taille"], Base = "page=1&taille=10" },
        new("GET", "conventions", _ => "/conventions") { Parametres = ["Statut", "Modele", "Membre"], Base = "Statut=Brouillon&Modele=ServiceCommun" },
        new("GET", "conventions/tableau-de-bord", _ => "/conventions/tableau-de-bord"),
        new("GET", "titres", _ => "/titres") { Parametres = ["exercice"], Base = "exercice=2026" },
        new("GET", "titres/{id:int}", c => $"/titres/{c.Titre}") { IdHostile = (_, v) => $"/titres/{v}" },
        new("GET", "titres/{id:int}/pdf", c => $"/titres/{c.Titre}/pdf") { IdHostile = (_, v) => $"/titres/{v}/pdf" },
        new("GET", "titres/bordereaux", _ => "/titres/bordereaux") { Parametres = ["exercice"], Base = "exercice=2026" },
        new("GET", "titres/bordereaux/{id:int}", c => $"/titres/bordereaux/{c.Bordereau}") { IdHostile = (_, v) => $"/titres/bordereaux/{v}", Parametres = ["page"], Base = "page=1" },
        new("GET", "titres/bordereaux/{id:int}/pdf", c => $"/titres/bordereaux/{c.Bordereau}/pdf") { IdHostile = (_, v) => $"/titres/bordereaux/{v}/pdf" },
        new("GET", "titres/bordereaux/{id:int}/zip", c => $"/titres/bordereaux/{c.Bordereau}/zip") { IdHostile = (_, v) => $"/titres/bordereaux/{v}/zip" },
        new("GET", "titres/bordereaux/{id:int}/pes", c => $"/titres/bordereaux/{c.Bordereau}/pes") { IdHostile = (_, v) => $"/titres/bordereaux/{v}/pes" },
        new("POST", "titres/bordereaux/{id:int}/pes", _ => string.Empty) { IdHostile = (_, v) => $"/titres/bordereaux/{v}/pes" },
        new("POST", "titres/bordereaux/{id:int}/avis", _ => string.Empty) { IdHostile = (_, v) => $"/titres/bordereaux/{v}/avis" },
        new("GET", "titres/brouillons", _ => "/titres/brouillons"),
        new("POST", "titres/brouillons/emettre", _ => "/titres/brouillons/emettre"),
        new("POST", "titres/brouillons/{id:int}/supprimer", _ => string.Empty) { IdHostile = (_, v) => $"/titres/brouillons/{v}/supprimer" },
        new("GET", "titres/{id:int}/reduction", c => $"/titres/{c.Titre}/reduction") { IdHostile = (_, v) => $"/titres/{v}/reduction" },
        new("POST", "titres/{id:int}/reduction", c => $"/titres/{c.Titre}/reduction") { Page = c => $"/titres/{c.Titre}/reduction", IdHostile = (_, v) => $"/titres/{v}/reduction" },
        new("GET", "titres/{id:int}/lignes", c => $"/titres/{c.TitreBrouillon}/lignes") { IdHostile = (_, v) => $"/titres/{v}/lignes" },
        new("POST", "titres/{id:int}/lignes", c => $"/titres/{c.TitreBrouillon}/lignes") { Page = c => $"/titres/{c.TitreBrouillon}/lignes", IdHostile = (_, v) => $"/titres/{v}/lignes" },
        new("GET", "titres/export.csv", _ => "/titres/export.csv") { Parametres = ["exercice", "bordereau"], Base = "exercice=2026" },
        new("GET", "titres/export.xlsx", _ => "/titres/export.xlsx") { Parametres = ["exercice", "bordereau"], Base = "exercice=2026" },
        new("GET", "api/v1/fiches-projet", _ => "/api/v1/fiches-projet") { Parametres = ["page", "taille", "etat", "commune"], Base = "page=1&taille=10&etat=deposee" },
        new("GET", "api/v1/fiches-projet/{id:int}", c => $"/api/v1/fiches-projet/{c.Fiche}") { IdHostile = (_, v) => $"/api/v1/fiches-projet/{v}" },
        new("GET", "api/v1/titres", _ => "/api/v1/titres") { Parametres = ["exercice"], Base = "exercice=2026" },
        new("GET", "api/v1/titres/{id:int}", c => $"/api/v1/titres/{c.Titre}") { IdHostile = (_, v) => $"/api/v1/titres/{v}" },
        new("GET", "api/v1/titres/{id:int}/pdf", c => $"/api/v1/titres/{c.Titre}/pdf") { IdHostile = (_, v) => $"/api/v1/titres/{v}/pdf" },
        new("GET", "emetteur", _ => "/emetteur"),
        new("POST", "emetteur", _ => "/emetteur") { Page = _ => "/emetteur" },
        new("GET", "titres/{id:int}/pieces/{pieceId:int}", c => $"/titres/{c.Remboursement.Titre}/pieces/{c.Remboursement.Piece}") { IdHostile = (c, v) => $"/titres/{c.Remboursement.Titre}/pieces/{v}" },
        new("GET", "titres-particuliers/mandataire", _ => "/titres-particuliers/mandataire") { Parametres = ["membre"] },
        new("POST", "titres-particuliers/mandataire", _ => "/titres-particuliers/mandataire") { Page = _ => "/titres-particuliers/mandataire", Multipart = true },
        new("GET", "titres-particuliers/indemnites", _ => "/titres-particuliers/indemnites"),
        new("POST", "titres-particuliers/indemnites", _ => "/titres-particuliers/indemnites") { Page = _ => "/titres-particuliers/indemnites" },
        new("GET", "api/v1/conventions", _ => "/api/v1/conventions"),
        new("GET", "conventions/{id:int}", c => Conv(c)) { IdHostile = (_, v) => $"/conventions/{v}" },
        new("GET", "conventions/{id:int}/documents/{documentId:int}", c => $"{Conv(c)}/documents/{c.Document}") { IdHostile = (c, v) => $"{Conv(c)}/documents/{v}" },
        new("GET", "conventions/nouvelle", _ => "/conventions/nouvelle") { Parametres = ["membre"] },
        new("POST", "conventions/nouvelle", _ => "/conventions/nouvelle") { Page = _ => "/conventions/nouvelle" },
        new("GET", "conventions/{id:int}/modifier", c => Conv(c) + "/modifier") { IdHostile = (_, v) => $"/conventions/{v}/modifier" },
        new("POST", "conventions/{id:int}/modifier", c => Conv(c) + "/modifier") { Page = c => Conv(c) + "/modifier", IdHostile = (_, v) => $"/conventions/{v}/modifier" },
        new("GET", "conventions/{id:int}/signer", c => Conv(c) + "/signer") { IdHostile = (_, v) => $"/conventions/{v}/signer" },
        new("POST", "conventions/{id:int}/signer", c => Conv(c) + "/signer") { Page = c => Conv(c) + "/signer", IdHostile = (_, v) => $"/conventions/{v}/signer" },
        new("GET", "conventions/{id:int}/proces-verbal", c => Conv(c) + "/proces-verbal") { IdHostile = (_, v) => $"/conventions/{v}/proces-verbal" },
        new("POST", "conventions/{id:int}/proces-verbal", c => Conv(c) + "/proces-verbal") { Page = c => Conv(c) + "/proces-verbal", IdHostile = (_, v) => $"/conventions/{v}/proces-verbal" },
        new("GET", "conventions/{id:int}/controle-de-legalite", c => Conv(c) + "/controle-de-legalite") { IdHostile = (_, v) => $"/conventions/{v}/controle-de-legalite" },
        new("POST", "conventions/{id:int}/controle-de-legalite", c => Conv(c) + "/controle-de-legalite")
        {
            Page = c => Conv(c) + "/controle-de-legalite", IdHostile = (_, v) => $"/conventions/{v}/controle-de-legalite",
        },
        new("POST", "conventions/{id:int}/mettre-en-vigueur", _ => string.Empty) { IdHostile = (_, v) => $"/conventions/{v}/mettre-en-vigueur" },
        new("GET", "conventions/{id:int}/denonciation", c => Conv(c) + "/denonciation") { IdHostile = (_, v) => $"/conventions/{v}/denonciation" },
        new("POST", "conventions/{id:int}/denonciation", c => Conv(c) + "/denonciation") { Page = c => Conv(c) + "/denonciation", IdHostile = (_, v) => $"/conventions/{v}/denonciation" },
        new("POST", "conventions/{id:int}/resilier", _ => string.Empty) { IdHostile = (_, v) => $"/conventions/{v}/resilier" },
        new("GET", "conventions/{id:int}/avenants/nouveau", c => Conv(c) + "/avenants/nouveau") { IdHostile = (_, v) => $"/conventions/{v}/avenants/nouveau" },
        new("POST", "conventions/{id:int}/avenants/nouveau", c => Conv(c) + "/avenants/nouveau")
        {
            Page = c => Conv(c) + "/avenants/nouveau", Multipart = true, IdHostile = (_, v) => $"/conventions/{v}/avenants/nouveau",
        },
        new("POST", "conventions/{id:int}/documents", c => Conv(c) + "/documents") { Page = Conv, Multipart = true, IdHostile = (_, v) => $"/conventions/{v}/documents" },
        new("GET", "membres/{id:int}/adhesion", c => $"/membres/{c.Membre}/adhesion") { IdHostile = (_, v) => $"/membres/{v}/adhesion" },
        new("GET", "membres/{id:int}/adhesion/formule", c => $"/membres/{c.Membre}/adhesion/formule") { IdHostile = (_, v) => $"/membres/{v}/adhesion/formule" },
        new("POST", "membres/{id:int}/adhesion/formule", c => $"/membres/{c.Membre}/adhesion/formule")
        {
            Page = c => $"/membres/{c.Membre}/adhesion/formule", IdHostile = (_, v) => $"/membres/{v}/adhesion/formule",
        },
        new("GET", "membres/{id:int}/adhesion/services/nouveau", c => $"/membres/{c.Membre}/adhesion/services/nouveau") { IdHostile = (_, v) => $"/membres/{v}/adhesion/services/nouveau" },
        new("POST", "membres/{id:int}/adhesion/services/nouveau", c => $"/membres/{c.Membre}/adhesion/services/nouveau")
        {
            Page = c => $"/membres/{c.Membre}/adhesion/services/nouveau", IdHostile = (_, v) => $"/membres/{v}/adhesion/services/nouveau",
        },
        new("GET", "membres/{id:int}/adhesion/services/{souscriptionId:int}/quantite", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/quantite")
        {
            IdHostile = (c, v) => $"/membres/{c.Membre}/adhesion/services/{v}/quantite",
        },
        new("POST", "membres/{id:int}/adhesion/services/{souscriptionId:int}/quantite", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/quantite")
        {
            Page = c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/quantite", IdHostile = (c, v) => $"/membres/{c.Membre}/adhesion/services/{v}/quantite",
        },
        new("GET", "membres/{id:int}/adhesion/services/{souscriptionId:int}/fin", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/fin")
        {
            IdHostile = (c, v) => $"/membres/{c.Membre}/adhesion/services/{v}/fin",
        },
        new("POST", "membres/{id:int}/adhesion/services/{souscriptionId:int}/fin", c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/fin")
        {
            Page = c => $"/membres/{c.Membre}/adhesion/services/{c.Souscription}/fin", IdHostile = (c, v) => $"/membres/{c.Membre}/adhesion/services/{v}/fin",
        },
        new("GET", "api/v1/membres/{inseeCode}/adhesions", c => $"/api/v1/membres/{c.Insee}/adhesions") { IdHostile = (_, v) => $"/api/v1/membres/{v}/adhesions" },
        new("GET", "api/v1/membres/{inseeCode}/contribution", c => $"/api/v1/membres/{c.Insee}/contribution")
        {
            Parametres = ["exercice"], Base = "exercice=2026", IdHostile = (_, v) => $"/api/v1/membres/{v}/contribution",
        },
        new("GET", "missions", _ => "/missions") { Parametres = ["Statut", "Membre"], Base = "Statut=EnCours" },
        new("GET", "missions/n1", _ => "/missions/n1") { Parametres = ["exercice", "tri", "sens"], Base = "exercice=2026&tri=nom&sens=asc" },
        new("GET", "missions/membres/{membreId:int}", c => $"/missions/membres/{c.Membre}") { Parametres = ["exercice"], Base = "exercice=2026", IdHostile = (_, v) => $"/missions/membres/{v}" },
        new("GET", "api/v1/membres/{inseeCode}/jours-n1", c => $"/api/v1/membres/{c.Insee}/jours-n1")
        {
            Parametres = ["exercice"], Base = "exercice=2026", IdHostile = (_, v) => $"/api/v1/membres/{v}/jours-n1",
        },
        new("GET", "missions/{id:int}", c => Mis(c)) { IdHostile = (_, v) => $"/missions/{v}" },
        new("GET", "missions/nouvelle", _ => "/missions/nouvelle") { Parametres = ["membre"] },
        new("POST", "missions/nouvelle", _ => "/missions/nouvelle") { Page = c => $"/missions/nouvelle?membre={c.Membre}" },
        new("GET", "missions/{id:int}/modifier", c => Mis(c) + "/modifier") { IdHostile = (_, v) => $"/missions/{v}/modifier" },
        new("POST", "missions/{id:int}/modifier", c => Mis(c) + "/modifier") { Page = c => Mis(c) + "/modifier", IdHostile = (_, v) => $"/missions/{v}/modifier" },
        new("GET", "missions/{id:int}/saisies/nouvelle", c => Mis(c) + "/saisies/nouvelle") { IdHostile = (_, v) => $"/missions/{v}/saisies/nouvelle" },
        new("POST", "missions/{id:int}/saisies/nouvelle", c => Mis(c) + "/saisies/nouvelle")
        {
            Page = c => Mis(c) + "/saisies/nouvelle", IdHostile = (_, v) => $"/missions/{v}/saisies/nouvelle",
        },
        new("POST", "missions/{id:int}/saisies/{saisieId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"{Mis(c)}/saisies/{v}/supprimer" },
        new("POST", "missions/{id:int}/demarrer", _ => string.Empty) { IdHostile = (_, v) => $"/missions/{v}/demarrer" },
        new("POST", "missions/{id:int}/terminer", _ => string.Empty) { IdHostile = (_, v) => $"/missions/{v}/terminer" },
        new("POST", "missions/{id:int}/annuler", _ => string.Empty) { IdHostile = (_, v) => $"/missions/{v}/annuler" },
        new("GET", "fiches-projet", _ => "/fiches-projet") { Parametres = ["etat"] },
        new("GET", "fiches-projet/export.csv", _ => "/fiches-projet/export.csv") { Parametres = ["etat"], Base = "etat=Deposee" },
        new("GET", "fiches-projet/export.xlsx", _ => "/fiches-projet/export.xlsx") { Parametres = ["etat"], Base = "etat=Deposee" },
        new("GET", "fiches-projet/nouvelle", _ => "/fiches-projet/nouvelle") { Parametres = ["membre"] },
        new("POST", "fiches-projet/nouvelle", _ => "/fiches-projet/nouvelle") { Page = _ => "/fiches-projet/nouvelle" },
        new("GET", "fiches-projet/{id:int}", Fic) { IdHostile = (_, v) => $"/fiches-projet/{v}" },
        new("GET", "fiches-projet/{id:int}/modifier", c => Fic(c) + "/modifier") { IdHostile = (_, v) => $"/fiches-projet/{v}/modifier" },
        new("POST", "fiches-projet/{id:int}/modifier", c => Fic(c) + "/modifier") { Page = c => Fic(c) + "/modifier", IdHostile = (_, v) => $"/fiches-projet/{v}/modifier" },
        new("GET", "fiches-projet/{id:int}/versions", c => Fic(c) + "/versions") { Parametres = ["de", "a"], IdHostile = (_, v) => $"/fiches-projet/{v}/versions" },
        new("POST", "fiches-projet/{id:int}/prendre-en-instruction", c => Fic(c) + "/prendre-en-instruction") { IdHostile = (_, v) => $"/fiches-projet/{v}/prendre-en-instruction" },
        new("POST", "fiches-projet/{id:int}/complements", c => Fic(c) + "/complements") { IdHostile = (_, v) => $"/fiches-projet/{v}/complements" },
        new("POST", "fiches-projet/{id:int}/instruction", c => Fic(c) + "/instruction") { IdHostile = (_, v) => $"/fiches-projet/{v}/instruction" },
        new("POST", "fiches-projet/{id:int}/pieces", c => Fic(c) + "/pieces") { Page = Fic, Multipart = true, IdHostile = (_, v) => $"/fiches-projet/{v}/pieces" },
        new("GET", "fiches-projet/{id:int}/pieces/{pieceId:int}", _ => string.Empty) { IdHostile = (c, v) => $"{Fic(c)}/pieces/{v}" },
        new("POST", "fiches-projet/{id:int}/messages", c => Fic(c) + "/messages") { Page = Fic, Multipart = true, IdHostile = (_, v) => $"/fiches-projet/{v}/messages" },
        new("POST", "fiches-projet/{id:int}/annotations", c => Fic(c) + "/annotations") { Page = Fic, Multipart = true, IdHostile = (_, v) => $"/fiches-projet/{v}/annotations" },
        new("POST", "fiches-projet/{id:int}/liens/{autre:int}", c => Fic(c) + $"/liens/{c.Fiche}") { IdHostile = (c, v) => $"/fiches-projet/{c.Fiche}/liens/{v}" },
        new("GET", "fiches-projet/{id:int}/pdf", c => Fic(c) + "/pdf") { Parametres = ["version"], IdHostile = (_, v) => $"/fiches-projet/{v}/pdf" },
        new("GET", "copil", _ => "/copil"),
        new("POST", "copil", _ => "/copil") { Page = _ => "/copil" },
        new("GET", "copil/{id:int}", c => $"/copil/{c.Seance}") { IdHostile = (_, v) => $"/copil/{v}" },
        new("GET", "copil/{id:int}/proces-verbal.pdf", c => $"/copil/{c.Seance}/proces-verbal.pdf") { IdHostile = (_, v) => $"/copil/{v}/proces-verbal.pdf" },
        new("POST", "copil/{id:int}/ordre-du-jour", c => $"/copil/{c.Seance}/ordre-du-jour") { Page = c => $"/copil/{c.Seance}", IdHostile = (_, v) => $"/copil/{v}/ordre-du-jour" },
        new("POST", "copil/{id:int}/ordre-du-jour/{ficheId:int}/retirer", c => $"/copil/{c.Seance}/ordre-du-jour/{c.FicheInscrite}/retirer")
        {
            IdHostile = (c, v) => $"/copil/{c.Seance}/ordre-du-jour/{v}/retirer",
        },
        new("POST", "copil/{id:int}/decisions/{ficheId:int}", c => $"/copil/{c.Seance}/decisions/{c.FicheInscrite}")
        {
            Page = c => $"/copil/{c.Seance}", IdHostile = (c, v) => $"/copil/{c.Seance}/decisions/{v}",
        },
        new("POST", "copil/{id:int}/cloturer", c => $"/copil/{c.Seance}/cloturer") { IdHostile = (_, v) => $"/copil/{v}/cloturer" },
        new("GET", "schema-directeur", _ => "/schema-directeur") { Parametres = ["annee"] },
        new("GET", "audits", _ => "/audits") { Parametres = ["Statut", "Membre"], Base = "Statut=EnCours" },
        new("GET", "audits/{id:int}", Aud) { IdHostile = (_, v) => $"/audits/{v}" },
        new("GET", "audits/{id:int}/rapport", c => Aud(c) + "/rapport") { IdHostile = (_, v) => $"/audits/{v}/rapport" },
        new("GET", "api/v1/membres/{inseeCode}/audits", c => $"/api/v1/membres/{c.Insee}/audits") { IdHostile = (_, v) => $"/api/v1/membres/{v}/audits" },
        new("GET", "audits/nouveau", _ => "/audits/nouveau") { Parametres = ["membre"] },
        new("POST", "audits/nouveau", _ => "/audits/nouveau") { Page = _ => "/audits/nouveau" },
        new("GET", "audits/{id:int}/planifier", c => Aud(c) + "/planifier") { IdHostile = (_, v) => $"/audits/{v}/planifier" },
        new("POST", "audits/{id:int}/planifier", c => Aud(c) + "/planifier") { Page = c => Aud(c) + "/planifier", IdHostile = (_, v) => $"/audits/{v}/planifier" },
        new("GET", "audits/{id:int}/demarrer", c => Aud(c) + "/demarrer") { IdHostile = (_, v) => $"/audits/{v}/demarrer" },
        new("POST", "audits/{id:int}/demarrer", c => Aud(c) + "/demarrer") { Page = c => Aud(c) + "/demarrer", IdHostile = (_, v) => $"/audits/{v}/demarrer" },
        new("GET", "audits/{id:int}/livrer", c => Aud(c) + "/livrer") { IdHostile = (_, v) => $"/audits/{v}/livrer" },
        new("POST", "audits/{id:int}/livrer", c => Aud(c) + "/livrer") { Page = c => Aud(c) + "/livrer", IdHostile = (_, v) => $"/audits/{v}/livrer" },
        new("GET", "audits/{id:int}/constats/nouveau", c => Aud(c) + "/constats/nouveau") { IdHostile = (_, v) => $"/audits/{v}/constats/nouveau" },
        new("POST", "audits/{id:int}/constats/nouveau", c => Aud(c) + "/constats/nouveau")
        {
            Page = c => Aud(c) + "/constats/nouveau", IdHostile = (_, v) => $"/audits/{v}/constats/nouveau",
        },
        new("GET", "audits/{id:int}/constats/{constatId:int}/modifier", c => $"{Aud(c)}/constats/{c.Constat}/modifier") { IdHostile = (c, v) => $"{Aud(c)}/constats/{v}/modifier" },
        new("POST", "audits/{id:int}/constats/{constatId:int}/modifier", c => $"{Aud(c)}/constats/{c.Constat}/modifier")
        {
            Page = c => $"{Aud(c)}/constats/{c.Constat}/modifier", IdHostile = (c, v) => $"{Aud(c)}/constats/{v}/modifier",
        },
        new("POST", "audits/{id:int}/constats/{constatId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"{Aud(c)}/constats/{v}/supprimer" },
        new("GET", "audits/{id:int}/inventaire/nouveau", c => Aud(c) + "/inventaire/nouveau") { IdHostile = (_, v) => $"/audits/{v}/inventaire/nouveau" },
        new("POST", "audits/{id:int}/inventaire/nouveau", c => Aud(c) + "/inventaire/nouveau")
        {
            Page = c => Aud(c) + "/inventaire/nouveau", IdHostile = (_, v) => $"/audits/{v}/inventaire/nouveau",
        },
        new("GET", "audits/{id:int}/inventaire/{elementId:int}/modifier", c => $"{Aud(c)}/inventaire/{c.Element}/modifier") { IdHostile = (c, v) => $"{Aud(c)}/inventaire/{v}/modifier" },
        new("POST", "audits/{id:int}/inventaire/{elementId:int}/modifier", c => $"{Aud(c)}/inventaire/{c.Element}/modifier")
        {
            Page = c => $"{Aud(c)}/inventaire/{c.Element}/modifier", IdHostile = (c, v) => $"{Aud(c)}/inventaire/{v}/modifier",
        },
        new("POST", "audits/{id:int}/inventaire/{elementId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"{Aud(c)}/inventaire/{v}/supprimer" },
        new("GET", "audits/{id:int}/annuler", c => Aud(c) + "/annuler") { IdHostile = (_, v) => $"/audits/{v}/annuler" },
        new("POST", "audits/{id:int}/annuler", c => Aud(c) + "/annuler") { Page = c => Aud(c) + "/annuler", IdHostile = (_, v) => $"/audits/{v}/annuler" },
        new("GET", "administration/utilisateurs", _ => "/administration/utilisateurs"),
        new("GET", "administration/courriels", _ => "/administration/courriels"),
        new("GET", "notifications", _ => "/notifications"),
        new("POST", "notifications/tout-marquer-lu", _ => string.Empty),
        new("POST", "notifications/{id:long}/ouvrir", _ => string.Empty) { IdHostile = (_, v) => $"/notifications/{v}/ouvrir" },
        new("GET", "administration/utilisateurs/nouveau", _ => "/administration/utilisateurs/nouveau"),
        new("POST", "administration/utilisateurs/nouveau", _ => "/administration/utilisateurs/nouveau") { Page = _ => "/administration/utilisateurs/nouveau" },
        new("GET", "administration/utilisateurs/{id}/modifier", c => $"/administration/utilisateurs/{c.Utilisateur}/modifier") { IdHostile = (_, v) => $"/administration/utilisateurs/{v}/modifier" },
        new("POST", "administration/utilisateurs/{id}/modifier", c => $"/administration/utilisateurs/{c.Utilisateur}/modifier")
        {
            Page = c => $"/administration/utilisateurs/{c.Utilisateur}/modifier", IdHostile = (_, v) => $"/administration/utilisateurs/{v}/modifier",
        },
        new("POST", "administration/utilisateurs/{id}/desactiver", _ => string.Empty) { IdHostile = (_, v) => $"/administration/utilisateurs/{v}/desactiver" },
        new("POST", "administration/utilisateurs/{id}/reactiver", _ => string.Empty) { IdHostile = (_, v) => $"/administration/utilisateurs/{v}/reactiver" },
        new("POST", "administration/utilisateurs/{id}/deverrouiller", _ => string.Empty) { IdHostile = (_, v) => $"/administration/utilisateurs/{v}/deverrouiller" },
        new("GET", "documentation/api", _ => "/documentation/api") { Qui = "anonyme" },
        new("GET", "simulation", _ => "/simulation") { Parametres = ParametresSimulation, Base = "population=2355&formule=socle-complet&annee=premiere", Qui = "anonyme" },
        new("GET", "api/v1/simulation", _ => "/api/v1/simulation") { Parametres = ParametresSimulation, Base = "population=2355&formule=socle-complet&annee=premiere", Qui = "anonyme" },
        new("GET", "contributions", _ => "/contributions") { Parametres = ["exercice", "formule", "annee", "version"] },
        new("GET", "api/v1/simulation/formules", _ => "/api/v1/simulation/formules") { Parametres = ["exercice"], Qui = "anonyme" },
        new("GET", "catalogue", _ => "/catalogue"),
        new("POST", "catalogue/copier", _ => "/catalogue/copier") { Page = _ => "/catalogue" },
        new("POST", "catalogue/nouvelle", _ => "/catalogue/nouvelle") { Page = _ => "/catalogue" },
        new("GET", "catalogue/{id:int}", Cat) { IdHostile = (_, v) => $"/catalogue/{v}" },
        new("POST", "catalogue/{id:int}/supprimer", _ => string.Empty) { IdHostile = (_, v) => $"/catalogue/{v}/supprimer" },
        new("GET", "catalogue/{id:int}/parametres", c => Cat(c) + "/parametres") { IdHostile = (_, v) => $"/catalogue/{v}/parametres" },
        new("GET", "catalogue/{id:int}/pdf", c => Cat(c) + "/pdf") { IdHostile = (_, v) => $"/catalogue/{v}/pdf" },
        new("GET", "campagnes", _ => "/campagnes"),
        new("POST", "campagnes", _ => "/campagnes") { Page = _ => "/campagnes" },
        new("GET", "campagnes/{id:int}", c => $"/campagnes/{c.Campagne}") { IdHostile = (_, v) => $"/campagnes/{v}", Parametres = ["filtre", "q", "page"], Base = "filtre=tous&page=1" },
        new("GET", "campagnes/{id:int}/etat", _ => string.Empty) { IdHostile = (_, v) => $"/campagnes/{v}/etat" },
        new("POST", "campagnes/{id:int}/calculer", _ => string.Empty) { IdHostile = (_, v) => $"/campagnes/{v}/calculer" },
        new("POST", "campagnes/{id:int}/montants", _ => string.Empty) { IdHostile = (_, v) => $"/campagnes/{v}/montants" },
        new("POST", "campagnes/{id:int}/emettre", _ => string.Empty) { IdHostile = (_, v) => $"/campagnes/{v}/emettre" },
        new("GET", "travaux/{id:int}", _ => string.Empty) { IdHostile = (_, v) => $"/travaux/{v}" },
        new("GET", "travaux/{id:int}/etat", _ => string.Empty) { IdHostile = (_, v) => $"/travaux/{v}/etat" },
        new("POST", "catalogue/{id:int}/parametres", c => Cat(c) + "/parametres") { Page = c => Cat(c) + "/parametres", IdHostile = (_, v) => $"/catalogue/{v}/parametres" },
        new("GET", "catalogue/{id:int}/voter", c => Cat(c) + "/voter") { IdHostile = (_, v) => $"/catalogue/{v}/voter" },
        new("POST", "catalogue/{id:int}/voter", c => Cat(c) + "/voter") { Page = c => Cat(c) + "/voter", IdHostile = (_, v) => $"/catalogue/{v}/voter" },
        new("GET", "catalogue/{id:int}/services/nouveau", c => Cat(c) + "/services/nouveau"),
        new("POST", "catalogue/{id:int}/services/nouveau", c => Cat(c) + "/services/nouveau") { Page = c => Cat(c) + "/services/nouveau" },
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/modifier", c => $"{Cat(c)}/services/{c.Service}/modifier") { IdHostile = (c, v) => $"{Cat(c)}/services/{v}/modifier" },
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/modifier", c => $"{Cat(c)}/services/{c.Service}/modifier")
        {
            Page = c => $"{Cat(c)}/services/{c.Service}/modifier", IdHostile = (c, v) => $"{Cat(c)}/services/{v}/modifier",
        },
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"{Cat(c)}/services/{v}/supprimer" },
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/composantes/nouvelle", c => $"{Cat(c)}/services/{c.Service}/composantes/nouvelle"),
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/nouvelle", c => $"{Cat(c)}/services/{c.Service}/composantes/nouvelle")
        {
            Page = c => $"{Cat(c)}/services/{c.Service}/composantes/nouvelle",
        },
        new("GET", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier", c => $"{Cat(c)}/services/{c.Service}/composantes/0/modifier")
        {
            IdHostile = (c, v) => $"{Cat(c)}/services/{c.Service}/composantes/{v}/modifier",
        },
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/modifier", c => $"{Cat(c)}/services/{c.Service}/composantes/0/modifier")
        {
            Page = c => $"{Cat(c)}/services/{c.Service}/composantes/0/modifier", IdHostile = (c, v) => $"{Cat(c)}/services/{c.Service}/composantes/{v}/modifier",
        },
        new("POST", "catalogue/{id:int}/services/{serviceId:int}/composantes/{index:int}/supprimer", _ => string.Empty)
        {
            IdHostile = (c, v) => $"{Cat(c)}/services/{c.Service}/composantes/{v}/supprimer",
        },
        new("GET", "catalogue/{id:int}/formules/nouvelle", c => Cat(c) + "/formules/nouvelle"),
        new("POST", "catalogue/{id:int}/formules/nouvelle", c => Cat(c) + "/formules/nouvelle") { Page = c => Cat(c) + "/formules/nouvelle" },
        new("POST", "catalogue/{id:int}/formules/{formuleId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"{Cat(c)}/formules/{v}/supprimer" },
        new("GET", "catalogue/{id:int}/quantites/nouvelle", c => Cat(c) + "/quantites/nouvelle"),
        new("POST", "catalogue/{id:int}/quantites/nouvelle", c => Cat(c) + "/quantites/nouvelle") { Page = c => Cat(c) + "/quantites/nouvelle" },
        new("GET", "catalogue/{id:int}/quantites/{quantiteId:int}/modifier", c => $"{Cat(c)}/quantites/{c.Quantite}/modifier") { IdHostile = (c, v) => $"{Cat(c)}/quantites/{v}/modifier" },
        new("POST", "catalogue/{id:int}/quantites/{quantiteId:int}/modifier", c => $"{Cat(c)}/quantites/{c.Quantite}/modifier")
        {
            Page = c => $"{Cat(c)}/quantites/{c.Quantite}/modifier", IdHostile = (c, v) => $"{Cat(c)}/quantites/{v}/modifier",
        },
        new("POST", "catalogue/{id:int}/quantites/{quantiteId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"{Cat(c)}/quantites/{v}/supprimer" },
        new("POST", "catalogue/{id:int}/annexes", c => Cat(c) + "/annexes") { Page = Cat, Multipart = true, IdHostile = (_, v) => $"/catalogue/{v}/annexes" },
        new("GET", "catalogue/{id:int}/annexes/{annexeId:int}", c => $"{Cat(c)}/annexes/{c.Annexe}") { IdHostile = (c, v) => $"{Cat(c)}/annexes/{v}" },
        new("POST", "catalogue/{id:int}/annexes/{annexeId:int}/supprimer", _ => string.Empty) { IdHostile = (c, v) => $"{Cat(c)}/annexes/{v}/supprimer" },
    ];

    /// <summary>Routes with nothing to feed: no parameter, no form, no id.</summary>
    private static readonly Dictionary<string, string> HorsBalayage = new(StringComparer.Ordinal)
    {
        ["* erreur"] = "page d'erreur, sans paramètre",
        ["* erreur/{statut:int}"] = "page d'erreur : ses statuts sont vérifiés par les tests du compte",
        ["* /health"] = "état de la base, sans paramètre",
        ["* /health/live"] = "le processus répond, sans paramètre",
        ["* /health/ready"] = "état de la base, sans paramètre",
        ["GET /openapi/{documentName}.json"] = "description de l'API générée",
    };

    [Fact]
    public void Toutes_les_routes_sont_balayees()
    {
        var connues = Cibles.Select(c => $"{c.Methode} {c.Modele}").Concat(HorsBalayage.Keys).ToHashSet(StringComparer.Ordinal);
        var routes = application.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct()
            .ToList();

        var absentes = routes.Where(r => !connues.Contains(r)).ToList();
        Assert.True(absentes.Count == 0, "Routes sans valeurs hostiles : " + string.Join(", ", absentes));
    }

    [Fact]
    public async Task Aucune_valeur_hostile_ne_donne_une_erreur_500_et_tout_refus_est_en_francais()
    {
        var contexte = await PreparerAsync();
        using var admin = await application.ConnecterAsync(Comptes.Admin);
        using var compte = await application.ConnecterAsync(await application.CreerAsync(Roles.AgentDSI), Comptes.MotDePasse);
        using var anonyme = application.NouvelleSession();
        var sessions = new Dictionary<string, Session>(StringComparer.Ordinal) { ["admin"] = admin, ["compte"] = compte, ["anonyme"] = anonyme };
        var echecs = new List<string>();

        foreach (var cible in Cibles.Where(c => c.Qui != "jetable"))
        {
            var session = sessions[cible.Qui];
            if (cible.Methode == "GET")
            {
                await BalayerGetAsync(session, cible, contexte, echecs);
            }
            else
            {
                await BalayerPostAsync(session, cible, contexte, echecs);
            }
        }

        // Last: signing out, with hostile fields, from a session of its own.
        using var jetable = await application.ConnecterAsync(Comptes.Agent);
        var jeton = Jeton(await jetable.GetAsync("/"));
        foreach (var (nom, valeur) in Hostiles)
        {
            Verifier(await jetable.PostAsync("/compte/deconnexion", new() { ["returnUrl"] = valeur, ["id"] = valeur }, jeton), "POST /compte/deconnexion", nom, formulaire: false, echecs);
        }

        Assert.True(echecs.Count == 0, $"{echecs.Count} réponse(s) fautive(s) :\n" + string.Join("\n", echecs.Take(60)));
    }

    private static async Task BalayerGetAsync(Session session, Cible cible, Contexte contexte, List<string> echecs)
    {
        var url = cible.Url(contexte);
        Verifier(await session.GetAsync(Avec(url, cible.Base)), $"GET {url}", "référence", formulaire: false, echecs);
        foreach (var parametre in cible.Parametres)
        {
            foreach (var (nom, valeur) in Hostiles)
            {
                var requete = Remplacer(cible.Base, parametre, valeur);
                Verifier(await session.GetAsync(Avec(url, requete)), $"GET {url}?{parametre}=", nom, formulaire: false, echecs);
            }
        }

        await BalayerIdsAsync(session, cible, contexte, null, echecs);
    }

    private static async Task BalayerPostAsync(Session session, Cible cible, Contexte contexte, List<string> echecs)
    {
        if (cible.Page is null)
        {
            await BalayerIdsAsync(session, cible, contexte, Jeton(await session.GetAsync("/")), echecs);
            return;
        }

        var action = cible.Url(contexte);
        var page = await session.GetAsync(cible.Page(contexte));
        Assert.True(page.Statut == HttpStatusCode.OK, $"{cible.Page(contexte)} → {(int)page.Statut}");
        var champs = page.ChampsDuFormulaire(action);
        var jeton = Jeton(page, action);
        foreach (var champ in cible.Multipart ? champs.Keys.Append("nom du fichier") : champs.Keys)
        {
            foreach (var (nom, valeur) in Hostiles)
            {
                var envoi = new Dictionary<string, string?>(champs, StringComparer.Ordinal) { [champ] = valeur };
                var reponse = cible.Multipart
                    ? await PosterFichierAsync(session, action, envoi, jeton)
                    : await session.PostAsync(action, envoi, jeton);
                Verifier(reponse, $"POST {action} {champ}", nom, formulaire: true, echecs);
            }
        }

        await BalayerIdsAsync(session, cible, contexte, jeton, echecs);
    }

    private static async Task BalayerIdsAsync(Session session, Cible cible, Contexte contexte, string? jeton, List<string> echecs)
    {
        if (cible.IdHostile is null)
        {
            return;
        }

        foreach (var (nom, valeur) in Hostiles.Append(("lettres", "abc")))
        {
            // A NUL in the path never reaches the application: the server refuses the request line (400).
            var url = cible.IdHostile(contexte, Uri.EscapeDataString(valeur.Replace("\u0000", string.Empty, StringComparison.Ordinal)));
            var reponse = cible.Methode == "GET" ? await session.GetAsync(url) : await session.PostAsync(url, [], jeton);
            Verifier(reponse, $"{cible.Methode} {cible.Modele} (identifiant)", nom, formulaire: false, echecs);
        }
    }

    private static async Task<Session.Page> PosterFichierAsync(Session session, string action, Dictionary<string, string?> champs, string jeton)
    {
        var contenu = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
        foreach (var (nom, valeur) in champs.Where(c => c.Key != "nom du fichier" && c.Value is not null))
        {
            contenu.Add(new StringContent(valeur!), nom);
        }

        var fichier = new ByteArrayContent(Catalogues.Pdf);
        fichier.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"fichier\"",
            FileNameStar = champs.TryGetValue("nom du fichier", out var nomFichier) ? nomFichier : "annexe.pdf",
        };
        contenu.Add(fichier);
        using (contenu)
        {
            return await session.EnvoyerAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = contenu });
        }
    }

    /// <summary>Never a 5xx; a refusal (4xx, or a form shown again) carries a French message.</summary>
    private static void Verifier(Session.Page page, string requete, string valeur, bool formulaire, List<string> echecs)
    {
        var statut = (int)page.Statut;
        var defaut = statut >= 500 ? "erreur serveur"
            : statut is >= 300 and < 400 ? null
            : page.Reponse.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true ? DefautJson(page, statut)
            : DefautHtml(page, statut, formulaire);
        if (defaut is not null)
        {
            echecs.Add($"{requete} [{valeur}] → {statut} : {defaut}");
        }
    }

    private static string? DefautJson(Session.Page page, int statut)
    {
        if (statut < 400)
        {
            return null;
        }

        var racine = JsonDocument.Parse(page.Texte).RootElement;
        var messages = new List<string?> { racine.TryGetProperty("title", out var t) ? t.GetString() : null, racine.TryGetProperty("detail", out var d) ? d.GetString() : null };
        if (racine.TryGetProperty("errors", out var erreurs))
        {
            messages.AddRange(erreurs.EnumerateObject().SelectMany(e => e.Value.EnumerateArray().Select(m => m.GetString())));
        }

        var texte = string.Join(" ", messages.Where(m => m is not null));
        return texte.Length == 0 ? "problème sans message" : Anglais().IsMatch(texte) ? "message en anglais : " + texte : null;
    }

    private static string? DefautHtml(Session.Page page, int statut, bool formulaire)
    {
        var erreurs = page.Document.QuerySelectorAll(".invalid-feedback, .alert-danger, .alert").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        var titre = page.Document.QuerySelector("h1")?.TextContent.Trim();
        if (statut >= 400 && erreurs.Count == 0 && string.IsNullOrEmpty(titre))
        {
            return "refus sans message";
        }

        if (formulaire && statut == 200 && erreurs.Count == 0)
        {
            return "formulaire rendu sans erreur";
        }

        var texte = string.Join(" ", erreurs.Append(statut >= 400 ? titre : null));
        return Anglais().IsMatch(texte) ? "message en anglais : " + texte[..Math.Min(200, texte.Length)] : null;
    }

    [GeneratedRegex(@"\b(error|errors|invalid|occurred|not found|bad request|is required|must be|is not valid|too large)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anglais();

    private async Task<Contexte> PreparerAsync()
    {
        var membre = await application.AjouterCommuneAsync();
        var courriel = await application.CreerAsync(Roles.AgentDSI);
        var utilisateur = application.Executer(db => db.Users.Single(u => u.Email == courriel).Id);
        var (brouillon, annexe) = await application.AjouterBrouillonAvecAnnexeAsync();
        var version = await application.LireAsync(brouillon);
        var service = version.Services.First(s => s.Composantes.Count > 0);
        var (convention, document) = await application.AjouterConventionAsync(membre.Id);
        var titre = await application.AjouterTitreAsync(membre.Id);
        var titreBrouillon = await application.AjouterTitreAsync(membre.Id, emettre: false);
        var bordereau = await application.ExecuterAsync(db => db.TitresRecette.Where(t => t.Id == titre).Select(t => t.BordereauId!.Value).SingleAsync());
        var campagne = await application.ExecuterAsync(db => db.Set<Domain.Campagnes.Campagne>().OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var souscription = await application.ExecuterAsync(async db =>
        {
            var adhesion = new Domain.Adhesions.Adhesion(membre.Id);
            Assert.Null(adhesion.Souscrire("STOCKAGE", "Stockage", new DateOnly(2026, 1, 1), null, new Domain.Adhesions.ActeAdhesion(Domain.Adhesions.NatureActe.Deliberation, "2025-1", new DateOnly(2025, 12, 1)),
                new Domain.Adhesions.QuantiteInitiale("go", 100m), new Domain.Adhesions.CadreAdhesion(new DateOnly(2024, 7, 8), null, null, new DateOnly(2026, 10, 15)), new Domain.Conventions.Auteur(null, "Balayage"), application.Horloge.GetUtcNow()));
            db.Set<Domain.Adhesions.Adhesion>().Add(adhesion);
            await db.SaveChangesAsync();
            return adhesion.Souscriptions.Single().Id;
        });
        var (mission, _) = await application.AjouterMissionAsync(membre.Id, Domain.Missions.StatutMission.EnCours, new DateOnly(2026, 1, 5), (new DateOnly(2026, 10, 1), 0.5m));
        var (audit, constat, element) = await application.AjouterAuditAsync(membre.Id);
        var fiche = await application.ExecuterAsync(async db =>
        {
            Assert.Null(Domain.FichesProjet.FicheProjet.Creer(membre.Id, "Projet balayé", new Domain.FichesProjet.ContenuFiche { Description = "Brouillon" },
                new Domain.Conventions.Auteur(null, "Balayage"), application.Horloge.GetUtcNow(), out var f));
            db.FichesProjet.Add(f!);
            await db.SaveChangesAsync();
            return f!.Id;
        });
        var remboursement = await application.AjouterRemboursementAsync(membre.Id);
        var ficheInscrite = await application.AjouterFicheInstruiteAsync(membre.Id, "Projet inscrit au COPIL balayé");
        var fichePrete = await application.AjouterFicheInstruiteAsync(membre.Id, "Projet prêt pour le COPIL balayé");
        var seance = await application.AjouterSeanceAsync("Séance balayée", null, ficheInscrite);
        return new Contexte(membre.Id, utilisateur, brouillon, service.Id, version.Formules[0].Id, annexe, version.Quantites[0].Id, convention, document) { Titre = titre, TitreBrouillon = titreBrouillon, Bordereau = bordereau, Campagne = campagne, Insee = membre.CodeInsee.Valeur, Souscription = souscription, Mission = mission, Audit = audit, Constat = constat, Element = element, Fiche = fiche, Seance = seance, FicheInscrite = ficheInscrite, FichePrete = fichePrete, Remboursement = remboursement };
    }

    private static string Jeton(Session.Page page, string? action = null) =>
        (action is null ? page.Document.DocumentElement : page.Document.QuerySelectorAll("form").First(f => f.GetAttribute("action") == action))
        .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static string Avec(string url, string requete) => requete.Length == 0 ? url : $"{url}?{requete}";

    /// <summary>The query string with one parameter set to a value (added when absent).</summary>
    private static string Remplacer(string requete, string parametre, string valeur)
    {
        var paires = requete.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).Where(p => p[0] != parametre)
            .Select(p => $"{p[0]}={p[1]}").Append($"{parametre}={Uri.EscapeDataString(valeur)}");
        return string.Join("&", paires);
    }
}
