namespace PostGuard.Contracts;

/// <summary>Command: analyse one revision of a stored draft. Redelivery is harmless: the decision is keyed by draft and revision.</summary>
public sealed record AnalyzeDraft
{
    public required Guid DraftId { get; init; }
    public required int Revision { get; init; }
    public required string SchoolId { get; init; }
}
