using System.ComponentModel.DataAnnotations;

namespace PostGuard.Server.Messaging;

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}

public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>InMemory (api and worker in one process, the embedded default) or RabbitMq (production).</summary>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    /// <summary>
    /// Optional prefix of every name PostGuard gives the broker, so several deployments (or test runs)
    /// can share one RabbitMQ without seeing each other's messages: the queues and their exchanges, and
    /// the exchanges named after message types (e.g. "prod-PostGuard.Contracts:AnalyzeDraft"). Changing it
    /// on a running deployment starts new, empty queues: drain or move the old ones first.
    /// </summary>
    [RegularExpression("^[a-z0-9-]*$")]
    public string QueuePrefix { get; set; } = "";

    /// <summary>How many drafts one worker analyses at once; inference is CPU-bound, so about one per core.</summary>
    [Range(1, 64)]
    public int AnalysisConcurrency { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>
    /// A draft with at least this many images is analysed from its own queue ("analyze-large-draft"): its
    /// analysis takes seconds (a post of 20 photos about 3 to 4 s on one core), and small drafts must not
    /// wait behind it.
    /// </summary>
    [Range(2, 1000)]
    public int LargeDraftImages { get; set; } = 5;

    /// <summary>How many large drafts one worker analyses at once, beside the AnalysisConcurrency others.</summary>
    [Range(1, 64)]
    public int LargeDraftConcurrency { get; set; } = 1;
}

public sealed class RabbitMqOptions
{
    /// <summary>amqp://user:pass@host:5672/vhost</summary>
    public string Uri { get; set; } = "amqp://guest:guest@localhost:5672/";
}
