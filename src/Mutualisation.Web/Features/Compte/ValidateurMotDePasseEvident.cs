using System.Text;
using Microsoft.AspNetCore.Identity;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Features.Compte;

/// <summary>
/// Refuses the passwords an attacker tries first, as the CNIL recommends beside the length:
/// one character or motif repeated, a sequence (alphabet, digits, keyboard row), a common
/// password (the list shipped with the application, compared without digits, spaces, accents or
/// case), the user's own address or name. Registered with Identity, so it applies to every path
/// that sets a password (administration, change of password, first administrator, demo seed).
/// </summary>
public sealed class ValidateurMotDePasseEvident : IPasswordValidator<Utilisateur>
{
    private const string Cnil = " (recommandation de la CNIL : une longue phrase de passe, sans élément évident).";

    public static readonly string MessageRepetition = "Le mot de passe répète un même caractère ou un même motif (« aaaa… », « abab… »)" + Cnil;
    public static readonly string MessageSuite = "Le mot de passe est surtout une suite de caractères (« abcd… », « 1234… » ou une rangée du clavier comme « azerty »)" + Cnil;
    public static readonly string MessageCourant = "Ce mot de passe figure, aux chiffres près, parmi les mots de passe les plus courants (« motdepasse », « azerty », « soleil »…)" + Cnil;
    public static readonly string MessagePersonnel = "Le mot de passe reprend votre adresse électronique ou votre nom" + Cnil;

    /// <summary>Rows of the French and English keyboards, digits and alphabet: three neighbours in a row make a sequence.</summary>
    private static readonly string[] Suites =
    [
        "abcdefghijklmnopqrstuvwxyz", "01234567890", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "yxcvbnm",
    ];

    private static readonly HashSet<string> Courants = ChargerListe();

