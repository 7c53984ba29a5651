using Dapper;
using PostGuard.Core.Findings;
using PostGuard.Core.Persistence;

namespace PostGuard.Core.Review;

/// <summary>
/// The approver's queue: decided revisions that need a person, Block first, then Hold, then ready for
/// sign-off, oldest first. Its items are written by <see cref="Submissions.DraftLifecycle"/> in the
/// transactions that decide, approve, reject, supersede or flag a draft.
/// </summary>
public sealed class ReviewQueue(Database database)
{
    public async Task<IReadOnlyList<ReviewQueueItem>> ListAsync(string schoolId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string DraftId, int Revision, string Decision, DateTimeOffset QueuedAt)>(database.Command(
            """
            SELECT r.draft_id, r.revision, r.decision, r.queued_at
            FROM review_items r JOIN drafts d ON d.id = r.draft_id AND d.revision = r.revision
            WHERE r.school_id = @schoolId AND r.resolved_at IS NULL AND d.review_state = 'Pending'
            ORDER BY CASE r.decision WHEN 'Block' THEN 0 WHEN 'Hold' THEN 1 ELSE 2 END, r.queued_at
            """,
            new { schoolId }, cancellationToken: cancellationToken));
        return rows.Select(r => new ReviewQueueItem(Guid.Parse(r.DraftId), r.Revision, Enum.Parse<Decision>(r.Decision), r.QueuedAt)).ToList();
    }
}
