using MassTransit;
using PostGuard.Contracts;
using PostGuard.Core.Analysis;
using PostGuard.Core.Findings;

namespace PostGuard.Server.Messaging;

/// <summary>Runs every check on a draft revision, stores its one decision and publishes DraftDecided.</summary>
public sealed class AnalyzeDraftConsumer(DraftAnalysisRunner runner, ILogger<AnalyzeDraftConsumer> logger) : IConsumer<AnalyzeDraft>
{
    public async Task Consume(ConsumeContext<AnalyzeDraft> context)
    {
        var message = context.Message;
        if (message.DraftId == Guid.Empty || message.Revision < 1 || string.IsNullOrWhiteSpace(message.SchoolId))
        {
            // A malformed message can never succeed: log it and let it go rather than retry forever.
            logger.LogError("Ignoring malformed AnalyzeDraft {@Message}", message);
            return;
        }
        var outcome = await runner.RunAsync(message.DraftId, message.Revision, message.SchoolId, context.CancellationToken);
        if (outcome.Kind == AnalysisResultKind.Decided)
        {
            await context.Publish(new DraftDecided
            {
                DraftId = message.DraftId,
                Revision = message.Revision,
                SchoolId = message.SchoolId,
                Decision = outcome.Decision!.Value.ToString(),
                NeedsReview = outcome.NeedsReview,
                DecidedAt = outcome.DecidedAt!.Value,
            }, context.CancellationToken);
        }
    }
}

public sealed class AnalyzeDraftConsumerDefinition : ConsumerDefinition<AnalyzeDraftConsumer>
{
    private readonly int _concurrency;

    public AnalyzeDraftConsumerDefinition(Microsoft.Extensions.Options.IOptions<MessagingOptions> options)
    {
        _concurrency = options.Value.AnalysisConcurrency;
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AnalyzeDraftConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // CPU-bound work: take only what the cores can analyse; retry failures with back-off; after
        // that the message goes to the error queue and its draft is held by AnalyzeDraftFaultConsumer
        // (delayed redelivery would need RabbitMQ's delayed-exchange plugin).
        endpointConfigurator.PrefetchCount = _concurrency;
        ConsumerRetry.Apply(endpointConfigurator);
    }
}
