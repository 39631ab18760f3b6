namespace Mutualisation.Web.Tests.Outils;

/// <summary>A clock of its own for a second instance, started at the first instance's time and moved by hand.</summary>
public sealed class HorlogeDeTest(DateTimeOffset debut) : TimeProvider
{
    private DateTimeOffset _maintenant = debut;

    public override DateTimeOffset GetUtcNow() => _maintenant;

    public void Avancer(TimeSpan duree) => _maintenant += duree;
}
