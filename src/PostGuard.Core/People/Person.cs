namespace PostGuard.Core.People;

public enum PersonKind
{
    Pupil = 0,
    Staff = 1,
}

/// <summary>A pupil or member of staff in a school's people register.</summary>
public sealed record Person(Guid Id, PersonKind Kind, string FirstName, string LastName, string? KnownAs = null, bool Active = true)
{
    public string DisplayName => $"{KnownAs ?? FirstName} {LastName}";
}
