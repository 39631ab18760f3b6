namespace Mutualisation.Web.Tests.Outils;

public static class CheminDuDepot
{
    /// <summary>The repository root: the first parent folder holding Mutualisation.sln.</summary>
    public static string Racine { get; } = Trouver();

    private static string Trouver()
    {
        var dossier = new DirectoryInfo(AppContext.BaseDirectory);
        while (dossier is not null && !File.Exists(Path.Combine(dossier.FullName, "Mutualisation.sln")))
        {
            dossier = dossier.Parent;
        }

        return dossier?.FullName ?? throw new InvalidOperationException("Mutualisation.sln introuvable au-dessus du dossier de test.");
    }
}
