namespace ImpactEval.Benchmarks;

/// <summary>The PostgreSQL server of the benchmarks: $IMPACTEVAL_BENCH_POSTGRES, else a throwaway cluster started for this process.</summary>
public static class BenchPostgres
{
    /// <summary>
    /// Connection string of the maintenance database of a role that may create databases: $IMPACTEVAL_BENCH_POSTGRES when
    /// set, otherwise a cluster created with the machine's PostgreSQL binaries in a temporary directory (the tests'
    /// <see cref="TestSupport.PostgresServer"/>: fsync off, destroyed when the process exits).
    /// </summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("IMPACTEVAL_BENCH_POSTGRES") is { Length: > 0 } configured ? configured : TestSupport.PostgresServer.AdminConnectionString;

    /// <summary>Runs one statement on the benchmark server (create or drop a database).</summary>
    public static void Admin(string connectionString, string sql)
    {
        using var connection = new Npgsql.NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
