using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ in containers, started once per test run on first use (the images of docker-compose.yml)
/// and removed when the run ends (disposed at exit; Testcontainers' resource reaper removes them if the run dies).
/// </summary>
internal static class RealServiceContainers
{
    private static readonly Lazy<PostgreSqlContainer> Postgres = new(() => Start(
        new PostgreSqlBuilder("postgres:16-bookworm").WithDatabase("postgres").Build()));

    private static readonly Lazy<RabbitMqContainer> RabbitMq = new(() => Start(
        new RabbitMqBuilder("rabbitmq:3.13").Build()));

    /// <summary>A superuser connection to the container's "postgres" database (the tests create their own databases).</summary>
    public static string PostgresConnectionString => Postgres.Value.GetConnectionString();

    public static string RabbitMqUri => RabbitMq.Value.GetConnectionString();

    private static T Start<T>(T container)
        where T : IContainer
    {
        container.StartAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return container;
    }
}
