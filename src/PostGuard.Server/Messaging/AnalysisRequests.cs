using MassTransit;
using PostGuard.Contracts;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Messaging;

/// <summary>
/// Asks the workers to analyse a stored revision. AnalyzeDraft is a command with one destination, so
/// it is sent to the analysis queue by name: the sender declares that (durable) queue, which keeps the
/// command even when no worker has started yet, whereas a published message finds no queue bound to
/// its exchange until a worker has declared one, and is dropped. The draft is stored first, so a
/// broker that is down only delays it: the reconciler sends the command again.
/// </summary>
public sealed class AnalysisRequests(ISendEndpointProvider endpoints, IEndpointNameFormatter names, ILogger<AnalysisRequests> logger)
{
    /// <summary>How long a request that has just stored a draft waits on the broker before leaving it to the reconciler.</summary>
    public static readonly TimeSpan BrokerWait = TimeSpan.FromSeconds(5);

    /// <summary>Sends the command; a broker failure reaches the caller.</summary>
    public async Task SendAsync(Guid draftId, int revision, string schoolId, CancellationToken cancellationToken)
    {
        var queue = await endpoints.GetSendEndpoint(new Uri($"queue:{names.Consumer<AnalyzeDraftConsumer>()}"));
        await queue.Send(new AnalyzeDraft { DraftId = draftId, Revision = revision, SchoolId = schoolId }, cancellationToken);
    }

    /// <summary>
    /// For a request that has just stored <paramref name="record"/>: never keeps the uploader waiting on
    /// a broker that is down. The wait is bounded even where the bus does not honour the token while it
    /// reconnects; a send that completes later only duplicates the reconciler's (consumers are idempotent).
    /// </summary>
    public async Task TrySendAsync(DraftRecord record, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(BrokerWait);
            await SendAsync(record.Id, record.Revision, record.SchoolId, timeout.Token).WaitAsync(BrokerWait, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Sending AnalyzeDraft for {DraftId} r{Revision} failed; the reconciler will send it again", record.Id, record.Revision);
        }
    }
}
