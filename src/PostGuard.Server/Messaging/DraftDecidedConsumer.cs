using MassTransit;
using PostGuard.Contracts;
using PostGuard.Core.Findings;
using PostGuard.Core.Review;

namespace PostGuard.Server.Messaging;

/// <summary>Puts a decided draft that needs a person (Block, Hold, or sign-off required) in the approver's queue.</summary>
public sealed class DraftDecidedConsumer(ReviewService review, ILogger<DraftDecidedConsumer> logger) : IConsumer<DraftDecided>
{
    public async Task Consume(ConsumeContext<DraftDecided> context)
    {
        var message = context.Message;
        if (!message.NeedsReview)
        {
            return;
        }
        if (!Enum.TryParse<Decision>(message.Decision, out var decision))
        {
            logger.LogError("Ignoring DraftDecided with unknown decision '{Decision}' for {DraftId}", message.Decision, message.DraftId);
            return;
        }
        if (await review.EnqueueAsync(message.DraftId, message.Revision, message.SchoolId, decision, context.CancellationToken))
        {
            logger.LogInformation("Draft {DraftId} r{Revision} ({Decision}) is in the review queue of {School}", message.DraftId, message.Revision, decision, message.SchoolId);
        }
    }
}

public sealed class DraftDecidedConsumerDefinition : ConsumerDefinition<DraftDecidedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<DraftDecidedConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ConsumerRetry.Apply(endpointConfigurator);
    }
}
