using System.Text.Json.Nodes;
using Dapper;
using PostGuard.Core.Audit;
using PostGuard.Core.Findings;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Review;

/// <summary>
/// The approver's side: the review queue (worst first, then oldest), approve and reject.
/// A Block can never be approved; two approvers acting at once: one wins, the other gets a conflict.
/// Every action is audited in the same transaction. The uploader answers a decision by resubmitting
/// the draft as a new revision, which is analysed afresh (decisions are keyed by draft and revision).
/// </summary>
public sealed class ReviewService(
    Database database,
    DraftStore drafts,
    AuditTrail audit,
    TimeProvider time,
    SubmissionService submissions)
{
    /// <summary>Puts a decided revision in the queue (idempotent: a redelivered DraftDecided adds nothing).</summary>
    public async Task<bool> EnqueueAsync(Guid draftId, int revision, string schoolId, Decision decision, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(database.Command(
            """
            INSERT INTO review_items (draft_id, revision, school_id, decision, queued_at)
            VALUES (@draftId, @revision, @schoolId, @decision, @now)
            ON CONFLICT (draft_id, revision) DO NOTHING
            """,
            new { draftId = draftId.ToString(), revision, schoolId, decision = decision.ToString(), now = time.GetUtcNow() }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    public async Task<IReadOnlyList<ReviewQueueItem>> QueueAsync(string schoolId, CancellationToken cancellationToken)
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

    public Task<DraftRecord> ApproveAsync(StaffUser approver, Guid draftId, string? reason, DateTimeOffset? earliestPublishAt, CancellationToken cancellationToken) =>
        ResolveAsync(approver, draftId, ReviewState.Approved, reason, earliestPublishAt, cancellationToken);

    public Task<DraftRecord> RejectAsync(StaffUser approver, Guid draftId, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InputValidationException("reason", "a reason for the uploader is required when rejecting");
        }
        return ResolveAsync(approver, draftId, ReviewState.Rejected, reason, null, cancellationToken);
    }

    private async Task<DraftRecord> ResolveAsync(StaffUser approver, Guid draftId, ReviewState outcome, string? reason, DateTimeOffset? earliestPublishAt, CancellationToken cancellationToken)
    {
        if (reason is { Length: > 2000 })
        {
            throw new InputValidationException("reason", $"is {reason.Length} characters; the limit is 2000");
        }
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var draft = await drafts.FindAsync(connection, transaction, approver.SchoolId, draftId, cancellationToken)
                ?? throw new DraftNotFoundException(draftId);
            if (draft.Status != DraftStatus.Decided)
            {
                throw new ReviewConflictException($"Draft revision {draft.Revision} is still being analysed ({draft.Status}); wait for its decision.");
            }
            if (outcome == ReviewState.Approved && draft.Decision == Decision.Block)
            {
                var decision = await drafts.FindDecisionAsync(draftId, draft.Revision, cancellationToken);
                var reasons = decision?.Findings.Where(f => f.Severity == Severity.Block).Select(f => $"{f.Rule}: {f.Reason}") ?? [];
                throw new ReviewConflictException($"A blocked draft cannot be approved; the draft must change. {string.Join(" ", reasons)}".Trim());
            }
            if (draft.ReviewState != ReviewState.Pending)
            {
                throw new ReviewConflictException($"Draft revision {draft.Revision} is already {draft.ReviewState.ToString().ToLowerInvariant()}.");
            }
            var now = time.GetUtcNow();
            if (!await drafts.SetReviewStateAsync(connection, transaction, draft, outcome, earliestPublishAt, now, cancellationToken))
            {
                throw new ReviewConflictException("Someone else changed this draft at the same moment; reload it and try again.");
            }
            await connection.ExecuteAsync(database.Command(
                "UPDATE review_items SET resolved_at = @now, resolution = @resolution WHERE draft_id = @draftId AND revision = @revision AND resolved_at IS NULL",
                new { now, resolution = outcome.ToString(), draftId = draftId.ToString(), revision = draft.Revision }, transaction, cancellationToken));
            var details = new JsonObject { ["decision"] = draft.Decision?.ToString(), ["reason"] = reason ?? "" };
            if (earliestPublishAt is { } earliest)
            {
                details["earliestPublishAt"] = earliest.ToString("O");
            }
            await audit.AppendAsync(connection, transaction, new AuditEvent(approver.SchoolId, approver.Email,
                outcome == ReviewState.Approved ? "draft.approved" : "draft.rejected", draftId, draft.Revision, details), cancellationToken);
            return draft with { ReviewState = outcome, EarliestPublishAt = earliestPublishAt, Version = draft.Version + 1, UpdatedAt = now };
        }, cancellationToken);
    }

    /// <summary>
    /// Stores an edited draft as the next revision of the same draft, status Submitted (the caller
    /// publishes AnalyzeDraft). Validated like a new draft; nothing is stored when anything is wrong.
    /// The previous revision leaves the queue; its decision and the actions on it stay in the history.
    /// A revision still being analysed cannot be replaced (409).
    /// </summary>
    public async Task<DraftRecord> ResubmitAsync(StaffUser uploader, School school, Guid draftId, NewDraft draft, CancellationToken cancellationToken)
    {
        var current = await drafts.FindAsync(school.Id, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var prepared = await submissions.PrepareAsync(school, draft, cancellationToken);
        var now = time.GetUtcNow();
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var latest = await drafts.FindAsync(connection, transaction, school.Id, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
            if (latest.Status != DraftStatus.Decided)
            {
                throw new ReviewConflictException($"Draft revision {latest.Revision} is still being analysed ({latest.Status}); wait for its decision before resubmitting.");
            }
            if (latest.Version != current.Version)
            {
                throw new ReviewConflictException("The draft changed while you were editing it; reload it and try again.");
            }
            var next = latest.Revision + 1;
            var revision = prepared.AsRevision(draftId, next, uploader, now);
            await drafts.InsertRevisionAsync(connection, transaction, revision, cancellationToken);
            var changed = await connection.ExecuteAsync(database.Command(
                """
                UPDATE drafts SET revision = @next, status = 'Submitted', decision = NULL, review_state = 'None', earliest_publish_at = NULL,
                    updated_at = @now, version = version + 1
                WHERE id = @id AND version = @version
                """,
                new { next, now, id = draftId.ToString(), version = latest.Version }, transaction, cancellationToken));
            if (changed != 1)
            {
                throw new ReviewConflictException("Someone else changed this draft at the same moment; reload it and try again.");
            }
            await connection.ExecuteAsync(database.Command(
                "UPDATE review_items SET resolved_at = @now, resolution = 'Superseded' WHERE draft_id = @draftId AND resolved_at IS NULL",
                new { now, draftId = draftId.ToString() }, transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(school.Id, uploader.Email, "draft.resubmitted", draftId, next, new JsonObject
            {
                ["previousRevision"] = latest.Revision,
                ["previousDecision"] = latest.Decision?.ToString(),
                ["previousReviewState"] = latest.ReviewState.ToString(),
                ["channels"] = string.Join(",", revision.Channels),
                ["images"] = revision.Images.Count,
            }), cancellationToken);
            return latest with
            {
                Revision = next,
                Status = DraftStatus.Submitted,
                Decision = null,
                ReviewState = ReviewState.None,
                EarliestPublishAt = null,
                UpdatedAt = now,
                Version = latest.Version + 1,
            };
        }, cancellationToken);
    }
}
