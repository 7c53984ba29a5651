namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Where the real-service tests get PostgreSQL and RabbitMQ, and when they are skipped.</summary>
public sealed class RealServicesTests
{
    private const string Postgres = "Host=127.0.0.1;Port=5432;Username=postguard;Password=secret;Database=postgres";
    private const string RabbitMq = "amqp://postguard:secret@127.0.0.1:5672/";

    [Fact]
    public void With_both_variables_set_they_are_used_and_Docker_is_not_asked()
    {
        var sources = RealServiceSources.Resolve(Variables(Postgres, RabbitMq), () => throw new InvalidOperationException("Docker must not be probed"));

        Assert.Equal((RealServiceSource.Variable, Postgres), (sources.Postgres, sources.PostgresSetting));
        Assert.Equal((RealServiceSource.Variable, RabbitMq), (sources.RabbitMq, sources.RabbitMqSetting));
        Assert.Null(sources.MissingReason);
        Assert.Null(RealServices.SkipReason(sources, inCi: false));
    }

    [Fact]
    public void Without_variables_and_without_a_Docker_engine_the_tests_are_skipped_with_a_reason_naming_both_ways()
    {
        var sources = RealServiceSources.Resolve(Variables(null, null), () => "no Docker engine is reachable: nothing at /var/run/docker.sock");

        Assert.Equal(RealServiceSource.Missing, sources.Postgres);
        Assert.Equal(RealServiceSource.Missing, sources.RabbitMq);
        var reason = RealServices.SkipReason(sources, inCi: false);
        Assert.NotNull(reason);
        Assert.Contains(RealServices.PostgresVariable, reason, StringComparison.Ordinal);
        Assert.Contains(RealServices.RabbitMqVariable, reason, StringComparison.Ordinal);
        Assert.Contains("nothing at /var/run/docker.sock", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_CI_a_missing_service_is_never_a_skip()
    {
        var sources = RealServiceSources.Resolve(Variables(null, null), () => "no Docker engine is reachable");

        Assert.NotNull(sources.MissingReason);
        Assert.Null(RealServices.SkipReason(sources, inCi: true));
    }

    [Fact]
    public void With_a_Docker_engine_each_unset_service_comes_from_a_container()
    {
        var sources = RealServiceSources.Resolve(Variables(Postgres, "  "), () => null);

        Assert.Equal(RealServiceSource.Variable, sources.Postgres);
        Assert.Equal(RealServiceSource.Container, sources.RabbitMq);
        Assert.Null(sources.MissingReason);
    }

    [Fact]
    public void Without_an_engine_the_Docker_probe_says_so_instead_of_failing()
    {
        var reason = DockerEngine.UnavailableReason();

        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is null && !File.Exists("/var/run/docker.sock")
            && !File.Exists(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".testcontainers.properties")))
        {
            // This machine has no engine: the probe must report it (it is what the skip reason shows).
            Assert.NotNull(reason);
            Assert.Contains("Docker", reason, StringComparison.Ordinal);
        }
        else
        {
            // Somewhere an engine may answer: the probe either finds it or explains why not.
            Assert.True(reason is null || reason.Contains("Docker", StringComparison.Ordinal), reason);
        }
    }

    private static Func<string, string?> Variables(string? postgres, string? rabbitMq) => name => name switch
    {
        RealServices.PostgresVariable => postgres,
        RealServices.RabbitMqVariable => rabbitMq,
        _ => null,
    };
}
