using System.Xml.Linq;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace ImpactEval.Web.Accounts;

/// <summary>
/// The data-protection key ring kept in the store (table <c>web_keys</c>): sessions, antiforgery tokens and reset links
/// stay valid across restarts, and every node of a PostgreSQL cluster reads the same keys.
/// </summary>
public sealed class StoreKeyRing(IDbContextFactory<ImpactEvalDbContext> contexts) : IXmlRepository
{
    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return [.. db.WebKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse)];
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.WebKeys.Add(new WebKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
