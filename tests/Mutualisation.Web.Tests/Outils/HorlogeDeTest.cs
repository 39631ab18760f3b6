namespace Mutualisation.Web.Tests.Outils;

/// <summary>A clock that stands still at the time it was created until a test moves it forward.</summary>
public sealed class HorlogeDeTest : TimeProvider
{
    private DateTimeOffset _maintenant = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _maintenant;

    public void Avancer(TimeSpan duree) => _maintenant += duree;
}
