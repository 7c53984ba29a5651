namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>
/// Tests on the shared real PostgreSQL and RabbitMQ run one class at a time and not alongside other
/// tests of this assembly: the fault tests stop and start those services.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealServicesCollection
{
    public const string Name = "real-services";
}
