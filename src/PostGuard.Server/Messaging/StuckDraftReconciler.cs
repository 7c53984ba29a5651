using Microsoft.Extensions.Options;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Messaging;

/// <summary>
/// The database is the source of truth, the queue only carries work: drafts stuck in
/// Submitted/Analysing (a lost message, a killed worker) are sent to analysis again. Consumers are
/// idempotent, so a duplicate costs only work. (A decided draft's review item is written in the
/// transaction that decides it, so nothing else can be lost on the way to the approver.)
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
        var lifecycle = scope.ServiceProvider.GetRequiredService<DraftLifecycle>();
        var analysis = scope.ServiceProvider.GetRequiredService<AnalysisRequests>();
        var now = time.GetUtcNow();
        var cutoff = now - TimeSpan.FromSeconds(options.Value.StuckAfterSeconds);
        var count = 0;
        foreach (var draft in await drafts.FindStuckAsync(cutoff, 100, cancellationToken))
        {
            logger.LogWarning("Draft {DraftId} r{Revision} has been {Status} since {Since}; sending AnalyzeDraft again", draft.Id, draft.Revision, draft.Status, draft.UpdatedAt);
            await lifecycle.TouchStuckAsync(draft.Id, cancellationToken);
            await analysis.SendAsync(draft.Id, draft.Revision, draft.SchoolId, cancellationToken);
            count++;
        }
        return count;
    }
}
