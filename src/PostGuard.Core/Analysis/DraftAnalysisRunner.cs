using Microsoft.Extensions.Logging;
using PostGuard.Core.Blobs;
using PostGuard.Core.Checks;
using PostGuard.Core.People;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Core.Telemetry;

namespace PostGuard.Core.Analysis;

/// <summary>
/// The worker's job for one AnalyzeDraft: load the revision, read the school's consent register,
/// inspect the photos and run every check, then hand the result to <see cref="DraftLifecycle"/>, which
/// stores the one decision (idempotent by draft and revision) atomically with the consent it read.
/// Traced as "analyse draft" around "run checks" and "decide draft"; counted in postguard.drafts.analysed,
/// postguard.decisions and postguard.analysis.duration (<see cref="PostGuardTelemetry"/>).
/// </summary>
public sealed class DraftAnalysisRunner(
    DraftStore drafts,
    DraftLifecycle lifecycle,
    BlobStore blobs,
    SchoolDirectory schools,
    PeopleStore people,
    DraftAnalyzer analyzer,
    TimeProvider time,
    ILogger<DraftAnalysisRunner> logger)
{
    /// <param name="content">The revision's content when the caller has already read it; null reads it.</param>
    public async Task<AnalysisOutcome> RunAsync(Guid draftId, int revision, string schoolId, DraftRevision? content, CancellationToken cancellationToken)
    {
        using var activity = PostGuardTelemetry.Traces.StartActivity(PostGuardTelemetry.AnalyseDraftSpan);
        activity?.SetTag(PostGuardTelemetry.DraftIdTag, draftId.ToString()).SetTag(PostGuardTelemetry.RevisionTag, revision).SetTag(PostGuardTelemetry.SchoolTag, schoolId);
        var started = time.GetTimestamp();
        var outcome = await AnalyseAsync(draftId, revision, schoolId, content, cancellationToken);
        activity?.SetTag(PostGuardTelemetry.OutcomeTag, outcome.Kind.ToString());
        if (outcome.Kind == AnalysisResultKind.Decided)
        {
            var decision = new KeyValuePair<string, object?>(PostGuardTelemetry.DecisionTag, outcome.Decision?.ToString());
            activity?.SetTag(decision.Key, decision.Value);
            PostGuardTelemetry.AnalysisDuration.Record(time.GetElapsedTime(started).TotalSeconds, decision);
        }
        return outcome;
    }

    private async Task<AnalysisOutcome> AnalyseAsync(Guid draftId, int revision, string schoolId, DraftRevision? content, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(schoolId, draftId, cancellationToken);
        if (draft is null || draft.Revision != revision)
        {
            logger.LogWarning("AnalyzeDraft for {DraftId} r{Revision} of {School} is stale or unknown; ignored", draftId, revision, schoolId);
            return new AnalysisOutcome(AnalysisResultKind.Stale);
        }
        if (draft.Status == DraftStatus.Decided || !await lifecycle.StartAnalysisAsync(draftId, revision, cancellationToken))
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
        var underCheck = DraftUnderCheck.For(content, images, school.Policy, register, time.GetUtcNow());
        var analysis = await analyzer.AnalyzeAsync(underCheck, cancellationToken);
        PostGuardTelemetry.DraftsAnalysed.Add(1);
        using var deciding = PostGuardTelemetry.Traces.StartActivity(PostGuardTelemetry.DecideDraftSpan);
        var outcome = await lifecycle.DecideAsync(Recheckable(draftId, revision, school, underCheck, analysis), cancellationToken);
        deciding?.SetTag(PostGuardTelemetry.OutcomeTag, outcome.Kind.ToString()).SetTag(PostGuardTelemetry.DecisionTag, outcome.Decision?.ToString());
        CountDecision(outcome);
        return outcome;
    }

    private static void CountDecision(AnalysisOutcome outcome)
    {
        if (outcome.Kind == AnalysisResultKind.Decided)
        {
            PostGuardTelemetry.Decisions.Add(1, new KeyValuePair<string, object?>(PostGuardTelemetry.DecisionTag, outcome.Decision?.ToString()));
        }
    }

    /// <summary>
    /// An analysis the lifecycle can check again with a newer register: the photos keep what their
    /// inspection found (no second inspection), every check runs again.
    /// </summary>
    public AnalysisToStore Recheckable(Guid draftId, int revision, School school, DraftUnderCheck underCheck, DraftAnalysis analysis)
    {
        var inspected = underCheck with
        {
            Images = [.. underCheck.Images.Select(i => i with { Report = analysis.Images.FirstOrDefault(r => r.Index == i.Index) })],
        };
        return new AnalysisToStore(draftId, revision, school.Id, analysis, underCheck.People.ConsentVersion, school.Policy.AutoApproveClean,
            (register, token) => analyzer.AnalyzeAsync(inspected with { People = register }, token));
    }

    /// <summary>
    /// Fail closed when the analysis itself keeps failing (retries exhausted): the revision is decided
    /// Hold "analysis incomplete" so the approver sees it, unless it was decided meanwhile.
    /// </summary>
    public async Task<AnalysisOutcome> RecordFailureAsync(Guid draftId, int revision, string schoolId, string why, CancellationToken cancellationToken)
    {
        using var deciding = PostGuardTelemetry.Traces.StartActivity(PostGuardTelemetry.DecideDraftSpan);
        deciding?.SetTag(PostGuardTelemetry.DraftIdTag, draftId.ToString()).SetTag(PostGuardTelemetry.RevisionTag, revision).SetTag(PostGuardTelemetry.SchoolTag, schoolId);
        var outcome = await lifecycle.HoldForFailureAsync(draftId, revision, schoolId, why, cancellationToken);
        deciding?.SetTag(PostGuardTelemetry.OutcomeTag, outcome.Kind.ToString()).SetTag(PostGuardTelemetry.DecisionTag, outcome.Decision?.ToString());
        CountDecision(outcome);
        return outcome;
    }
}
