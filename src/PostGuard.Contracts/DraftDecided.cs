namespace PostGuard.Contracts;

/// <summary>Event: the analysis of a draft revision produced its one decision (Approve, Hold or Block).</summary>
public sealed record DraftDecided
{
    public required Guid DraftId { get; init; }
    public required int Revision { get; init; }
    public required string SchoolId { get; init; }
    public required string Decision { get; init; }
    public required bool NeedsReview { get; init; }
    public required DateTimeOffset DecidedAt { get; init; }
}
