using ImpactEval.Data;
using ImpactEval.Data.Access;
using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Access;

/// <summary>
/// First start of the service on a store that never had an API account: creates the administrator account
/// "administrateur-local" and writes its key to <c>&lt;data&gt;/admin-api.key</c>, created readable and writable by
/// the service account only (0600), so that a zero-configuration <c>impacteval serve</c> can be used at once
/// (<c>impacteval jobs …</c> reads that file by itself). The key is not written to the log. Once any account exists
/// (even revoked), nothing happens: further keys come from <c>impacteval access grant</c>.
/// Registered after <see cref="Hosting.StoreInitializer"/>, which creates the schema first.
/// </summary>
public sealed class AdministratorKeyBootstrap(
    IDbContextFactory<ImpactEvalDbContext> contexts, IOptions<AccessOptions> options, IOptions<StoreOptions> store, ILogger<AdministratorKeyBootstrap> logger)
    : IHostedService
{
    /// <summary>The actor recorded in the audit trail for the first key.</summary>
    public const string Actor = "service:premier-demarrage";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.BootstrapAdministrator) return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var registry = new AccountRegistry(db);
        if (await registry.AnyAsync(cancellationToken)) return;

        GrantOutcome outcome;
        try
        {
            outcome = await registry.GrantAsync(AccessOptions.BootstrapAccountName, AccessRole.Administrator, [], Actor, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node of the cluster created it at the same moment (unique name): its key is on that node.
            await using var again = await contexts.CreateDbContextAsync(cancellationToken);
            if (await new AccountRegistry(again).AnyAsync(cancellationToken)) return;
            throw;
        }
        if (!outcome.Granted) return; // created meanwhile by another node ("existe déjà")

        var path = AccessOptions.KeyFilePath(options.Value, store.Value);
        try
        {
            Write(path, outcome.Key!.Text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await registry.RevokeAsync(AccessOptions.BootstrapAccountName, Actor, CancellationToken.None);
            throw new InvalidOperationException(
                $"La clé d'administration n'a pas pu être écrite dans {path} ({e.Message}) ; le compte « {AccessOptions.BootstrapAccountName} » a été révoqué. " +
                "Créez une clé avec « impacteval access grant --name admin --role administrateur ».", e);
        }
        logger.LogWarning(
            "Première mise en service : compte d'API « {Account} » (administrateur) créé ; sa clé est dans {Path} (lisible par ce compte système seulement). " +
            "Envoyez-la dans l'en-tête « Authorization: Bearer <clé> » ; « impacteval jobs » la lit d'elle-même.", AccessOptions.BootstrapAccountName, path);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes the key to a new file that only its owner may read, replacing a stale file of an earlier store.</summary>
    private static void Write(string path, string key)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, file);
        writer.Write(key + "\n");
    }
}
