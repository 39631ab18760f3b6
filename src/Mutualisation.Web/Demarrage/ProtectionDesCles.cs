using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Mutualisation.Persistence;

namespace Mutualisation.Web.Demarrage;

/// <summary>
/// The data-protection key ring (cookies, antiforgery tokens) lives in the database, so restarts and
/// several instances share it (<c>PersistKeysToDbContext</c>). Keys are encrypted at rest with a
/// certificate when one is configured; without it, anyone holding a copy of the database could forge
/// an administrator's cookie, and outside Development the start-up log says so loudly. See ADR 0004.
/// </summary>
public static partial class ProtectionDesCles
{
    public const string SectionCertificat = "ProtectionDesCles:Certificat";

    public static void AjouterProtectionDesCles(this WebApplicationBuilder builder)
    {
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("Mutualisation")
            .PersistKeysToDbContext<MutualisationDbContext>();
        if (ChargerCertificat(builder.Configuration) is { } certificat)
        {
            protection.ProtectKeysWithCertificate(certificat);
            foreach (var ancien in builder.Configuration.GetSection("ProtectionDesCles:AnciensCertificats").GetChildren().Select(Charger).OfType<X509Certificate2>())
            {
                protection.UnprotectKeysWithAnyCertificate(ancien);
            }
        }
    }

    /// <summary>Outside Development and tests, says loudly at start-up when the keys are stored unencrypted.</summary>
    public static void SignalerClesNonProtegees(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Test") || ChargerCertificat(app.Configuration) is not null)
        {
            return;
        }

        var journal = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Mutualisation.Securite");
        ClesEnClair(journal, SectionCertificat);
    }

    /// <summary>
    /// <c>ProtectionDesCles:Certificat:Chemin</c> (a PKCS#12 file with its private key) and
    /// <c>…:MotDePasse</c>, or <c>…:Empreinte</c> (thumbprint in the user's or machine's "My" store).
    /// </summary>
    public static X509Certificate2? ChargerCertificat(IConfiguration configuration) =>
        Charger(configuration.GetSection(SectionCertificat));

    private static X509Certificate2? Charger(IConfigurationSection section)
    {
        var chemin = section["Chemin"];
        if (!string.IsNullOrWhiteSpace(chemin))
        {
            if (!File.Exists(chemin))
            {
                throw new InvalidOperationException($"{section.Path}:Chemin : le fichier « {chemin} » est introuvable.");
            }

            var certificat = X509CertificateLoader.LoadPkcs12FromFile(chemin, section["MotDePasse"], X509KeyStorageFlags.EphemeralKeySet);
            return certificat.HasPrivateKey
                ? certificat
                : throw new InvalidOperationException($"{section.Path}:Chemin : le certificat « {chemin} » n'a pas de clé privée.");
        }

        var empreinte = section["Empreinte"];
        if (string.IsNullOrWhiteSpace(empreinte))
        {
            return null;
        }

        foreach (var emplacement in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var magasin = new X509Store(StoreName.My, emplacement);
            magasin.Open(OpenFlags.ReadOnly);
            var trouves = magasin.Certificates.Find(X509FindType.FindByThumbprint, empreinte, validOnly: false);
            if (trouves.Count > 0)
            {
                return trouves[0];
            }
        }

        throw new InvalidOperationException($"{section.Path}:Empreinte : aucun certificat « {empreinte} » dans le magasin « My ».");
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Critical,
        Message = "SÉCURITÉ : les clés de protection des données (cookies de session, jetons anti-falsification) sont stockées EN CLAIR dans la base. " +
                  "Quiconque obtient une copie de la base peut forger la session d'un administrateur. Configurez un certificat dans {Section} (Chemin et MotDePasse, ou Empreinte) : voir README, « Clés de protection ».")]
    private static partial void ClesEnClair(ILogger journal, string section);
}
