using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Submissions;

/// <summary>A draft as stored: its current revision, where it is in the pipeline and what was decided.</summary>
public sealed record DraftRecord
{
    public required Guid Id { get; init; }
    public required string SchoolId { get; init; }
    public required Guid CreatedBy { get; init; }
    public required int Revision { get; init; }
    public required DraftStatus Status { get; init; }
    public Decision? Decision { get; init; }
    public required ReviewState ReviewState { get; init; }
    public DateTimeOffset? EarliestPublishAt { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Optimistic concurrency: bumped by every change to the draft row.</summary>
    public required int Version { get; init; }
}

/// <summary>The content of one revision.</summary>
public sealed record DraftRevision
{
    public required Guid DraftId { get; init; }
    public required int Revision { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<string> Channels { get; init; }
    public DateTimeOffset? PublishAt { get; init; }
    public bool CommentsEnabled { get; init; }
    public required IReadOnlyList<StoredImage> Images { get; init; }
    public required Guid SubmittedBy { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}

/// <param name="DeletedAt">When the photo was deleted under the retention policy; null while it is kept.</param>
/// <param name="Tags">The people the uploader says are in the photo, each bound to a face, marked not visible, or not placed yet.</param>
public sealed record StoredImage(int Position, string FileName, string ContentType, long SizeBytes, string BlobSha256, IReadOnlyList<PhotoTag> Tags, DateTimeOffset? DeletedAt = null);

/// <summary>
/// The one decision of a revision: its outcome, every finding (notices recorded after the analysis,
/// such as an R4 takedown, included), what each image showed, and the version of the school's consent
/// records it was computed from. Stored whole; nothing is re-derived when it is read.
/// </summary>
public sealed record StoredDecision(Decision Decision, IReadOnlyList<Finding> Findings, IReadOnlyList<ImageReport> Images, DateTimeOffset DecidedAt)
{
    public long ConsentVersion { get; init; }
}
