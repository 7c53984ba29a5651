using MassTransit;
using Microsoft.Extensions.Options;
using PostGuard.Contracts;
using PostGuard.Core.Analysis;
using PostGuard.Core.Findings;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Messaging;

/// <summary>
/// Runs every check on a draft revision, stores its one decision and publishes DraftDecided. A draft
/// with many images or a video clip goes on to the large-draft queue instead, so that it never holds up the small
/// drafts behind it.
/// </summary>
public sealed class AnalyzeDraftConsumer(
    DraftAnalysisRunner runner,
    DraftStore drafts,
    IOptions<MessagingOptions> options,
    IEndpointNameFormatter endpointNames,
    TimeProvider time,
    ILogger<AnalyzeDraftConsumer> logger) : IConsumer<AnalyzeDraft>
{
    public async Task Consume(ConsumeContext<AnalyzeDraft> context)
    {
        QueueWait.Record(context, time, "analyze-draft");
        var message = context.Message;
        if (IsMalformed(message, logger))
        {
            return;
        }
        var revision = await drafts.FindRevisionAsync(message.DraftId, message.Revision, context.CancellationToken);
        // Many photos, or any video clip (seconds to minutes of decoding), go to their own queue so small drafts never wait behind them.
        if (revision is not null && (revision.Images.Count >= options.Value.LargeDraftImages || revision.Images.Any(i => ClipSniffing.IsClip(i.ContentType))))
        {
            logger.LogDebug("Draft {DraftId} r{Revision} has {Images} images or a clip: on to the large-draft queue", message.DraftId, message.Revision, revision.Images.Count);
            var largeDrafts = await context.GetSendEndpoint(new Uri($"queue:{endpointNames.Consumer<AnalyzeLargeDraftConsumer>()}"));
            await largeDrafts.Send(message, context.CancellationToken);
            return;
        }
        await AnalyzeAsync(runner, context, revision);
    }

    /// <summary>A malformed message can never succeed: log it and let it go rather than retry forever.</summary>
    internal static bool IsMalformed(AnalyzeDraft message, ILogger logger)
    {
        if (message.DraftId == Guid.Empty || message.Revision < 1 || string.IsNullOrWhiteSpace(message.SchoolId))
        {
            logger.LogError("Ignoring malformed AnalyzeDraft {@Message}", message);
            return true;
        }
        return false;
    }

    /// <param name="content">The revision, when already read to route the draft.</param>
    internal static async Task AnalyzeAsync(DraftAnalysisRunner runner, ConsumeContext<AnalyzeDraft> context, DraftRevision? content = null)
    {
        var message = context.Message;
        var outcome = await runner.RunAsync(message.DraftId, message.Revision, message.SchoolId, content, context.CancellationToken);
        await AnnounceAsync(context, message, outcome);
    }

    /// <summary>Publishes DraftDecided when this delivery stored the revision's decision (not for a stale or repeated one).</summary>
    internal static async Task AnnounceAsync(ConsumeContext context, AnalyzeDraft message, AnalysisOutcome outcome)
    {
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

    /// <summary>CPU-bound work: retry failures with back-off, take only what the slots can analyse.</summary>
    internal static void Configure(IReceiveEndpointConfigurator endpoint, int concurrency)
    {
        // After the retries the message goes to the error queue, its fault holds the draft, and the
        // reconciler publishes drafts still undecided again later (delayed redelivery would need
        // RabbitMQ's delayed-exchange plugin).
        endpoint.PrefetchCount = concurrency;
        ConsumerRetry.Apply(endpoint);
    }
}

public sealed class AnalyzeDraftConsumerDefinition : ConsumerDefinition<AnalyzeDraftConsumer>
{
    private readonly int _concurrency;

    public AnalyzeDraftConsumerDefinition(IOptions<MessagingOptions> options)
    {
        _concurrency = options.Value.AnalysisConcurrency;
        ConcurrentMessageLimit = _concurrency;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AnalyzeDraftConsumer> consumerConfigurator, IRegistrationContext context) =>
        AnalyzeDraftConsumer.Configure(endpointConfigurator, _concurrency);
}
