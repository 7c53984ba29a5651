using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Polly;

namespace PostGuard.Core.Persistence;

/// <summary>
/// A provider connection whose commands run through the database's circuit, so a failing query
/// (a pooled connection whose server has gone) counts against it just as a failing open does.
/// Everything else is the provider's own: transactions, parameters, readers.
/// </summary>
internal sealed class ResilientConnection(DbConnection inner, ResiliencePipeline breaker) : DbConnection
{
    internal DbConnection Inner => inner;

    [AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }

    public override string Database => inner.Database;
    public override string DataSource => inner.DataSource;
    public override string ServerVersion => inner.ServerVersion;
    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);
    public override void Open() => inner.Open();
    public override Task OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);
    public override void Close() => inner.Close();
    public override Task CloseAsync() => inner.CloseAsync();

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
        breaker.Execute(static state => state.inner.BeginTransaction(state.isolationLevel), (inner, isolationLevel));

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken) =>
        await breaker.ExecuteAsync(static async (state, token) => await state.inner.BeginTransactionAsync(state.isolationLevel, token), (inner, isolationLevel), cancellationToken);

    protected override DbCommand CreateDbCommand() => new ResilientCommand(inner.CreateCommand(), this, breaker);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}

/// <summary>A provider command that executes through the database's circuit (never retried: it may have changed something).</summary>
internal sealed class ResilientCommand(DbCommand inner, ResilientConnection connection, ResiliencePipeline breaker) : DbCommand
{
    [AllowNull]
    public override string CommandText
    {
        get => inner.CommandText;
        set => inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => inner.CommandTimeout;
        set => inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => inner.CommandType;
        set => inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => inner.DesignTimeVisible;
        set => inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => inner.UpdatedRowSource;
        set => inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A command stays on the connection that created it.");
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => inner.Transaction;
        set => inner.Transaction = value;
    }

    public override void Cancel() => inner.Cancel();
    public override void Prepare() => inner.Prepare();
    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery() => breaker.Execute(static command => command.ExecuteNonQuery(), inner);

    public override object? ExecuteScalar() => breaker.Execute(static command => command.ExecuteScalar(), inner);

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        breaker.Execute(static state => state.inner.ExecuteReader(state.behavior), (inner, behavior));

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        await breaker.ExecuteAsync(static async (command, token) => await command.ExecuteNonQueryAsync(token), inner, cancellationToken);

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        await breaker.ExecuteAsync(static async (command, token) => await command.ExecuteScalarAsync(token), inner, cancellationToken);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await breaker.ExecuteAsync(static async (state, token) => await state.inner.ExecuteReaderAsync(state.behavior, token), (inner, behavior), cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
