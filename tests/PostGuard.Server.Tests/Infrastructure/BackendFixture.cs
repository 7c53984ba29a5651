namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>One running service per test class, created on first use (so skipped classes start nothing).</summary>
public abstract class BackendFixture : IDisposable
{
    private readonly Lazy<PostGuardFactory> _factory;
    private readonly string _queuePrefix = $"t{Guid.NewGuid():N}"[..12] + "-";

    protected BackendFixture()
    {
        _factory = new Lazy<PostGuardFactory>(() =>
        {
            var factory = new PostGuardFactory(CreateBackend(), new Dictionary<string, string?>
            {
                ["Messaging:QueuePrefix"] = _queuePrefix,
                ["Reconciler:StuckAfterSeconds"] = "2",
            });
            _ = factory.Server; // start it
            return factory;
        });
    }

    public PostGuardFactory Factory => _factory.Value;

    protected abstract Backend CreateBackend();

    /// <summary>Removes what the stopped service left on a shared broker.</summary>
    protected virtual void RemoveQueues(string queuePrefix)
    {
    }

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
            RemoveQueues(_queuePrefix);
        }
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteInMemoryFixture : BackendFixture
{
    protected override Backend CreateBackend() => Backend.SqliteInMemory();
}

public sealed class PostgresRabbitMqFixture : BackendFixture
{
    protected override Backend CreateBackend() => Backend.PostgresRabbitMq($"postguard_test_{Guid.NewGuid():N}"[..30]);

    protected override void RemoveQueues(string queuePrefix) =>
        new Production.BrokerProbe(RealServices.RabbitMq!, queuePrefix).DeleteAllAsync().GetAwaiter().GetResult();
}
