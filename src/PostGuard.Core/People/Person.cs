namespace PostGuard.Core.People;

public enum PersonKind
{
    Pupil = 0,
    Staff = 1,
}

/// <summary>A pupil or member of staff in a school's people register.</summary>
public sealed record Person(Guid Id, PersonKind Kind, string FirstName, string LastName, string? KnownAs = null, bool Active = true)
{
    /// <summary>The id in the school's MIS (Arbor, SIMS, Bromcom): the key CSV imports are idempotent by.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Year group or class, e.g. "Year 4" or "Oak".</summary>
    public string? YearGroup { get; init; }

    public string DisplayName => $"{KnownAs ?? FirstName} {LastName}";
}
