using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PostGuard.Core.Audit;
using PostGuard.Core.Blobs;
using PostGuard.Core.Checks;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Analysis;

/// <summary>
/// The worker's job for one AnalyzeDraft: load the revision, run every check, store the one
/// decision (idempotent by draft and revision) and say whether it needs the approver.
/// </summary>
public sealed class DraftAnalysisRunner(
    Database database,
    DraftStore drafts,
    BlobStore blobs,
    SchoolDirectory schools,
    PeopleStore people,
    DraftAnalyzer analyzer,
    AuditTrail audit,
    TimeProvider time,
    ILogger<DraftAnalysisRunner> logger)
{
    /// <param name="content">The revision's content when the caller has already read it; null reads it.</param>
    public async Task<AnalysisOutcome> RunAsync(Guid draftId, int revision, string schoolId, DraftRevision? content, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(schoolId, draftId, cancellationToken);
        if (draft is null || draft.Revision != revision)
        {
            logger.LogWarning("AnalyzeDraft for {DraftId} r{Revision} of {School} is stale or unknown; ignored", draftId, revision, schoolId);
            return new AnalysisOutcome(AnalysisResultKind.Stale);
        }
        if (draft.Status == DraftStatus.Decided || !await drafts.MarkAnalysingAsync(draftId, revision, time.GetUtcNow(), cancellationToken))
        {
            return new AnalysisOutcome(AnalysisResultKind.AlreadyDecided);
        }
        var school = await schools.FindSchoolAsync(schoolId, cancellationToken)
            ?? throw new InvalidOperationException($"Draft {draftId} belongs to unknown school '{schoolId}'");
        content ??= await drafts.FindRevisionAsync(draftId, revision, cancellationToken)
            ?? throw new InvalidOperationException($"Draft {draftId} has no revision {revision}");

        var images = new List<ImageUnderCheck>(content.Images.Count);
        foreach (var image in content.Images)
        {
            images.Add(new ImageUnderCheck
            {
                Index = image.Position,
                FileName = image.FileName,
                Content = await blobs.ReadAsync(image, cancellationToken),
                Tags = image.Tags,
            });
        }
        var register = await people.LoadRegisterAsync(schoolId, cancellationToken);
        var analysis = await analyzer.AnalyzeAsync(DraftUnderCheck.For(content, images, school.Policy, register, time.GetUtcNow()), cancellationToken);

        var needsReview = analysis.Decision != Decision.Approve || !school.Policy.AutoApproveClean;
        return await RecordAsync(draftId, revision, schoolId, analysis, needsReview, cancellationToken);
    }

    /// <summary>
    /// Fail closed when the analysis itself keeps failing (retries exhausted): the revision is decided
    /// Hold "analysis incomplete" so the approver sees it, unless it was decided meanwhile.
    /// </summary>
    public async Task<AnalysisOutcome> RecordFailureAsync(Guid draftId, int revision, string schoolId, string why, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(schoolId, draftId, cancellationToken);
        if (draft is null || draft.Revision != revision || draft.Status == DraftStatus.Decided)
        {
            return new AnalysisOutcome(draft?.Status == DraftStatus.Decided ? AnalysisResultKind.AlreadyDecided : AnalysisResultKind.Stale);
        }
        var findings = new List<Finding> { Finding.AnalysisIncomplete("worker", why) };
        return await RecordAsync(draftId, revision, schoolId, new DraftAnalysis(Decision.Hold, findings, []), needsReview: true, cancellationToken);
    }

    private async Task<AnalysisOutcome> RecordAsync(Guid draftId, int revision, string schoolId, DraftAnalysis analysis, bool needsReview, CancellationToken cancellationToken)
    {
        var reviewState = needsReview ? ReviewState.Pending : ReviewState.AutoApproved;
        var decidedAt = time.GetUtcNow();
        var stored = new StoredDecision(analysis.Decision, analysis.Findings, analysis.Images, decidedAt);
        var inserted = await database.InTransactionAsync(async (connection, transaction) =>
        {
            if (!await drafts.TryInsertDecisionAsync(connection, transaction, draftId, revision, stored, cancellationToken))
            {
                return false;
            }
            await drafts.SetDecidedAsync(connection, transaction, draftId, revision, analysis.Decision, reviewState, decidedAt, cancellationToken);
            await audit.AppendAsync(connection, transaction, new AuditEvent(schoolId, "postguard", "draft.decided", draftId, revision, new JsonObject
            {
                ["decision"] = analysis.Decision.ToString(),
                ["findings"] = analysis.Findings.Count,
                ["rules"] = string.Join(",", analysis.Findings.Select(f => f.Rule).Distinct()),
                ["reviewState"] = reviewState.ToString(),
            }), cancellationToken);
            return true;
        }, cancellationToken);
        if (!inserted)
        {
            logger.LogInformation("Draft {DraftId} r{Revision} was decided by another delivery; this one changes nothing", draftId, revision);
            return new AnalysisOutcome(AnalysisResultKind.AlreadyDecided);
        }
        logger.LogInformation("Draft {DraftId} r{Revision} decided {Decision} with {Count} finding(s)", draftId, revision, analysis.Decision, analysis.Findings.Count);
        return new AnalysisOutcome(AnalysisResultKind.Decided, analysis.Decision, needsReview, decidedAt);
    }
}
