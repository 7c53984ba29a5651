namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ come from. Each service is taken from its variable when set (as .ci/run
/// sets both); otherwise, when a Docker engine is reachable, from a container the tests start themselves on first
/// use (Testcontainers), so <c>dotnet test</c> on a machine with Docker needs no set-up. With neither, the tests
/// that need them are skipped with the reason, except under CI, where they run (and fail) so a CI run can never
/// pass without them.
/// </summary>
public static class RealServices
{
    public const string PostgresVariable = "POSTGUARD_TEST_POSTGRES";
    public const string RabbitMqVariable = "POSTGUARD_TEST_RABBITMQ";

    private static readonly Lazy<RealServiceSources> Sources =
        new(() => RealServiceSources.Resolve(Environment.GetEnvironmentVariable, DockerEngine.UnavailableReason));

    /// <summary>The Npgsql connection string of a PostgreSQL the tests may create databases on, or null.</summary>
    public static string? Postgres => Sources.Value.Postgres switch
    {
        RealServiceSource.Variable => Sources.Value.PostgresSetting,
        RealServiceSource.Container => RealServiceContainers.PostgresConnectionString,
        _ => null,
    };

    /// <summary>The amqp:// URI of a RabbitMQ the tests may declare queues on, or null.</summary>
    public static string? RabbitMq => Sources.Value.RabbitMq switch
    {
        RealServiceSource.Variable => Sources.Value.RabbitMqSetting,
        RealServiceSource.Container => RealServiceContainers.RabbitMqUri,
        _ => null,
    };

    /// <summary>Both services are the ones the variables name (not containers the tests started).</summary>
    public static bool FromVariables => Sources.Value is { Postgres: RealServiceSource.Variable, RabbitMq: RealServiceSource.Variable };

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? MissingReason => Sources.Value.MissingReason;

    /// <summary>Why a test that needs both services is skipped here, or null when it runs (always under CI).</summary>
    public static string? SkipReason(RealServiceSources sources, bool inCi)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return inCi ? null : sources.MissingReason;
    }

    internal static RealServiceSources Current => Sources.Value;
}

/// <summary>A fact that needs the real PostgreSQL and RabbitMQ.</summary>
public sealed class PostgresRabbitFactAttribute : FactAttribute
{
    public PostgresRabbitFactAttribute()
    {
        if (RealServices.SkipReason(RealServices.Current, RealServices.InCi) is { } reason)
        {
            Skip = reason;
        }
    }
}
