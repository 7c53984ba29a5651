using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using PostGuard.Core.Storage;

namespace PostGuard.Core.Persistence;

/// <summary>
/// Opens connections to the configured database. The SQL the product runs is shared by both
/// providers (ids and JSON as text, booleans as integers, timestamps through <see cref="DateTimeOffsetHandler"/>);
/// only the migration scripts differ.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqliteConnectionString;
    private readonly DependencyResilience _resilience;

    static Database()
    {
        // Microsoft.Data.Sqlite initialises its bundled native SQLite itself.
        DateTimeOffsetHandler.Register();
    }

    public Database(IOptions<DatabaseOptions> options, IOptions<StorageOptions> storage, TimeProvider time, ILogger<Database> logger)
    {
        Provider = options.Value.Provider;
        CommandTimeoutSeconds = options.Value.CommandTimeoutSeconds;
        options.Value.Resilience.Validate($"{DatabaseOptions.SectionName}:{ResilienceOptions.SubsectionName}");
        _resilience = DependencyResilience.Create("database", options.Value.Resilience, IsTransient, time, logger);

        if (Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.Value.ConnectionString))
            {
                throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions),
                    ["Database:ConnectionString is required when Database:Provider is Postgres (Npgsql format: Host=...;Database=...;Username=...;Password=...)"]);
            }
            // Npgsql does not give up a connection attempt on cancellation while the server is silent;
            // its own connect timeout does, so it may not exceed the attempt timeout.
            var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
            var attemptTimeout = options.Value.Resilience.AttemptTimeoutSeconds;
            if (builder.Timeout == 0 || builder.Timeout > attemptTimeout)
            {
                builder.Timeout = attemptTimeout;
            }
            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString ?? "")
            {
                Pooling = true,
            };
            if (string.IsNullOrEmpty(builder.DataSource))
            {
                Directory.CreateDirectory(storage.Value.DataDir);
                builder.DataSource = Path.Combine(storage.Value.DataDir, "postguard.db");
            }
            _sqliteConnectionString = builder.ToString();
        }
    }

    public DatabaseProvider Provider { get; }

    public int CommandTimeoutSeconds { get; }

    /// <summary>
    /// Opens a connection through the database's resilience pipeline: each attempt has a timeout,
    /// transient failures (a database restarting, a full pool) are retried with jittered back-off, and
    /// while the circuit is open calls fail at once with <see cref="Polly.CircuitBreaker.BrokenCircuitException"/>.
    /// Whatever is left reaches the caller (the API answers 503; a consumer's message is retried later).
    /// The connection's commands go through the same circuit but are not retried: a unit of work that
    /// fails half-way is repeated whole by its caller.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        new ResilientConnection(await _resilience.Repeatable.ExecuteAsync(static async (state, token) => await state.OpenOnceAsync(token), this, cancellationToken), _resilience.Breaker);

    private async Task<DbConnection> OpenOnceAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_sqliteConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static bool IsTransient(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } or SqliteException { SqliteErrorCode: 5 or 6 }; // SQLITE_BUSY, SQLITE_LOCKED

    /// <summary>Runs <paramref name="work"/> in one transaction, committed when it returns.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public CommandDefinition Command(string sql, object? parameters = null, DbTransaction? transaction = null, CancellationToken cancellationToken = default) =>
        new(sql, parameters, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
