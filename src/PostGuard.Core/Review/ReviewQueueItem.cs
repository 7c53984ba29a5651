using PostGuard.Core.Findings;

namespace PostGuard.Core.Review;

/// <summary>A draft waiting for the approver.</summary>
public sealed record ReviewQueueItem(Guid DraftId, int Revision, Decision Decision, DateTimeOffset QueuedAt);
