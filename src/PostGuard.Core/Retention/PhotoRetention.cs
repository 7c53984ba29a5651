using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostGuard.Core.Audit;
using PostGuard.Core.Blobs;
using PostGuard.Core.Persistence;

namespace PostGuard.Core.Retention;

/// <summary>
/// Deletes the photos of rejected and abandoned drafts after the configured number of days (children's
/// photos are kept no longer than needed). The database keeps the draft, its findings and a record of
/// the deletion; a blob shared with a draft whose photos are still kept is not deleted.
/// </summary>
public sealed class PhotoRetention(Database database, BlobStore blobs, AuditTrail audit, IOptions<RetentionOptions> options, TimeProvider time, ILogger<PhotoRetention> logger)
{
    /// <summary>One pass; returns how many drafts had their photos deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rejectedBefore = now - TimeSpan.FromDays(options.Value.RejectedPhotoDays);
        var abandonedBefore = now - TimeSpan.FromDays(options.Value.AbandonedPhotoDays);
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = (await connection.QueryAsync<(string Id, string SchoolId, string ReviewState)>(database.Command(
            """
            SELECT DISTINCT d.id, d.school_id, d.review_state FROM drafts d
            JOIN draft_images i ON i.draft_id = d.id AND i.deleted_at IS NULL
            WHERE (d.review_state = 'Rejected' AND d.updated_at < @rejectedBefore)
               OR (d.review_state NOT IN ('Approved', 'AutoApproved') AND d.updated_at < @abandonedBefore)
            """,
            new { rejectedBefore, abandonedBefore }, cancellationToken: cancellationToken))).ToList();
        foreach (var draft in due)
        {
            var removed = await database.InTransactionAsync(async (c, transaction) =>
            {
                var shas = (await c.QueryAsync<string>(database.Command(
                    "SELECT DISTINCT blob_sha256 FROM draft_images WHERE draft_id = @id AND deleted_at IS NULL",
                    new { id = draft.Id }, transaction, cancellationToken))).ToList();
                await c.ExecuteAsync(database.Command(
                    "UPDATE draft_images SET deleted_at = @now WHERE draft_id = @id AND deleted_at IS NULL",
                    new { id = draft.Id, now }, transaction, cancellationToken));
                await audit.AppendAsync(c, transaction, new AuditEvent(draft.SchoolId, "postguard", "draft.photos-deleted", Guid.Parse(draft.Id), null, new JsonObject
                {
                    ["reason"] = draft.ReviewState == "Rejected" ? $"rejected more than {options.Value.RejectedPhotoDays} days ago" : $"no action for {options.Value.AbandonedPhotoDays} days",
                    ["photos"] = shas.Count,
                }), cancellationToken);
                return shas;
            }, cancellationToken);
            foreach (var sha in removed)
            {
                var stillKept = await connection.ExecuteScalarAsync<long>(database.Command(
                    "SELECT COUNT(*) FROM draft_images WHERE blob_sha256 = @sha AND deleted_at IS NULL", new { sha }, cancellationToken: cancellationToken));
                if (stillKept == 0)
                {
                    blobs.Delete(sha);
                }
            }
            logger.LogInformation("Deleted the photos of draft {DraftId} ({State}) under the retention policy", draft.Id, draft.ReviewState);
        }
        return due.Count;
    }
}
