namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Where one real service comes from.</summary>
public enum RealServiceSource
{
    /// <summary>Neither its variable nor a Docker engine: tests that need it are skipped (outside CI).</summary>
    Missing,

    /// <summary>Its POSTGUARD_TEST_* variable.</summary>
    Variable,

    /// <summary>A container the tests start on first use.</summary>
    Container,
}

/// <summary>The decision, per service, of where the real PostgreSQL and RabbitMQ come from (see <see cref="RealServices"/>).</summary>
public sealed record RealServiceSources(
    RealServiceSource Postgres,
    string? PostgresSetting,
    RealServiceSource RabbitMq,
    string? RabbitMqSetting,
    string? DockerUnavailable)
{
    /// <param name="variable">Reads an environment variable.</param>
    /// <param name="dockerUnavailableReason">Null when a Docker engine answers, else why not; asked only when a variable is unset.</param>
    public static RealServiceSources Resolve(Func<string, string?> variable, Func<string?> dockerUnavailableReason)
    {
        ArgumentNullException.ThrowIfNull(variable);
        ArgumentNullException.ThrowIfNull(dockerUnavailableReason);
        var postgres = Setting(variable(RealServices.PostgresVariable));
        var rabbitMq = Setting(variable(RealServices.RabbitMqVariable));
        var docker = postgres is null || rabbitMq is null ? dockerUnavailableReason() : null;
        var fallback = docker is null ? RealServiceSource.Container : RealServiceSource.Missing;
        return new RealServiceSources(
            postgres is null ? fallback : RealServiceSource.Variable,
            postgres,
            rabbitMq is null ? fallback : RealServiceSource.Variable,
            rabbitMq,
            docker);
    }

    /// <summary>Why the tests that need both services cannot have them here, or null.</summary>
    public string? MissingReason =>
        Postgres == RealServiceSource.Missing || RabbitMq == RealServiceSource.Missing
            ? $"needs a real PostgreSQL and RabbitMQ: set {RealServices.PostgresVariable} (Npgsql connection string) and "
              + $"{RealServices.RabbitMqVariable} (amqp:// URI), as .ci/run does, or run a Docker engine and the tests start "
              + $"both in containers ({DockerUnavailable})"
            : null;

    private static string? Setting(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
