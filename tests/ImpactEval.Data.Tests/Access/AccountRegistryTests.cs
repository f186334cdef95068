using System.Buffers.Text;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using ImpactEval.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Data.Tests.Access;

public class AccountRegistryTests
{
    private static async Task<(int Valbrune, int Autre)> TerritoriesAsync(ImpactEvalDbContext db)
    {
        var valbrune = db.Territories.Add(new Territory { Code = "CE-999-01", Name = "Valbrune", CreatedAt = DateTime.UtcNow }).Entity;
        var autre = db.Territories.Add(new Territory { Code = "CE-999-02", Name = "Autre cité", CreatedAt = DateTime.UtcNow }).Entity;
        await db.SaveChangesAsync();
        return (valbrune.Id, autre.Id);
    }

    // The CPO of Valbrune receives a key for her cité. The key works, sees Valbrune only, and the store keeps
    // nothing from which the key could be read back: the accounts table, read with plain SQL, holds the public
    // identifier and the SHA-256 of the secret, never the secret (in any encoding) nor the whole key.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Grant_TerritoryTeam_KeyAuthenticatesAndOnlyItsHashIsStored(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var (valbrune, autre) = await TerritoriesAsync(db);

        var outcome = await new AccountRegistry(db).GrantAsync("cpo-valbrune", AccessRole.TerritoryTeam, ["CE-999-01"], "cli:test");

        Assert.True(outcome.Granted, string.Join("\n", outcome.Problems));
        var key = outcome.Key!.Text;
        Assert.Matches(@"^ie_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$", key);
        var scope = await new AccountRegistry(db).AuthenticateAsync(key);
        Assert.Equal(("cpo-valbrune", AccessRole.TerritoryTeam), (scope!.Name, scope.Role));
        Assert.Equal([valbrune], scope.TerritoryIds.ToArray());
        Assert.True(scope.Sees(valbrune));
        Assert.False(scope.Sees(autre));
        Assert.Equal(ResultDetail.FullResults, scope.ResultDetail);

