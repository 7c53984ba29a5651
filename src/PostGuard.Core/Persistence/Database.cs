using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;
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

    static Database()
    {
        SQLitePCL.Batteries_V2.Init();
        DateTimeOffsetHandler.Register();
    }

    public Database(IOptions<DatabaseOptions> options, IOptions<StorageOptions> storage)
    {
        Provider = options.Value.Provider;
        CommandTimeoutSeconds = options.Value.CommandTimeoutSeconds;
        if (Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(options.Value.ConnectionString))
            {
                throw new OptionsValidationException(DatabaseOptions.SectionName, typeof(DatabaseOptions),
                    ["Database:ConnectionString is required when Database:Provider is Postgres (Npgsql format: Host=...;Database=...;Username=...;Password=...)"]);
            }
            _postgres = NpgsqlDataSource.Create(options.Value.ConnectionString);
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
    /// Opens a connection, retrying transient failures (a database restarting, a full pool) with
    /// jittered back-off for a few seconds; after that the caller sees the error (the API answers 503).
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _openResilience.ExecuteAsync(static async (state, token) => await state.OpenOnceAsync(token), this, cancellationToken);

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

    private readonly ResiliencePipeline _openResilience = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(e => e.IsTransient).Handle<SqliteException>(e => e.SqliteErrorCode is 5 or 6),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(250),
        })
        .Build();

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
