using MassTransit;
using PostGuard.Contracts;
using PostGuard.Core.Analysis;

namespace PostGuard.Server.Messaging;

/// <summary>
/// An AnalyzeDraft that failed after every retry (its message is in the error queue): the draft is
/// decided Hold "analysis incomplete" so it reaches the approver instead of waiting forever.
/// </summary>
public sealed class AnalyzeDraftFaultConsumer(DraftAnalysisRunner runner, ILogger<AnalyzeDraftFaultConsumer> logger) : IConsumer<Fault<AnalyzeDraft>>
{
    public async Task Consume(ConsumeContext<Fault<AnalyzeDraft>> context)
    {
        var message = context.Message.Message;
        var why = context.Message.Exceptions.FirstOrDefault()?.Message ?? "the analysis failed repeatedly";
        logger.LogError("Analysis of draft {DraftId} r{Revision} failed after retries: {Why}", message.DraftId, message.Revision, why);
        var outcome = await runner.RecordFailureAsync(message.DraftId, message.Revision, message.SchoolId, "it failed repeatedly", context.CancellationToken);
        // Held for review, like every decision that needs a person.
        await AnalyzeDraftConsumer.AnnounceAsync(context, message, outcome);
    }
}

/// <summary>Holding the draft needs the database, which may be the reason the analysis failed: retry like the others.</summary>
public sealed class AnalyzeDraftFaultConsumerDefinition : ConsumerDefinition<AnalyzeDraftFaultConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<AnalyzeDraftFaultConsumer> consumerConfigurator, IRegistrationContext context) =>
        ConsumerRetry.Apply(endpointConfigurator);
}
