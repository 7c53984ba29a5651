using System.ComponentModel.DataAnnotations;
using PostGuard.Core.Storage;

namespace PostGuard.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Sqlite (embedded default, a file under the data directory) or Postgres (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Npgsql connection string for Postgres; for Sqlite, optional (default: postguard.db in the data directory).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when the service starts (the embedded default); production runs the migrate verb.</summary>
    public bool MigrateOnStart { get; set; } = true;

    [Range(1, 3600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Timeout, retry and circuit breaker around opening connections ("Database:Resilience").</summary>
    public ResilienceOptions Resilience { get; set; } = new();
}
