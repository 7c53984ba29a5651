using MassTransit;
using PostGuard.Contracts;
using PostGuard.Core.Findings;

namespace PostGuard.Server.Web.Notifications;

/// <summary>Notifies the school's approver (webhook, e-mail) when a decided draft needs them; its own queue, beside the review-queue consumer.</summary>
public sealed class DraftNeedsApproverConsumer(ApproverNotifier notifier) : IConsumer<DraftDecided>
{
    public async Task Consume(ConsumeContext<DraftDecided> context)
    {
        var message = context.Message;
        if (!message.NeedsReview || !Enum.TryParse<Decision>(message.Decision, out var decision))
        {
            return;
        }
        await notifier.NotifyAsync(message.SchoolId, message.DraftId, message.Revision, decision, context.CancellationToken);
    }
}

/// <summary>
/// Finding the school's settings and the decision needs the database, which may be briefly away:
/// retry like every consumer. The notifier catches and logs a failed webhook or e-mail itself, so
/// what fails here is the look-up before anything is sent.
/// </summary>
public sealed class DraftNeedsApproverConsumerDefinition : ConsumerDefinition<DraftNeedsApproverConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<DraftNeedsApproverConsumer> consumerConfigurator, IRegistrationContext context) =>
        Messaging.ConsumerRetry.Apply(endpointConfigurator);
}
