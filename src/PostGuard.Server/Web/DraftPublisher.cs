using MassTransit;
using PostGuard.Contracts;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Web;

/// <summary>Asks the workers to analyse a stored revision; if the broker is down the reconciler publishes it later, so the draft is never lost.</summary>
public sealed class DraftPublisher(IPublishEndpoint publish, ILogger<DraftPublisher> logger)
{
    public async Task PublishAsync(DraftRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await publish.Publish(new AnalyzeDraft { DraftId = record.Id, Revision = record.Revision, SchoolId = record.SchoolId }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Publishing AnalyzeDraft for {DraftId} r{Revision} failed; the reconciler will retry", record.Id, record.Revision);
        }
    }
}
