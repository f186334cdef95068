using System.Text.RegularExpressions;
using ImpactEval.Data;
using ImpactEval.Data.Access;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ImpactEval.Cli.Tests;

public partial class AccessCommandTests
{
    // The operator of Valbrune's service gives the CAF a partner key for the cité, lists the accounts, then revokes
    // it. The key is printed once, at the grant, and appears neither in the list nor in the store; each step is
    // audited with the operator's name.
    [Fact]
    public async Task GrantListRevoke_PartnerKey_PrintedOnceListedWithoutKeyRevokedAndAudited()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);

        var grant = await cli.RunAsync("access", "grant", "--name", "caf-93", "--role", "partenaire", "--territory", "CE-999-01");
        var list = await cli.RunAsync("access", "list");
        var revoke = await cli.RunAsync("access", "revoke", "caf-93");
        var listAfter = await cli.RunAsync("access", "list");

        Assert.Equal(0, grant.ExitCode);
        Assert.Contains("Compte « caf-93 » créé : partenaire (CE-999-01)", grant.Output);
        var key = KeyPattern().Match(grant.Output).Value;
        Assert.NotEmpty(key);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("caf-93", list.Output);
        Assert.Contains(key[..key.IndexOf('.')], list.Output);
        Assert.DoesNotContain(key, list.Output);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Contains("Clé du compte « caf-93 » révoquée", revoke.Output);
        Assert.Contains("révoqué le", listAfter.Output);

        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Null(await new AccountRegistry(db).AuthenticateAsync(key));
        var audit = await db.AuditEntries.Where(a => a.Action.StartsWith("access.")).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor }).ToListAsync();
        Assert.Equal(["access.grant", "access.revoke"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.StartsWith("cli:", a.Actor));
    }

    // Mistakes on the command line: an unknown role, a partner without a cité, an unknown cité, revoking an unknown
    // account. Each is explained in French, exits 2, and creates nothing.
    [Fact]
    public async Task Grant_InvalidInput_ExplainedExitTwoNothingCreated()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);

        var role = await cli.RunAsync("access", "grant", "--name", "chef", "--role", "chef");
        var noTerritory = await cli.RunAsync("access", "grant", "--name", "caf-93", "--role", "partenaire");
        var unknown = await cli.RunAsync("access", "grant", "--name", "caf-93", "--role", "equipe-cite", "--territory", "CE-000-00");
        var revoke = await cli.RunAsync("access", "revoke", "personne");

        Assert.Equal([2, 2, 2, 2], new[] { role.ExitCode, noTerritory.ExitCode, unknown.ExitCode, revoke.ExitCode });
        Assert.Contains("Rôle inconnu « chef » : choisissez parmi administrateur, national, equipe-cite, saisie, partenaire.", role.Output);
        Assert.Contains("indiquez au moins un code de cité", noTerritory.Output);
        Assert.Contains("Aucune cité n'a le code « CE-000-00 » dans la base (codes connus : CE-999-01).", unknown.Output);
        Assert.Contains("Aucun compte ne s'appelle « personne »", revoke.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(0, await db.Accounts.CountAsync());
    }

    [GeneratedRegex(@"ie_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}")]
    private static partial Regex KeyPattern();
}
