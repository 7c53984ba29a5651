using MassTransit;
using PostGuard.Core.Telemetry;

namespace PostGuard.Server.Messaging;

/// <summary>Records postguard.queue.wait: how long a command waited between being sent (its SentTime, the sender's clock) and a consumer starting on it.</summary>
public static class QueueWait
{
    public static void Record(ConsumeContext context, TimeProvider time, string queue)
    {
        if (context.SentTime is not { } sent || !PostGuardTelemetry.QueueWait.Enabled)
        {
            return;
        }
        var waited = time.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc));
        PostGuardTelemetry.QueueWait.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>(PostGuardTelemetry.QueueTag, queue));
    }
}
