using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Tests.Outils;

/// <summary>How many times the application asked Identity's password hasher, per e-mail address.</summary>
public sealed class CompteurHachages
{
    private readonly ConcurrentDictionary<string, int> _verifications = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _hachages = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Passwords checked against the account's stored hash.</summary>
    public int Verifications(string courriel) => _verifications.GetValueOrDefault(courriel);

    /// <summary>Passwords hashed (a new password, or the decoy work done when no password can be checked).</summary>
    public int Hachages(string courriel) => _hachages.GetValueOrDefault(courriel);

    internal void CompterVerification(string? courriel) => _verifications.AddOrUpdate(courriel ?? string.Empty, 1, (_, n) => n + 1);

    internal void CompterHachage(string? courriel) => _hachages.AddOrUpdate(courriel ?? string.Empty, 1, (_, n) => n + 1);
}

/// <summary>Identity's own hasher, counted: it proves which requests really did the work of a password check.</summary>
public sealed class HacheurCompte(IPasswordHasher<Utilisateur> hacheur, CompteurHachages compteur) : IPasswordHasher<Utilisateur>
{
    public string HashPassword(Utilisateur user, string password)
    {
        compteur.CompterHachage(user.Email);
        return hacheur.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(Utilisateur user, string hashedPassword, string providedPassword)
    {
        compteur.CompterVerification(user.Email);
        return hacheur.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
