using Microsoft.EntityFrameworkCore;
using ImpactEval.Data;
using Xunit;

namespace ImpactEval.Cli.Tests;

public class UserCommandTests
{
    // The operator creates the first administrator of a fresh installation (the password read from the standard
    // input), then a data-entry agent for Valbrune; lists them; gives the agent the territory-team role; disables her.
    // Only the PBKDF2 hash is stored, and every step is audited with the operator's name.
    [Fact]
    public async Task AddListGrantDisable_FirstAdministratorAndAgent_StoredHashedAndAudited()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);

        var admin = await cli.RunWithInputAsync("Premier-admin-2026", "user", "add", "-n", "admin", "-r", "administrateur");
        var agent = await cli.RunWithInputAsync("Agent-saisie-2026", "user", "add", "--name", "agent-valbrune", "--role", "saisie", "-t", "CE-999-01");
        var list = await cli.RunAsync("user", "list");
        var grant = await cli.RunAsync("user", "grant", "-n", "agent-valbrune", "-r", "equipe-cite", "-t", "CE-999-01");
        var disable = await cli.RunAsync("user", "disable", "agent-valbrune");
        var reset = await cli.RunAsync("user", "reset", "admin");

        Assert.Equal(0, admin.ExitCode);
        Assert.Contains("Utilisateur « admin » créé : administrateur (toutes les cités)", admin.Output);
        Assert.Equal(0, agent.ExitCode);
        Assert.Contains("agent-valbrune", list.Output);
        Assert.Contains("saisie", list.Output);
        Assert.DoesNotContain("Agent-saisie-2026", list.Output);
        Assert.Contains("equipe-cite (CE-999-01)", grant.Output);
        Assert.Contains("désactivé", disable.Output);
        Assert.Contains("/reinitialisation?compte=", reset.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        var hash = await db.Users.Where(u => u.UserName == "admin").Select(u => u.PasswordHash).SingleAsync();
        Assert.DoesNotContain("Premier-admin-2026", hash!);
        Assert.StartsWith("AQAAAA", hash); // Identity's v3 format: PBKDF2 with HMAC-SHA512
        var audit = await db.AuditEntries.Where(a => a.Action.StartsWith("user.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["user.add", "user.add", "user.grant", "user.disable", "user.reset-link"], audit);
    }

    // Mistakes: a weak password, a saisie account without a cité, an unknown role. Explained in French, exit 2, nothing created.
    [Fact]
    public async Task Add_InvalidInput_ExplainedExitTwoNothingCreated()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, (await cli.RunAsync("protocol", "register", Path.Combine(AppContext.BaseDirectory, "protocols", "passerelles.yaml"))).ExitCode);

        var weak = await cli.RunWithInputAsync("court", "user", "add", "-n", "admin", "-r", "administrateur");
        var noCite = await cli.RunWithInputAsync("Agent-saisie-2026", "user", "add", "-n", "agent", "-r", "saisie");
        var role = await cli.RunWithInputAsync("Agent-saisie-2026", "user", "add", "-n", "agent", "-r", "chef");

        Assert.Equal(2, weak.ExitCode);
        Assert.Contains("Le mot de passe doit compter au moins 12 caractères", weak.Output);
        Assert.Equal(2, noCite.ExitCode);
        Assert.Contains("indiquez au moins un code de cité", noCite.Output);
        Assert.Equal(2, role.ExitCode);
        Assert.Contains("Rôle inconnu « chef »", role.Output);
        await using var db = await Store.OpenCurrentAsync(new StoreOptions { DataDirectory = cli.DataDirectory });
        Assert.Equal(0, await db.Users.CountAsync());
    }
}
