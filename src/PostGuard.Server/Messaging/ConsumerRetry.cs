using MassTransit;

namespace PostGuard.Server.Messaging;

/// <summary>
/// How every PostGuard consumer retries a failed message in place before it goes to the error queue:
/// with growing pauses over about 45 s, long enough to outlast a database restart and the circuit
/// that opens meanwhile (5 s), short enough that a message that can never succeed holds its draft
/// ("analysis incomplete") within a minute. A draft whose messages are all lost is still re-published
/// by the reconciler.
/// </summary>
public static class ConsumerRetry
{
    public static void Apply(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(r => r.Exponential(7, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(500)));
}
