using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Mutualisation.Domain.Titres;
using Mutualisation.Persistence;
using Mutualisation.Persistence.Perimetre;
using Mutualisation.Web.Tests.Outils;

namespace Mutualisation.Web.Tests;

/// <summary>
/// The continuous series of titre numbers (ADR 0016), with real OS processes on a database of their own (the provider
/// of the pass: SQLite, or PostgreSQL in test.sh's second pass): two issuers at once, and an issuer killed (SIGKILL)
/// with its numbers taken and its transaction open, then restarted. Each time: no duplicate, no gap, no titre lost.
/// </summary>
public sealed class NumerotationTitresTests
{
    private const int ParProcessus = 100;

    [Fact]
    public async Task Deux_processus_qui_emettent_en_meme_temps_donnent_une_serie_sans_doublon_ni_trou()
    {
        using var base_ = BaseDeTest.Creer();
        var budget = "B" + Guid.NewGuid().ToString("N")[..6];
        await ExecuterAsync(base_, "preparer-titres", budget);

        using var premier = Demarrer(base_, "emettre-titres", budget, "--nombre", $"{ParProcessus}");
        using var second = Demarrer(base_, "emettre-titres", budget, "--nombre", $"{ParProcessus}");
        var sorties = await Task.WhenAll(AttendreAsync(premier), AttendreAsync(second));
        Assert.All(sorties, s => Assert.Contains($"EMIS {ParProcessus}", s, StringComparison.Ordinal));

        await VerifierSerieAsync(base_, budget, 2 * ParProcessus);
    }

    [Fact]
    public async Task Un_processus_tue_en_pleine_emission_puis_relance_ne_laisse_ni_doublon_ni_trou_ni_perte()
    {
        using var base_ = BaseDeTest.Creer();
        var budget = "K" + Guid.NewGuid().ToString("N")[..6];
        await ExecuterAsync(base_, "preparer-titres", budget);

        using var tue = Demarrer(base_, "emettre-titres", budget, "--nombre", $"{ParProcessus}", "--arret-apres", "37");
        string? ligne;
        do
        {
            ligne = await tue.StandardOutput.ReadLineAsync();
        }
        while (ligne is not null && !ligne.StartsWith("ARRET", StringComparison.Ordinal));

        // Number 37 is taken, its titre set issued in the open transaction: the process dies there.
        Assert.Equal("ARRET 37", ligne);
        tue.Kill(entireProcessTree: true);
        await tue.WaitForExitAsync();

        var avant = await LireAsync(base_, budget);
        Assert.Equal(36, avant.Count(t => t.Statut == StatutTitre.Emis));
        Assert.Equal(ParProcessus - 36, avant.Count(t => t.Statut == StatutTitre.Brouillon));

        var sortie = await ExecuterAsync(base_, "emettre-titres", budget, "--reprendre");
        Assert.Contains($"EMIS {ParProcessus - 36}", sortie, StringComparison.Ordinal);
        await VerifierSerieAsync(base_, budget, ParProcessus);
    }

    private static async Task VerifierSerieAsync(BaseDeTest base_, string budget, int attendus)
    {
        var titres = await LireAsync(base_, budget);
        Assert.Equal(attendus, titres.Count);
        Assert.All(titres, t => Assert.Equal(StatutTitre.Emis, t.Statut));
        var numeros = titres.Select(t => t.Numero!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, attendus), numeros);
        var bordereaux = titres.Select(t => t.BordereauNumero!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, attendus), bordereaux);
    }

    private static async Task<List<(int? Numero, int? BordereauNumero, StatutTitre Statut)>> LireAsync(BaseDeTest base_, string budget)
    {
        await using var db = Contexte(base_);
        var lignes = await db.TitresRecette.AsNoTracking().Where(t => t.Budget == budget)
            .Select(t => new { t.Numero, t.BordereauNumero, t.Statut }).ToListAsync();
        return lignes.Select(l => (l.Numero, l.BordereauNumero, l.Statut)).ToList();
    }

    private static MutualisationDbContext Contexte(BaseDeTest base_) => base_.Fournisseur == FournisseurBaseDeDonnees.Postgres
        ? new PostgresMutualisationDbContext(new DbContextOptionsBuilder<PostgresMutualisationDbContext>().UseNpgsql(base_.ChaineConnexion).Options) { Perimetre = PerimetreSysteme.Instance }
        : new SqliteMutualisationDbContext(new DbContextOptionsBuilder<SqliteMutualisationDbContext>().UseSqlite(base_.ChaineConnexion).Options) { Perimetre = PerimetreSysteme.Instance };

    /// <summary>The console of tools/Mutualisation.DesignTime, built with the tests (same configuration).</summary>
    private static Process Demarrer(BaseDeTest base_, string commande, string budget, params string[] autres)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var outil = Path.Combine(CheminDuDepot.Racine, "tools", "Mutualisation.DesignTime", "bin", configuration, "net10.0", "Mutualisation.DesignTime.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in new[] { outil, commande, "--fournisseur", base_.Fournisseur.ToString(), "--connexion", base_.ChaineConnexion, "--budget", budget }.Concat(autres))
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    private static async Task<string> AttendreAsync(Process processus)
    {
        using var delai = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var sortie = processus.StandardOutput.ReadToEndAsync(delai.Token);
        var erreurs = processus.StandardError.ReadToEndAsync(delai.Token);
        await processus.WaitForExitAsync(delai.Token);
        Assert.True(processus.ExitCode == 0, $"Code {processus.ExitCode} : {await erreurs}");
        return await sortie;
    }

    private static async Task<string> ExecuterAsync(BaseDeTest base_, string commande, string budget, params string[] autres)
    {
        using var processus = Demarrer(base_, commande, budget, autres);
        return await AttendreAsync(processus);
    }
}
