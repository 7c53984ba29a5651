using System.Text.Json.Nodes;
using PostGuard.Core.Audit;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.Review;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Api;

/// <summary>202 of a submitted draft or revision: where to poll (GET /api/v1/drafts/{id}) and what was stored.</summary>
public sealed record DraftAccepted(Guid Id, int Revision, DraftStatus Status)
{
    public static DraftAccepted From(DraftRecord record) => new(record.Id, record.Revision, record.Status);
}

/// <summary>A draft after an approver's approval or rejection.</summary>
/// <param name="EarliestPublishAt">Approval only: when the post may go out at the earliest.</param>
public sealed record ReviewedDraft(Guid Id, int Revision, ReviewState ReviewState, DateTimeOffset? EarliestPublishAt)
{
    public static ReviewedDraft Approved(DraftRecord draft) => new(draft.Id, draft.Revision, draft.ReviewState, draft.EarliestPublishAt);

    public static ReviewedDraft Rejected(DraftRecord draft) => new(draft.Id, draft.Revision, draft.ReviewState, null);
}

/// <summary>The redacted revision that was approved, with the decision of its re-check.</summary>
public sealed record RedactedApproval(Guid Id, int Revision, ReviewState ReviewState, Decision Decision, DateTimeOffset? EarliestPublishAt, IReadOnlyList<Finding> Findings)
{
    public static RedactedApproval From(RedactedRevision approved) => new(
        approved.Draft.Id, approved.Draft.Revision, approved.Draft.ReviewState, approved.Decision.Decision, approved.Draft.EarliestPublishAt, approved.Decision.Findings);
}

/// <summary>Drafts awaiting a person: Block first, then Hold, then ready for sign-off; oldest first.</summary>
public sealed record ReviewQueueView(IReadOnlyList<ReviewQueueItem> Items);

/// <summary>Each photo's faces with their standing, the person bound to each and the faces hidden by default.</summary>
public sealed record RedactionPlanView(Guid Id, int Revision, IReadOnlyList<RedactionPlanView.RedactionPhoto> Images)
{
    public static RedactionPlanView From(RedactionPlan plan) => new(plan.DraftId, plan.Revision, [.. plan.Photos.Select(p => new RedactionPhoto(
        p.Position,
        p.Report is not null,
        p.DefaultChoice,
        [.. p.Faces.Select(f => new RedactionFace(f.Index, f.Face.Box, f.Face.Identifiable, f.Standing, f.Person is null ? null : new BoundPerson(f.Person.Id, f.Person.DisplayName)))]))]);

    /// <param name="Readable">False when the photo could not be read (it cannot be redacted).</param>
    /// <param name="RedactByDefault">The face indices hidden unless the approver chooses otherwise.</param>
    public sealed record RedactionPhoto(int Position, bool Readable, IReadOnlyList<int> RedactByDefault, IReadOnlyList<RedactionFace> Faces);

    public sealed record RedactionFace(int Index, FaceBox Box, bool Identifiable, FaceStanding Standing, BoundPerson? Person);

    public sealed record BoundPerson(Guid Id, string Name);
}

/// <summary>The school's audit trail, newest first.</summary>
public sealed record AuditTrailView(IReadOnlyList<AuditTrailView.AuditEntry> Events)
{
    public static AuditTrailView From(IEnumerable<AuditEvent> events) =>
        new([.. events.Select(e => new AuditEntry(e.Id, e.At, e.Actor, e.Action, e.DraftId, e.Revision, e.Details))]);

    public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, Guid? DraftId, int? Revision, JsonObject Details);
}