        var secret = Base64Url.DecodeFromChars(key.AsSpan(key.IndexOf('.') + 1));
        var rows = await ReadTableAsync(db, "accounts");
        var row = Assert.Single(rows);
        var stored = string.Join(" | ", row.Select(Render));
        foreach (var form in new[] { key, key[(key.IndexOf('.') + 1)..], Convert.ToBase64String(secret), Convert.ToHexString(secret), Convert.ToHexStringLower(secret) })
            Assert.DoesNotContain(form, stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(SHA256.HashData(secret), row.OfType<byte[]>(), new BytesComparer());
        Assert.Contains(outcome.Key.KeyId, row.OfType<string>());
        Assert.DoesNotContain(key, outcome.Key.ToString());

        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AccountRegistry.GrantAction);
        Assert.Equal("cli:test", audit.Actor);
        Assert.Equal("compte « cpo-valbrune »", audit.Subject);
        Assert.Contains("rôle equipe-cite ; territoires : CE-999-01", audit.Details);
        Assert.DoesNotContain(key[(key.IndexOf('.') + 1)..], audit.Details);
    }

    // Mistakes an operator makes when granting: each is reported, in French, all at once, and nothing is written.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Grant_InvalidRequests_EveryProblemReportedNothingWritten(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        await TerritoriesAsync(db);
        var registry = new AccountRegistry(db);
        Assert.True((await registry.GrantAsync("caf-93", AccessRole.Partner, ["CE-999-01"], "cli:test")).Granted);

        var partnerWithoutTerritory = await registry.GrantAsync("mission-locale", AccessRole.Partner, [], "cli:test");
        var nationalWithTerritory = await registry.GrantAsync("anct", AccessRole.National, ["CE-999-01"], "cli:test");
        var unknownTerritory = await registry.GrantAsync("ars", AccessRole.Partner, ["CE-999-01", "CE-999-99"], "cli:test");
        var taken = await registry.GrantAsync("caf-93", AccessRole.Partner, ["CE-999-02"], "cli:test");
        var badName = await registry.GrantAsync("caf 93; drop", AccessRole.Partner, ["CE-999-02"], "cli:test");

        Assert.Contains("indiquez au moins un code de cité", Assert.Single(partnerWithoutTerritory.Problems));
        Assert.Contains("voit tous les territoires : n'indiquez pas de territoire", Assert.Single(nationalWithTerritory.Problems));
        Assert.Equal("Aucune cité n'a le code « CE-999-99 » dans la base (codes connus : CE-999-01, CE-999-02).", Assert.Single(unknownTerritory.Problems));
        Assert.Contains("Un compte « caf-93 » existe déjà", Assert.Single(taken.Problems));
        Assert.Contains("n'est pas valide", Assert.Single(badName.Problems));
        Assert.All(new[] { partnerWithoutTerritory, nationalWithTerritory, unknownTerritory, taken, badName }, o => Assert.Null(o.Key));
        Assert.Equal(1, await db.Accounts.CountAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AccountRegistry.GrantAction));
    }

    // A partner's key has leaked: the operator revokes it (refused at once), then grants the same name a new key
    // for the same partner, now with two cités. The old key stays refused; the list shows one active account.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task Revoke_LeakedKey_RefusedAtOnceAndNameCanBeGrantedAgain(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var (valbrune, autre) = await TerritoriesAsync(db);
        var registry = new AccountRegistry(db);
        var leaked = (await registry.GrantAsync("caf-93", AccessRole.Partner, ["CE-999-01"], "cli:test")).Key!.Text;

        var revoked = await registry.RevokeAsync("caf-93", "cli:ops");
        var again = await registry.RevokeAsync("caf-93", "cli:ops");
        var unknown = await registry.RevokeAsync("inconnu", "cli:ops");
        Assert.Null(await registry.AuthenticateAsync(leaked));
        var listed = Assert.Single(await registry.ListAsync());
        Assert.NotNull(listed.RevokedAt);
        Assert.Equal("cli:ops", listed.RevokedBy);

        var renewed = (await registry.GrantAsync("caf-93", AccessRole.Partner, ["CE-999-01", "CE-999-02"], "cli:ops")).Key!.Text;

        Assert.Equal((true, "Clé du compte « caf-93 » révoquée : elle est refusée dès maintenant."), revoked);
        Assert.True(again.Found);
        Assert.Contains("déjà révoqué", again.Message);
        Assert.False(unknown.Found);
        Assert.Null(await registry.AuthenticateAsync(leaked));
        Assert.Equal([valbrune, autre], (await registry.AuthenticateAsync(renewed))!.TerritoryIds.Order());
        var account = Assert.Single(await registry.ListAsync());
        Assert.Null(account.RevokedAt);
        Assert.Equal(["CE-999-01", "CE-999-02"], account.Territories.ToArray());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AccountRegistry.RevokeAction && a.Actor == "cli:ops"));
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AccountRegistry.GrantAction));
    }

    // Keys that are not the granted key: the right identifier with another secret, a changed last character (also one
    // that decodes to the same bytes), a truncated key, an extra character, another shape, nothing. None authenticates.
    [Fact]
    public async Task Authenticate_AlteredKeys_Refused()
    {
        await using var store = await TestStore.CreateAsync(StoreProvider.Sqlite);
        await using var db = await store.OpenAsync();
        var registry = new AccountRegistry(db);
        var key = (await registry.GrantAsync("admin", AccessRole.Administrator, [], "cli:test")).Key!.Text;
        var otherSecret = key[..(key.IndexOf('.') + 1)] + AccessKeys.Generate().Text[(key.IndexOf('.') + 1)..];
        var flipped = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');
        // The last base64url character of 32 bytes carries 4 bits of data and 2 unused bits: this one decodes to the
        // same secret, but it is not the text that was issued.
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sameBytes = key[..^1] + alphabet[alphabet.IndexOf(key[^1]) ^ 1];

        Assert.NotNull(await registry.AuthenticateAsync(key));
        Assert.NotNull(await registry.AuthenticateAsync(" " + key + " "));
        foreach (var wrong in new[] { otherSecret, flipped, sameBytes, key[..^1], key + "A", key.ToUpperInvariant(), "Bearer " + key, "", "ie_", null })
            Assert.Null(await registry.AuthenticateAsync(wrong));
    }

    // A partner of Valbrune lists protocols: the territory-scoped query returns Valbrune's only; a national account
    // sees both cités' protocols.
    [Theory]
    [MemberData(nameof(TestStore.Providers), MemberType = typeof(TestStore))]
    public async Task VisibleTo_PartnerAndNational_FiltersByTerritory(StoreProvider provider)
    {
        await using var store = await TestStore.CreateAsync(provider);
        await using var db = await store.OpenAsync();
        var (valbrune, autre) = await TerritoriesAsync(db);
        db.Protocols.AddRange(
            new Protocol { Code = "passerelles", Title = "PasserelleS", TerritoryId = valbrune, CurrentVersion = 1, CreatedAt = DateTime.UtcNow },
            new Protocol { Code = "ailleurs", Title = "Ailleurs", TerritoryId = autre, CurrentVersion = 1, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();

        var partner = new AccessScope("caf-93", AccessRole.Partner, [valbrune]);
        var national = new AccessScope("anct", AccessRole.National, []);

        Assert.Equal(["passerelles"], await db.Protocols.VisibleTo(partner).Select(p => p.Code).ToListAsync());
        Assert.Equal(["ailleurs", "passerelles"], await db.Protocols.VisibleTo(national).Select(p => p.Code).OrderBy(c => c).ToListAsync());
        Assert.Equal(ResultDetail.PublishedTables, partner.ResultDetail);
        Assert.Equal(ResultDetail.PublishedTables, national.ResultDetail);
        Assert.Equal("api:caf-93", partner.Actor);
    }

    [Fact]
    public void Roles_FrenchNames_RoundTrip()
    {
        foreach (var role in AccessRoles.All)
        {
            Assert.True(AccessRoles.TryParse(AccessRoles.Name(role).ToUpperInvariant(), out var parsed));
            Assert.Equal(role, parsed);
        }
        Assert.True(AccessRoles.TryParse("équipe-cité", out var team));
        Assert.Equal(AccessRole.TerritoryTeam, team);
        Assert.False(AccessRoles.TryParse("admin", out _));
    }

    private static async Task<List<object?[]>> ReadTableAsync(ImpactEvalDbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            var rows = new List<object?[]>();
            while (await reader.ReadAsync())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Render(object? value) => value switch
    {
        null => "",
        byte[] bytes => $"{Convert.ToHexString(bytes)} {Convert.ToBase64String(bytes)} {Encoding.Latin1.GetString(bytes)}",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private sealed class BytesComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);
        public int GetHashCode(byte[] obj) => obj.Length;
    }
}
