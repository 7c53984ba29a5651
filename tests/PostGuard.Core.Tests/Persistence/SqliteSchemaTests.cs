using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PostGuard.Core.Persistence;
using PostGuard.Core.Storage;

namespace PostGuard.Core.Tests.Persistence;

public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("postguard-schema-").FullName;

    private Database Database() => new(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }), Options.Create(new StorageOptions { DataDir = _dir }), TimeProvider.System, NullLogger<Database>.Instance);

    [Fact]
    public async Task Migrations_apply_once_and_are_recorded()
    {
        var database = Database();
        var migrator = new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance);
        Assert.NotEmpty(migrator.Scripts());
        Assert.Equal(migrator.Scripts().Count, await migrator.MigrateAsync(CancellationToken.None));
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Audit_trail_refuses_updates_and_deletes()
    {
        var database = Database();
        await new Migrator(database, TimeProvider.System, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("INSERT INTO audit_events (school_id, at, actor, action, details_json) VALUES ('s', '2026-11-21T09:00:00.0000000Z', 'a', 'x', '{}')");
        var update = await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("UPDATE audit_events SET actor = 'b'"));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => connection.ExecuteAsync("DELETE FROM audit_events"));
        Assert.Contains("append-only", delete.Message);
        Assert.Equal("a", await connection.ExecuteScalarAsync<string>("SELECT actor FROM audit_events"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
