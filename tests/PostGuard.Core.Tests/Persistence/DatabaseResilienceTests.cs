using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly.CircuitBreaker;
using Polly.Timeout;
using PostGuard.Core.Persistence;
using PostGuard.Core.Storage;

namespace PostGuard.Core.Tests.Persistence;

/// <summary>
/// Opening PostgreSQL connections against real sockets that misbehave: a port nobody listens on
/// (refused) and a server that accepts and never answers (hangs).
/// </summary>
public sealed class DatabaseResilienceTests
{
    private static Database Postgres(int port, ResilienceOptions resilience) => new(
        Options.Create(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postguard;Password=x;Database=postguard;Timeout=30",
            Resilience = resilience,
        }),
        Options.Create(new StorageOptions()),
        TimeProvider.System,
        NullLogger<Database>.Instance);

    [Fact]
    public async Task A_refused_connection_is_retried_then_the_open_circuit_fails_calls_at_once()
    {
        var port = UnusedPort();
        await using var database = Postgres(port, new ResilienceOptions { Retries = 2, FirstRetryDelayMilliseconds = 1, BreakMinimumCalls = 3, BreakSeconds = 30 });

        var refused = await Assert.ThrowsAsync<NpgsqlException>(() => database.OpenAsync(CancellationToken.None));
        Assert.True(refused.IsTransient);
        var broken = await Assert.ThrowsAsync<BrokenCircuitException>(() => database.OpenAsync(CancellationToken.None));
        Assert.NotNull(broken.RetryAfter);
        Assert.InRange(broken.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_server_that_never_answers_is_abandoned_after_the_attempt_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(); // accepts connections (the kernel's backlog) and never says a word
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var database = Postgres(port, new ResilienceOptions { Retries = 1, FirstRetryDelayMilliseconds = 1, AttemptTimeoutSeconds = 1, BreakMinimumCalls = 2, BreakSeconds = 30 });

        // Npgsql alone would wait 30 s (Timeout=30 in the connection string); each attempt is cut at 1 s,
        // by Polly's timeout or by Npgsql's connect timeout, which the attempt timeout caps.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var timedOut = await Assert.ThrowsAnyAsync<Exception>(() => database.OpenAsync(CancellationToken.None));
        Assert.True(timedOut is TimeoutRejectedException or NpgsqlException { InnerException: TimeoutException }, timedOut.ToString());
        await Assert.ThrowsAsync<BrokenCircuitException>(() => database.OpenAsync(CancellationToken.None));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(25), $"two 1-second attempts took {watch.Elapsed}"); // 30 s would mean the cap did not apply
    }

    [Fact]
    public void Bad_resilience_settings_are_refused_naming_the_setting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Postgres(5432, new ResilienceOptions { BreakMinimumCalls = 1, Retries = 99 }));
        Assert.Contains("Database:Resilience:Retries", error.Message);
        Assert.Contains("Database:Resilience:BreakMinimumCalls", error.Message);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
