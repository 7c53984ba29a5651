using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace PostGuard.Server.Messaging;

/// <summary>
/// The operator's view of messages that failed after every retry (MassTransit moves them to
/// "QUEUE_error"): list them without consuming them, and re-drive them to their queue once the cause
/// is fixed. Works on RabbitMQ only (the in-memory bus keeps nothing across restarts).
/// </summary>
public sealed class ErrorQueue(MessagingOptions options)
{
    /// <summary>The queues PostGuard consumes from (one per consumer), by MassTransit's kebab-case names.</summary>
    public static readonly IReadOnlyList<string> Queues = ["analyze-draft", "analyze-large-draft", "analyze-draft-fault", "draft-needs-approver"];

    public sealed record FailedMessage(string Queue, string? MessageId, string? MessageType, string? Reason, string Body);

    public async Task<IReadOnlyList<FailedMessage>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var messages = new List<FailedMessage>();
        foreach (var queue in Queues)
        {
            var name = ErrorQueueName(queue);
            if (!await ExistsAsync(connection, name, cancellationToken))
            {
                continue;
            }
            var taken = new List<ulong>();
            while (await channel.BasicGetAsync(name, autoAck: false, cancellationToken) is { } delivery)
            {
                taken.Add(delivery.DeliveryTag);
                messages.Add(Describe(queue, delivery.BasicProperties, delivery.Body.ToArray()));
            }
            // Only a look: every message goes back where it was.
            foreach (var tag in taken)
            {
                await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
            }
        }
        return messages;
    }

    /// <summary>Moves every failed message back to its queue (the consumers are idempotent); returns how many.</summary>
    public async Task<int> RedriveAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var moved = 0;
        foreach (var queue in Queues)
        {
            var name = ErrorQueueName(queue);
            if (!await ExistsAsync(connection, name, cancellationToken))
            {
                continue;
            }
            while (await channel.BasicGetAsync(name, autoAck: false, cancellationToken) is { } delivery)
            {
                var properties = new BasicProperties(delivery.BasicProperties) { Persistent = true };
                // MassTransit binds an exchange of the queue's name to each receive queue.
                await channel.BasicPublishAsync(QueueName(queue), "", mandatory: true, properties, delivery.Body, cancellationToken);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                moved++;
            }
        }
        return moved;
    }

    public string QueueName(string queue) => options.QueuePrefix + queue;

    public string ErrorQueueName(string queue) => QueueName(queue) + "_error";

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (options.Transport != MessagingTransport.RabbitMq)
        {
            throw new InvalidOperationException("The error queue lives in RabbitMQ: set Messaging:Transport=RabbitMq and Messaging:RabbitMq:Uri.");
        }
        var factory = new ConnectionFactory { Uri = new Uri(options.RabbitMq.Uri), ClientProvidedName = "postguard-admin" };
        return await factory.CreateConnectionAsync(cancellationToken);
    }

    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel, so probe on a throw-away one.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    private static FailedMessage Describe(string queue, IReadOnlyBasicProperties properties, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        string? type = null;
        try
        {
            type = JsonNode.Parse(text)?["messageType"]?.AsArray().FirstOrDefault()?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            // not a MassTransit envelope: show it as it is
        }
        var reason = properties.Headers is { } headers && headers.TryGetValue("MT-Fault-Message", out var value) && value is byte[] bytes
            ? Encoding.UTF8.GetString(bytes)
            : null;
        return new FailedMessage(queue, properties.MessageId, type, reason, text);
    }
}
