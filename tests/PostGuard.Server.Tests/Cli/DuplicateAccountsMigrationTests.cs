using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Cli;

/// <summary>
/// Upgrading a database in which `admin add-user` was run twice for one e-mail (before it became a
/// reset): the migration that makes e-mails unique per school keeps each e-mail's newest account, removes
/// the older ones and records every removal in the audit trail, instead of failing on the unique index
/// or leaving the sign-in broken. The real `migrate` verb on a database built with the old migrations.
/// </summary>
public sealed class DuplicateAccountsMigrationTests
{
    /// <summary>The schema version that still allowed duplicates.</summary>
    private const int LastVersionWithDuplicates = 6;

    [Fact]
    public async Task Sqlite_duplicates_are_merged_into_the_newest_account_and_audited()
    {
        var dir = Directory.CreateTempSubdirectory("postguard-duplicates-").FullName;
        try
        {
            var path = Path.Combine(dir, "postguard.db");
            await using (var connection = new SqliteConnection($"Data Source={path}"))
            {
                await connection.OpenAsync();
                await BuildOldSchemaWithDuplicatesAsync(connection, "Sqlite", t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            }
            SqliteConnection.ClearAllPools();

            var migrated = await ServerProcess.RunAsync(dir, "migrate");
            Assert.True(migrated.ExitCode == 0, migrated.StdErr);

            await using var after = new SqliteConnection($"Data Source={path}");
            await AssertMergedAsync(after);
            var duplicate = await Assert.ThrowsAsync<SqliteException>(() => after.ExecuteAsync(
                "INSERT INTO users (id, school_id, email, role, token_hash, created_at) VALUES ('dup', 'mersham', 'HEAD@mersham.sch.uk', 'approver', 'hx', '2026-11-21T09:00:00.0000000Z')"));
            Assert.Equal(19, duplicate.SqliteErrorCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [PostgresRabbitFact]
    public async Task Postgres_duplicates_are_merged_into_the_newest_account_and_audited()
    {
        var databaseName = $"postguard_dups_{Guid.NewGuid():N}"[..30];
        var admin = new NpgsqlConnectionStringBuilder(RealServices.Postgres) { Pooling = false };
        await using (var server = new NpgsqlConnection(admin.ConnectionString))
        {
            await server.OpenAsync();
            await server.ExecuteAsync($"CREATE DATABASE \"{databaseName}\"");
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = databaseName }.ConnectionString;
        var dir = Directory.CreateTempSubdirectory("postguard-duplicates-").FullName;
        try
        {
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await BuildOldSchemaWithDuplicatesAsync(connection, "Postgres", t => t);
            }

            var migrated = await ServerProcess.RunAsync(dir, new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = connectionString,
            }, "migrate");
            Assert.True(migrated.ExitCode == 0, migrated.StdErr);

            await using var after = new NpgsqlConnection(connectionString);
            await AssertMergedAsync(after);
            var duplicate = await Assert.ThrowsAsync<PostgresException>(() => after.ExecuteAsync(
                "INSERT INTO users (id, school_id, email, role, token_hash, created_at) VALUES ('dup', 'mersham', 'HEAD@mersham.sch.uk', 'approver', 'hx', now())"));
            Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicate.SqlState);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(admin.ConnectionString);
            await server.OpenAsync();
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)");
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Mersham has head@ three times (as add-user twice, plus a capitalised copy) and deputy@ once;
    /// another school has its own head@, which is no duplicate of Mersham's.
    /// </summary>
    private static async Task BuildOldSchemaWithDuplicatesAsync(DbConnection connection, string provider, Func<DateTimeOffset, object> time)
    {
        var assembly = typeof(Core.Persistence.Migrator).Assembly;
        var prefix = $"PostGuard.Core.Persistence.Migrations.{provider}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n[prefix.Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), Resource: n))
            .Where(s => s.Version <= LastVersionWithDuplicates)
            .OrderBy(s => s.Version)
            .ToList();
        Assert.Equal(LastVersionWithDuplicates, scripts.Count);
        await connection.ExecuteAsync("CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)");
        foreach (var (version, resource) in scripts)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            await connection.ExecuteAsync(await reader.ReadToEndAsync());
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, 'old', '2026-01-01')", new { version });
        }
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        foreach (var school in new[] { "mersham", "milton" })
        {
            await connection.ExecuteAsync("INSERT INTO schools (id, name, policy_json, created_at) VALUES (@school, @school, '{}', @at)", new { school, at = time(start) });
        }
        var users = new[]
        {
            ("u-oldest", "mersham", "head@mersham.sch.uk", "approver", 0),
            ("u-newest", "mersham", "head@mersham.sch.uk", "approver", 20),
            ("u-capital", "mersham", "Head@Mersham.sch.uk", "uploader", 10),
            ("u-deputy", "mersham", "deputy@mersham.sch.uk", "uploader", 1),
            ("u-milton", "milton", "head@mersham.sch.uk", "approver", 2),
        };
        foreach (var (id, school, email, role, days) in users)
        {
            await connection.ExecuteAsync(
                "INSERT INTO users (id, school_id, email, role, token_hash, created_at) VALUES (@id, @school, @email, @role, @hash, @at)",
                new { id, school, email, role, hash = "hash-" + id, at = time(start.AddDays(days)) });
        }
    }

    private static async Task AssertMergedAsync(DbConnection connection)
    {
        var users = (await connection.QueryAsync<(string Id, string School, string Email, string Role)>("SELECT id, school_id, email, role FROM users ORDER BY id")).ToList();
        Assert.Equal(
            [("u-deputy", "mersham", "deputy@mersham.sch.uk", "uploader"), ("u-milton", "milton", "head@mersham.sch.uk", "approver"), ("u-newest", "mersham", "head@mersham.sch.uk", "approver")],
            users);

        var removals = (await connection.QueryAsync<(string School, string Actor, string Details)>(
            "SELECT school_id, actor, details_json FROM audit_events WHERE action = 'user.duplicate-removed' ORDER BY id")).ToList();
        Assert.Equal(2, removals.Count);
        Assert.All(removals, r => Assert.Equal("mersham", r.School));
        var removed = removals.Select(r => JsonNode.Parse(r.Details)!).ToList();
        Assert.Equal(["u-capital", "u-oldest"], removed.Select(d => (string)d["removedId"]!).Order());
        Assert.All(removed, d => Assert.Equal("u-newest", (string?)d["keptId"]));
        Assert.Contains(removed, d => (string?)d["role"] == "uploader" && (string?)d["email"] == "Head@Mersham.sch.uk");
    }
}
