namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>One running service per test class, created on first use (so skipped classes start nothing).</summary>
public abstract class BackendFixture : IDisposable
{
    private readonly Lazy<PostGuardFactory> _factory;

    protected BackendFixture()
    {
        _factory = new Lazy<PostGuardFactory>(() =>
        {
            var factory = new PostGuardFactory(CreateBackend(), new Dictionary<string, string?>
            {
                ["Messaging:QueuePrefix"] = $"t{Guid.NewGuid():N}"[..12] + "-",
                ["Reconciler:StuckAfterSeconds"] = "2",
            });
            _ = factory.Server; // start it
            return factory;
        });
    }

    public PostGuardFactory Factory => _factory.Value;

    protected abstract Backend CreateBackend();

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
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
}
