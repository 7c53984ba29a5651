using PostGuard.Core.Findings;

namespace PostGuard.Core.Analysis;

public enum AnalysisResultKind
{
    /// <summary>This run made the revision's one decision.</summary>
    Decided,
    /// <summary>The revision already had its decision (a redelivered message): nothing changed.</summary>
    AlreadyDecided,
    /// <summary>The draft has a newer revision, or does not exist: nothing to do.</summary>
    Stale,
}

public sealed record AnalysisOutcome(AnalysisResultKind Kind, Decision? Decision = null, bool NeedsReview = false, DateTimeOffset? DecidedAt = null);