    public Task<IdentityResult> ValidateAsync(UserManager<Utilisateur> manager, Utilisateur user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var erreur = Refus(password ?? string.Empty, user.Email, user.NomComplet);
        return Task.FromResult(erreur is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = erreur.Value.Code, Description = erreur.Value.Message }));
    }

    /// <summary>The first rule the password breaks (code and French reason), or null.</summary>
    public static (string Code, string Message)? Refus(string motDePasse, string? courriel, string? nom)
    {
        var alphanumerique = Normaliser(motDePasse, garderChiffres: true);
        if (EstRepetitif(motDePasse.ToLowerInvariant()) || EstRepetitif(alphanumerique))
        {
            return ("PasswordRepetitif", MessageRepetition);
        }

        if (alphanumerique.Length > 0 && PartDesSuites(alphanumerique) * 2 >= alphanumerique.Length)
        {
            return ("PasswordSuite", MessageSuite);
        }

        if (EstCourant(Normaliser(motDePasse, garderChiffres: false)) || EstCourant(Normaliser(Leet(motDePasse), garderChiffres: false)))
        {
            return ("PasswordCourant", MessageCourant);
        }

        if (EstPersonnel(motDePasse, courriel, nom))
        {
            return ("PasswordPersonnel", MessagePersonnel);
        }

        return null;
    }

    /// <summary>Lower case, without accents; letters only, or letters and digits.</summary>
    private static string Normaliser(string texte, bool garderChiffres)
    {
        var resultat = new StringBuilder(texte.Length);
        foreach (var c in texte.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c) || (garderChiffres && char.IsDigit(c)))
            {
                resultat.Append(char.ToLowerInvariant(c));
            }
        }

        return resultat.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The usual substitutions inside a word (p@ssw0rd, s0l3il), before the digits are removed; « 2026 » stays digits.</summary>
    private static string Leet(string texte)
    {
        static char? Lettre(char c) => c switch
        {
            '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '€' => 'e', '!' => 'i',
            _ => null,
        };

        var resultat = texte.ToCharArray();
        for (var i = 1; i < resultat.Length - 1; i++)
        {
            if (Lettre(resultat[i]) is { } lettre && char.IsLetter(resultat[i - 1]) && (char.IsLetter(texte[i + 1]) || Lettre(texte[i + 1]) is not null))
            {
                resultat[i] = lettre;
            }
        }

        return new string(resultat);
    }

    /// <summary>One character makes half of it, or it is a short motif repeated (« abab… », « 19871987… »).</summary>
    private static bool EstRepetitif(string texte)
    {
        if (texte.Length == 0)
        {
            return false;
        }

        if (texte.GroupBy(c => c).Max(g => g.Count()) * 2 >= texte.Length)
        {
            return true;
        }

        for (var periode = 1; periode <= texte.Length / 2; periode++)
        {
            var repete = true;
            for (var i = periode; i < texte.Length && repete; i++)
            {
                repete = texte[i] == texte[i % periode];
            }

            if (repete)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many characters belong to a run of three or more neighbours of one sequence, either way.</summary>
    private static int PartDesSuites(string texte)
    {
        var couverts = new bool[texte.Length];
        foreach (var suite in Suites.Concat(Suites.Select(s => new string(s.Reverse().ToArray()))))
        {
            var debut = 0;
            for (var i = 1; i <= texte.Length; i++)
            {
                var continue_ = i < texte.Length && Voisins(suite, texte[i - 1], texte[i]);
                if (!continue_)
                {
                    if (i - debut >= 3)
                    {
                        Array.Fill(couverts, true, debut, i - debut);
                    }

                    debut = i;
                }
            }
        }

        return couverts.Count(c => c);
    }

    private static bool Voisins(string suite, char a, char b)
    {
        for (var i = suite.IndexOf(a, StringComparison.Ordinal); i >= 0 && i < suite.Length - 1; i = suite.IndexOf(a, i + 1))
        {
            if (suite[i + 1] == b)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A common password, or one repeated (« azertyazerty »).</summary>
    private static bool EstCourant(string lettres)
    {
        if (lettres.Length == 0)
        {
            return false;
        }

        if (Courants.Contains(lettres))
        {
            return true;
        }

        for (var longueur = 1; longueur <= lettres.Length / 2; longueur++)
        {
            if (lettres.Length % longueur == 0 && Courants.Contains(lettres[..longueur])
                && string.Concat(Enumerable.Repeat(lettres[..longueur], lettres.Length / longueur)) == lettres)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Contains the address's local part, or is little more than the name and the address's words.</summary>
    private static bool EstPersonnel(string motDePasse, string? courriel, string? nom)
    {
        var alphanumerique = Normaliser(motDePasse, garderChiffres: true);
        var local = courriel?.Split('@')[0] ?? string.Empty;
        var localNormalise = Normaliser(local, garderChiffres: true);
        if (localNormalise.Length >= 4 && alphanumerique.Contains(localNormalise, StringComparison.Ordinal))
        {
            return true;
        }

        var mots = System.Text.RegularExpressions.Regex.Split($"{local} {nom}", @"[^\p{L}]+")
            .Select(m => Normaliser(m, garderChiffres: false))
            .Where(m => m.Length >= 3)
            .OrderByDescending(m => m.Length)
            .ToList();
        var lettres = Normaliser(motDePasse, garderChiffres: false);
        var reste = lettres;
        foreach (var mot in mots)
        {
            reste = reste.Replace(mot, string.Empty, StringComparison.Ordinal);
        }

        return reste.Length != lettres.Length && reste.Length < 6;
    }

    private static HashSet<string> ChargerListe()
    {
        using var flux = typeof(ValidateurMotDePasseEvident).Assembly.GetManifestResourceStream("Mutualisation.Web.Features.Compte.MotsDePasseCourants.txt")
            ?? throw new InvalidOperationException("La liste des mots de passe courants n'est pas incorporée à l'application.");
        using var lecteur = new StreamReader(flux, Encoding.UTF8);
        var liste = new HashSet<string>(StringComparer.Ordinal);
        while (lecteur.ReadLine() is { } ligne)
        {
            var mot = Normaliser(ligne.Split('#')[0], garderChiffres: false);
            if (mot.Length > 0)
            {
                liste.Add(mot);
            }
        }

        return liste;
    }
}
