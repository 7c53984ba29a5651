using System.Data.Common;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace PostGuard.Core.Persistence;

/// <summary>
/// Applies the versioned SQL scripts for the configured provider (embedded under
/// Persistence/Migrations/{Sqlite|Postgres}/NNNN_name.sql), each in its own transaction,
/// recording them in schema_migrations. Safe to run repeatedly and from several processes
/// (PostgreSQL takes an advisory lock; SQLite a write lock).
/// </summary>
public sealed class Migrator(Database database, TimeProvider time, ILogger<Migrator> logger)
{
    private const long PostgresLockKey = 0x506f737447756172; // "PostGuar"

    public sealed record Script(int Version, string Name, string Sql);

    public IReadOnlyList<Script> Scripts()
    {
        var prefix = $"PostGuard.Core.Persistence.Migrations.{database.Provider}.";
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => ReadScript(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>Applies pending scripts; returns how many were applied.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await connection.ExecuteAsync(database.Command("SELECT pg_advisory_lock(@key)", new { key = PostgresLockKey }, cancellationToken: cancellationToken));
        }
        try
        {
            await connection.ExecuteAsync(database.Command(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
                cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<int>(database.Command("SELECT version FROM schema_migrations", cancellationToken: cancellationToken))).ToHashSet();
            var count = 0;
            foreach (var script in Scripts().Where(s => !applied.Contains(s.Version)))
            {
                await ApplyAsync(connection, script, cancellationToken);
                count++;
            }
            return count;
        }
        finally
        {
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await connection.ExecuteAsync(database.Command("SELECT pg_advisory_unlock(@key)", new { key = PostgresLockKey }, cancellationToken: CancellationToken.None));
            }
        }
    }

    private async Task ApplyAsync(DbConnection connection, Script script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(database.Command(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(database.Command(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)",
            new { script.Version, script.Name, AppliedAt = time.GetUtcNow().ToString("O") }, transaction, cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Version} {Name} ({Provider})", script.Version, script.Name, database.Provider);
    }

    private static Script ReadScript(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
        {
            throw new InvalidOperationException($"Migration '{resource}' must be named NNNN_description.sql");
        }
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Script(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
