using ImpactEval.Data;
using Microsoft.Extensions.Options;

namespace ImpactEval.Worker.Hosting;

/// <summary>
/// On SQLite the scheduler is not clustered, so two workers on one data directory would both fire every job.
/// This guard holds an exclusive lock on <c>&lt;data&gt;/worker.lock</c> for the life of the process: a second
/// worker on the same directory refuses to start with a French explanation. (PostgreSQL is the multi-node store.)
/// </summary>
public sealed class SingleNodeGuard(IOptions<StoreOptions> store, ILogger<SingleNodeGuard> logger) : IHostedService, IDisposable
{
    private FileStream? lockFile;

    /// <summary>The lock file of a data directory.</summary>
    public static string LockPath(StoreOptions store) => Path.Combine(Path.GetFullPath(store.DataDirectory), "worker.lock");

    /// <summary>Takes the lock, or throws when another process holds it.</summary>
    /// <exception cref="InvalidOperationException">Another worker uses this data directory (French message).</exception>
    public static FileStream Acquire(StoreOptions store)
    {
        var path = LockPath(store);
        PrivateFile.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // Owner-only like every file of the data directory (it names the process and the machine).
            PrivateFile.CreateEmpty(path);
            var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            using var writer = new StreamWriter(file, leaveOpen: true);
            writer.Write($"{Environment.ProcessId}@{Environment.MachineName}");
            return file;
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"Un autre service ImpactEval utilise déjà le dossier de données {Path.GetDirectoryName(path)} ({path} est verrouillé). " +
                "Avec SQLite, un seul service par dossier ; pour plusieurs nœuds, utilisez PostgreSQL (Store:Provider=PostgreSql).", e);
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Value.Provider != StoreProvider.Sqlite) return Task.CompletedTask;
        lockFile = Acquire(store.Value);
        logger.LogInformation("Single node on {Directory} (lock {Path})", store.Value.DataDirectory, LockPath(store.Value));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public void Dispose() => lockFile?.Dispose();
}
