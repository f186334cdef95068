namespace ImpactEval.Data;

/// <summary>The database engine behind the store.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file (the default: one machine, zero configuration).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (several workers, national scale).</summary>
    PostgreSql,
}
