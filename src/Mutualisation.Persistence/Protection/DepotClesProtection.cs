using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mutualisation.Persistence.Protection;

/// <summary>The data-protection key ring kept in <see cref="MutualisationDbContext.ClesProtection"/>.</summary>
public sealed class DepotClesProtection(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisationDbContext>();
        return db.ClesProtection.AsNoTracking().Select(c => c.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MutualisationDbContext>();
        db.ClesProtection.Add(new CleProtectionDonnees { NomConvivial = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
