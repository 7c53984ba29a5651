namespace PostGuard.Core.Review;

/// <summary>The action cannot be taken in the draft's current state (the API answers 409 with the reason).</summary>
public sealed class ReviewConflictException(string message) : Exception(message);

/// <summary>The draft does not exist for the caller's school (the API answers 404, never 403).</summary>
public sealed class DraftNotFoundException(Guid draftId) : Exception($"Draft {draftId} was not found")
{
    public Guid DraftId { get; } = draftId;
}
