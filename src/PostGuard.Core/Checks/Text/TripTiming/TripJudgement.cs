namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>A stretch of the post's text.</summary>
public readonly record struct TextRange(int Start, int Length);

/// <summary>
/// What <see cref="TripModel"/> concluded: children are away now (<see cref="Live"/>) or will be; the
/// off-site cue that says so; the words that place it in time; when it ends (null: nothing says) and
/// the words that set the end.
/// </summary>
public sealed record TripJudgement(bool Live, OffSiteCue Cue, IReadOnlyList<TextRange> Spans, DateTime? Ends, TextRange EndCue);
