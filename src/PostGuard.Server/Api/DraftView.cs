using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Api;

/// <summary>What GET /api/v1/drafts/{id} returns.</summary>
public sealed record DraftView
{
    public required Guid Id { get; init; }
    public required int Revision { get; init; }
    public required DraftStatus Status { get; init; }
    public Decision? Decision { get; init; }
    public required ReviewState ReviewState { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<ImageReport> Images { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public DateTimeOffset? EarliestPublishAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }

    public static DraftView From(DraftRecord draft, DraftRevision revision, StoredDecision? decision) => new()
    {
        Id = draft.Id,
        Revision = draft.Revision,
        Status = draft.Status,
        Decision = draft.Decision,
        ReviewState = draft.ReviewState,
        Findings = decision?.Findings ?? [],
        Images = decision?.Images ?? [],
        Text = revision.Text,
        Channels = revision.Channels,
        PublishAt = revision.PublishAt,
        CommentsEnabled = revision.CommentsEnabled,
        EarliestPublishAt = draft.EarliestPublishAt,
        DecidedAt = decision?.DecidedAt,
        CreatedAt = draft.CreatedAt,
    };
}
