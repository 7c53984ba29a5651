using PostGuard.Contracts;
using PostGuard.Server.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// Looks at one deployment's queues on the real RabbitMQ without consuming anything (passive
/// declares), and removes that deployment's queues and exchanges when it is done with them.
/// </summary>
public sealed class BrokerProbe(string uri, string prefix)
{
    /// <param name="Messages">Messages ready for delivery; those a consumer holds unacknowledged are not counted.</param>
    public sealed record QueueDepth(string Queue, uint Messages, uint Consumers)
    {
        public bool IsErrorQueue => Queue.EndsWith("_error", StringComparison.Ordinal);
    }

    /// <summary>The consumers' queues and the _error and _skipped queues MassTransit adds beside each.</summary>
    public IEnumerable<string> QueueNames() =>
        ErrorQueue.Queues.SelectMany(queue => new[] { queue, queue + "_error", queue + "_skipped" }).Select(queue => prefix + queue);

    /// <summary>
    /// The exchanges MassTransit declares for the deployment: one per queue, and (with the prefix applied
    /// to entity names) one per message type, named as MassTransit names them.
    /// </summary>
    public IEnumerable<string> ExchangeNames()
    {
        var messageTypes = typeof(AnalyzeDraft).Assembly.GetExportedTypes().Select(type => $"{type.Namespace}:{type.Name}").ToList();
        return QueueNames()
            .Concat(messageTypes.Select(type => prefix + type))
            .Concat(messageTypes.Select(type => $"{prefix}MassTransit:Fault--{type}--"))
            .Append(prefix + "MassTransit:Fault")
            .Append(prefix + "MassTransit:ReceiveFault");
    }

    /// <summary>Every queue of the deployment that exists now, with its depth.</summary>
    public async Task<IReadOnlyList<QueueDepth>> QueuesAsync()
    {
        await using var connection = await ConnectAsync();
        var depths = new List<QueueDepth>();
        foreach (var name in QueueNames())
        {
            // A passive declare of a missing queue closes its channel: one channel per look.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                var queue = await channel.QueueDeclarePassiveAsync(name);
                depths.Add(new QueueDepth(name, queue.MessageCount, queue.ConsumerCount));
            }
            catch (OperationInterruptedException)
            {
                // never declared (an _error or _skipped queue appears only when needed)
            }
        }
        return depths;
    }

    /// <summary>
    /// Waits until no queue but the _error ones has held a message ready for delivery for a second
    /// (a decision is stored a moment before its DraftDecided is published); returns the last look.
    /// </summary>
    public async Task<IReadOnlyList<QueueDepth>> WaitUntilNothingIsReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var quietSince = (DateTime?)null;
        while (true)
        {
            var queues = await QueuesAsync();
            var now = DateTime.UtcNow;
            quietSince = queues.All(q => q.IsErrorQueue || q.Messages == 0) ? quietSince ?? now : null;
            if (now - quietSince >= TimeSpan.FromSeconds(1) || now > deadline)
            {
                return queues;
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Deletes the deployment's queues and exchanges (deleting a missing one is no error in RabbitMQ).</summary>
    public async Task DeleteAllAsync()
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in QueueNames())
        {
            await channel.QueueDeleteAsync(queue);
        }
        foreach (var exchange in ExchangeNames())
        {
            await channel.ExchangeDeleteAsync(exchange);
        }
    }

    private async Task<IConnection> ConnectAsync() =>
        await new ConnectionFactory { Uri = new Uri(uri), ClientProvidedName = "postguard-test-probe" }.CreateConnectionAsync();
}
