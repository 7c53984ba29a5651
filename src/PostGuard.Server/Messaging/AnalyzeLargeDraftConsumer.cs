using MassTransit;
using Microsoft.Extensions.Options;
using PostGuard.Contracts;
using PostGuard.Core.Analysis;

namespace PostGuard.Server.Messaging;

/// <summary>
/// Analyses the drafts with many images (Messaging:LargeDraftImages) or a video clip, which AnalyzeDraftConsumer sends
/// to this queue: each takes seconds to analyse, and here they wait only behind one another.
/// </summary>
public sealed class AnalyzeLargeDraftConsumer(DraftAnalysisRunner runner, TimeProvider time, ILogger<AnalyzeLargeDraftConsumer> logger) : IConsumer<AnalyzeDraft>
{
    public async Task Consume(ConsumeContext<AnalyzeDraft> context)
    {
        QueueWait.Record(context, time, "analyze-large-draft");
        if (!AnalyzeDraftConsumer.IsMalformed(context.Message, logger))
        {
            await AnalyzeDraftConsumer.AnalyzeAsync(runner, context);
        }
    }
}

public sealed class AnalyzeLargeDraftConsumerDefinition : ConsumerDefinition<AnalyzeLargeDraftConsumer>
{
    private readonly int _concurrency;

    public AnalyzeLargeDraftConsumerDefinition(IOptions<MessagingOptions> options)
    {
        _concurrency = options.Value.LargeDraftConcurrency;
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AnalyzeLargeDraftConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Only what AnalyzeDraftConsumer sends here: not bound to the AnalyzeDraft exchange, or every
        // published AnalyzeDraft would be analysed twice.
        endpointConfigurator.ConfigureConsumeTopology = false;
        AnalyzeDraftConsumer.Configure(endpointConfigurator, _concurrency);
    }
}
