namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>
/// Connection settings of the real PostgreSQL and RabbitMQ that .ci/run starts. Tests that need
/// them are skipped with the reason when the variables are missing, except under CI, where they
/// run (and fail) so a CI run can never pass without them.
/// </summary>
public static class RealServices
{
    public const string PostgresVariable = "POSTGUARD_TEST_POSTGRES";
    public const string RabbitMqVariable = "POSTGUARD_TEST_RABBITMQ";

    public static string? Postgres => Environment.GetEnvironmentVariable(PostgresVariable);

    public static string? RabbitMq => Environment.GetEnvironmentVariable(RabbitMqVariable);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? MissingReason =>
        Postgres is null || RabbitMq is null
            ? $"needs a real PostgreSQL and RabbitMQ: set {PostgresVariable} (Npgsql connection string) and {RabbitMqVariable} (amqp:// URI), as .ci/run does"
            : null;
}

/// <summary>A fact that needs the real PostgreSQL and RabbitMQ.</summary>
public sealed class PostgresRabbitFactAttribute : FactAttribute
{
    public PostgresRabbitFactAttribute()
    {
        if (RealServices.MissingReason is { } reason && !RealServices.InCi)
        {
            Skip = reason;
        }
    }
}
