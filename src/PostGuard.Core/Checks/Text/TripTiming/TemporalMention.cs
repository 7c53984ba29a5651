namespace PostGuard.Core.Checks.Text.TripTiming;

public enum TemporalKind
{
    /// <summary>Happening at publish time: "right now", "currently", "on our way", "we're at".</summary>
    Now,
    /// <summary>A day or a range of days, resolved against the publish time: "tomorrow", "on Friday", "12th June", "this weekend".</summary>
    Dated,
    /// <summary>Clearly over: "yesterday", "last week's trip", "last Friday".</summary>
    Past,
}

/// <summary>
/// A temporal expression in the text and what it resolves to in the school's time zone: the local
/// day (or last day of a range) and, when stated, the time the event ends ("back at 3:30").
/// </summary>
public sealed record TemporalMention(TemporalKind Kind, int Start, int Length, int Sentence, DateOnly? LastDay, TimeOnly? EndsAt)
{
    public int End => Start + Length;
}
