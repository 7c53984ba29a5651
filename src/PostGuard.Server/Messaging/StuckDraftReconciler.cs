using MassTransit;
using Microsoft.Extensions.Options;
using PostGuard.Contracts;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Messaging;

/// <summary>
/// The database is the source of truth, the queue only carries work: drafts stuck in
/// Submitted/Analysing (a lost message, a killed worker) are published again, and decided drafts
/// missing from the review queue (a lost DraftDecided) are announced again. Consumers are
/// idempotent, so a duplicate costs only work.
/// </summary>
public sealed class StuckDraftReconciler(
    IServiceScopeFactory scopes,
    IOptions<ReconcilerOptions> options,
    TimeProvider time,
    ILogger<StuckDraftReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReconcileOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Reconciliation pass failed; trying again in {Seconds} s", options.Value.IntervalSeconds);
            }
        }
    }

    public async Task<int> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var drafts = scope.ServiceProvider.GetRequiredService<DraftStore>();
        var analysis = scope.ServiceProvider.GetRequiredService<AnalysisRequests>();
        var publish = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromSeconds(options.Value.StuckAfterSeconds);
        var count = 0;
        foreach (var draft in await drafts.FindStuckAsync(cutoff, 100, cancellationToken))
        {
            logger.LogWarning("Draft {DraftId} r{Revision} has been {Status} since {Since}; sending AnalyzeDraft again", draft.Id, draft.Revision, draft.Status, draft.UpdatedAt);
            await drafts.TouchAsync(draft.Id, now, cancellationToken);
            await analysis.SendAsync(draft.Id, draft.Revision, draft.SchoolId, cancellationToken);
            count++;
        }
        foreach (var draft in await drafts.FindDecidedWithoutReviewItemAsync(cutoff, 100, cancellationToken))
        {
            logger.LogWarning("Decided draft {DraftId} r{Revision} is missing from the review queue; publishing DraftDecided again", draft.Id, draft.Revision);
            await publish.Publish(new DraftDecided
            {
                DraftId = draft.Id,
                Revision = draft.Revision,
                SchoolId = draft.SchoolId,
                Decision = draft.Decision!.Value.ToString(),
                NeedsReview = true,
                DecidedAt = draft.UpdatedAt,
            }, cancellationToken);
            count++;
        }
        return count;
    }
}
