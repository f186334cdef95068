using System.Net;
using ImpactEval.Data;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using ImpactEval.Web.Accounts;
using ImpactEval.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ImpactEval.Web.Tests.Security;

public sealed class StorageTests
{
    // What the web application keeps in the store, on both engines: users and their cités (Identity's store on EF Core),
    // the lockout counters (a DateTimeOffset column), the data-protection key ring (a session opened before a restart
    // still works after it), and the roster's paged query.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task UsersLockoutKeyRingRoster_BothEngines_WorkAcrossARestart(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await DemoData.LoadAsync(store, families: 60);
        string[] cookies;
        await using (var host = await WebHost.StartAsync(store.Options))
        {
            await host.WithScopeAsync(async services =>
            {
                var accounts = services.GetRequiredService<UserAccounts>();
                Assert.True((await accounts.AddAsync("cpo", AccessRole.TerritoryTeam, ["CE-999-01"], WebFixture.Password, "tests")).Done);
                Assert.True((await accounts.AddAsync("verrou", AccessRole.DataEntry, ["CE-999-01"], WebFixture.Password, "tests")).Done);
                return 0;
            });
            using var first = new SiteClient(host.Url);
            Assert.True(await first.SignInAsync("cpo", WebFixture.Password));
            using (var roster = await first.GetAsync("/cites/CE-999-01/protocoles/passerelles/cohorte?p=2"))
            {
                Assert.Equal(HttpStatusCode.OK, roster.StatusCode);
                Assert.Contains("page 2 sur 2", await roster.Content.ReadAsStringAsync());
            }
            using var locked = new SiteClient(host.Url);
            for (var i = 0; i < 5; i++) Assert.False(await locked.SignInAsync("verrou", "Mauvais-mot-2026"));
            Assert.False(await locked.SignInAsync("verrou", WebFixture.Password));
            cookies = first.Cookies;
        }
        await using (var restarted = await WebHost.StartAsync(store.Options))
        {
            using var again = new SiteClient(restarted.Url, cookies);
            using var dashboard = await again.GetAsync("/cites/CE-999-01");
            Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
            Assert.Contains("Complétude par vague, groupe et école", WebUtility.HtmlDecode(await dashboard.Content.ReadAsStringAsync()));
        }
        await using var db = await store.OpenAsync();
        Assert.True(await db.WebKeys.AnyAsync());
        var locks = await db.Users.Where(u => u.UserName == "verrou").Select(u => u.LockoutEnd).SingleAsync();
        Assert.True(locks > DateTimeOffset.UtcNow);
        Assert.Equal(["CE-999-01"], await db.UserTerritories.Join(db.Territories, u => u.TerritoryId, t => t.Id, (_, t) => t.Code).Distinct().ToListAsync());
    }
}
