using System.Text.Json.Nodes;
using Dapper;
using PostGuard.Core.Audit;
using PostGuard.Core.Blobs;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Vision;
using PostGuard.Vision.Codecs;
using VisionFaceBox = PostGuard.Vision.Faces.FaceBox;

namespace PostGuard.Core.Review;

/// <summary>
/// "Approve a redacted version": every face the analysis found in the draft's photos is blurred, and every line of
/// words in them that gave a finding covered (<see cref="WordsToCover"/>)
/// (irreversibly, metadata stripped), the result is checked again through the same analysis with
/// no tags (nobody is identifiable any more), and only if that re-check does not Block is it stored
/// as the next revision of the draft, with its own decision, approved by the approver with the
/// earliest publish time they set. The approver can preview the blurred photos first.
/// </summary>
public sealed class RedactionService(
    Database database,
    DraftStore drafts,
    BlobStore blobs,
    SchoolDirectory schools,
    PeopleStore people,
    DraftAnalyzer analyzer,
    Lazy<ImageInspector> inspector,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>What an approved redacted version became: the new revision and its re-check.</summary>
    public sealed record RedactedApproval(DraftRecord Draft, StoredDecision Recheck, int FacesBlurred);

    /// <summary>The draft's photo at <paramref name="position"/> with its faces blurred, as it would be published (JPEG, no metadata). Nothing is stored.</summary>
    public async Task<byte[]> PreviewAsync(StaffUser approver, Guid draftId, int position, CancellationToken cancellationToken)
    {
        var (_, revision, decision) = await LoadDecidedAsync(approver.SchoolId, draftId, cancellationToken);
        var image = revision.Images.FirstOrDefault(i => i.Position == position) ?? throw new DraftNotFoundException(draftId);
        return Redact(image, await blobs.ReadAsync(image, cancellationToken), decision);
    }

    public async Task<RedactedApproval> ApproveRedactedAsync(StaffUser approver, Guid draftId, string? reason, DateTimeOffset? earliestPublishAt, CancellationToken cancellationToken)
    {
        if (reason is { Length: > 2000 })
        {
            throw new InputValidationException("reason", $"is {reason.Length} characters; the limit is 2000");
        }
        var (draft, revision, decision) = await LoadDecidedAsync(approver.SchoolId, draftId, cancellationToken);
        if (draft.ReviewState != ReviewState.Pending)
        {
            throw new ReviewConflictException($"Draft revision {draft.Revision} is already {draft.ReviewState.ToString().ToLowerInvariant()}.");
        }
        var school = await schools.FindSchoolAsync(approver.SchoolId, cancellationToken) ?? throw new DraftNotFoundException(draftId);

        var redactedImages = new List<StoredImage>(revision.Images.Count);
        var underCheck = new List<ImageUnderCheck>(revision.Images.Count);
        var facesBlurred = 0;
        foreach (var image in revision.Images)
        {
            var redacted = Redact(image, await blobs.ReadAsync(image, cancellationToken), decision);
            facesBlurred += FacesOf(image, decision).Count;
            var sha256 = await blobs.PutAsync(redacted, cancellationToken);
            var fileName = Path.ChangeExtension(image.FileName, ".jpg");
            redactedImages.Add(new StoredImage(image.Position, fileName, "image/jpeg", redacted.Length, sha256, []));
            underCheck.Add(new ImageUnderCheck { Index = image.Position, FileName = fileName, Content = redacted, Tags = [] });
        }

        // The same analysis as any draft: text, channels, and the blurred photos inspected afresh.
        var register = await people.LoadRegisterAsync(approver.SchoolId, cancellationToken);
        var recheck = await analyzer.AnalyzeAsync(DraftUnderCheck.For(revision, underCheck, school.Policy, register, time.GetUtcNow()), cancellationToken);
        if (recheck.Decision == Decision.Block)
        {
            var reasons = recheck.Findings.Where(f => f.Severity == Severity.Block).Select(f => $"{f.Rule}: {f.Reason}");
            throw new ReviewConflictException($"The redacted version still blocks, so it cannot be approved; the draft must change. {string.Join(" ", reasons)}".Trim());
        }

        var now = time.GetUtcNow();
        var stored = new StoredDecision(recheck.Decision, recheck.Findings, recheck.Images, now);
        var approved = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var latest = await drafts.FindAsync(connection, transaction, approver.SchoolId, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
            if (latest.Version != draft.Version)
            {
                throw new ReviewConflictException("Someone else changed this draft at the same moment; reload it and try again.");
            }
            var next = latest.Revision + 1;
            await drafts.InsertRevisionAsync(connection, transaction, revision with
            {
                Revision = next,
                Images = redactedImages,
                SubmittedBy = approver.Id,
                SubmittedAt = now,
            }, cancellationToken);
            await drafts.TryInsertDecisionAsync(connection, transaction, draftId, next, stored, cancellationToken);
            var changed = await connection.ExecuteAsync(database.Command(
                """
                UPDATE drafts SET revision = @next, status = 'Decided', decision = @decision, review_state = 'Approved',
                    earliest_publish_at = @earliestPublishAt, updated_at = @now, version = version + 1
                WHERE id = @id AND version = @version
                """,
                new { next, decision = recheck.Decision.ToString(), earliestPublishAt, now, id = draftId.ToString(), version = latest.Version },
                transaction, cancellationToken));
            if (changed != 1)
            {
                throw new ReviewConflictException("Someone else changed this draft at the same moment; reload it and try again.");
            }
            await connection.ExecuteAsync(database.Command(
                "UPDATE review_items SET resolved_at = @now, resolution = 'ApprovedRedacted' WHERE draft_id = @draftId AND resolved_at IS NULL",
                new { now, draftId = draftId.ToString() }, transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(approver.SchoolId, "postguard", "draft.decided", draftId, next, new JsonObject
            {
                ["decision"] = recheck.Decision.ToString(),
                ["findings"] = recheck.Findings.Count,
                ["rules"] = string.Join(",", recheck.Findings.Select(f => f.Rule).Distinct()),
                ["redactedFrom"] = latest.Revision,
            }), cancellationToken);
            var details = new JsonObject
            {
                ["fromRevision"] = latest.Revision,
                ["previousDecision"] = latest.Decision?.ToString(),
                ["recheckDecision"] = recheck.Decision.ToString(),
                ["facesBlurred"] = facesBlurred,
                ["reason"] = reason ?? "",
            };
            if (earliestPublishAt is { } earliest)
            {
                details["earliestPublishAt"] = earliest.ToString("O");
            }
            await audit.AppendAsync(connection, transaction, new AuditEvent(approver.SchoolId, approver.Email, "draft.approved-redacted", draftId, next, details), cancellationToken);
            return latest with
            {
                Revision = next,
                Decision = recheck.Decision,
                ReviewState = ReviewState.Approved,
                EarliestPublishAt = earliestPublishAt,
                UpdatedAt = now,
                Version = latest.Version + 1,
            };
        }, cancellationToken);
        return new RedactedApproval(approved, stored, facesBlurred);
    }

    private async Task<(DraftRecord Draft, DraftRevision Revision, StoredDecision Decision)> LoadDecidedAsync(string schoolId, Guid draftId, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(schoolId, draftId, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        if (draft.Status != DraftStatus.Decided)
        {
            throw new ReviewConflictException($"Draft revision {draft.Revision} is still being analysed ({draft.Status}); wait for its decision.");
        }
        var revision = await drafts.FindRevisionAsync(draftId, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        var decision = await drafts.FindDecisionAsync(draftId, draft.Revision, cancellationToken) ?? throw new DraftNotFoundException(draftId);
        return (draft, revision, decision);
    }

    /// <summary>Every face found in the image (identifiable or not): blurring more than needed is the safe side.</summary>
    private static IReadOnlyList<FaceReport> FacesOf(StoredImage image, StoredDecision decision) =>
        decision.Images.FirstOrDefault(r => r.Index == image.Position)?.Faces ?? [];

    private byte[] Redact(StoredImage image, byte[] content, StoredDecision decision)
    {
        var report = decision.Images.FirstOrDefault(r => r.Index == image.Position);
        if (report is not { Readable: true })
        {
            throw new ReviewConflictException($"Photo {image.Position + 1} ({image.FileName}) could not be read, so it cannot be redacted; the uploader must replace it.");
        }
        try
        {
            // Faces grown by the usual margin, and the lines of words that gave findings (grown by their own margin).
            var faces = report.Faces.Select(f => new VisionFaceBox(f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height).Expand(ImageInspector.DefaultRedactionMargin, report.Width, report.Height));
            var words = WordsToCover.In(report, decision.Findings).Select(b => new VisionFaceBox(b.X, b.Y, b.Width, b.Height));
            return inspector.Value.Redact(content, faces.Concat(words), margin: 0);
        }
        catch (ImageRejectedException ex)
        {
            throw new ReviewConflictException($"Photo {image.Position + 1} ({image.FileName}) cannot be redacted: {ex.Message}");
        }
    }
}
