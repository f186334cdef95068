using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ImpactEval.Data;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ImpactEval.Worker.Hosting;

/// <summary>
/// Mutual exclusion of the worker's runs across every node: no two runs holding the same resource (a protocol's
/// estimates, a campaign job, a housekeeping task) execute at once. On PostgreSQL a session advisory lock on a
/// connection of its own, which the server releases the moment the holder's connection drops — a node killed with
/// SIGKILL blocks nobody. On SQLite (one process per data directory, <see cref="SingleNodeGuard"/>) an in-process
/// semaphore.
/// </summary>
/// <remarks>
/// Hangfire's <c>DisableConcurrentExecution</c> is not used: its PostgreSQL lock rows are not renewed while held and
/// outlive a killed node until they expire, which would either block the node taking over or let a long run lose
/// its lock.
/// </remarks>
public sealed class ExclusiveRuns(IOptions<StoreOptions> store) : IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(200);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> local = new(StringComparer.Ordinal);

    /// <summary>Waits until <paramref name="resource"/> is free and takes it.</summary>
    /// <param name="resource">The resource ("estimates:passerelles").</param>
    /// <param name="cancellationToken">Stops waiting (the node is stopping).</param>
    /// <returns>The hold; disposing it releases the resource.</returns>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public IDisposable Enter(string resource, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryEnter(resource) is { } held) return held;
            cancellationToken.WaitHandle.WaitOne(RetryEvery);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Takes <paramref name="resource"/> if it is free; null when another run holds it.</summary>
    public IDisposable? TryEnter(string resource)
    {
        if (store.Value.Provider == StoreProvider.Sqlite)
        {
            var semaphore = local.GetOrAdd(resource, _ => new SemaphoreSlim(1, 1));
            return semaphore.Wait(0) ? new Release(() => semaphore.Release()) : null;
        }
        var key = Key(resource);
        var connection = new NpgsqlConnection(store.Value.ConnectionString);
        try
        {
            connection.Open();
            using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if (command.ExecuteScalar() is true)
                return new Release(() =>
                {
                    try
                    {
                        using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                        unlock.Parameters.AddWithValue("key", key);
                        unlock.ExecuteNonQuery();
                    }
                    finally
                    {
                        connection.Dispose();
                    }
                });
            connection.Dispose();
            return null;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The advisory-lock key of a resource: the first 8 bytes of SHA-256("impacteval:" + resource).</summary>
    public static long Key(string resource) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("impacteval:" + resource)), 0);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var semaphore in local.Values) semaphore.Dispose();
    }

    private sealed class Release(Action release) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) release();
        }
    }
}
