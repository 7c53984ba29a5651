using PostGuard.Core.People;

namespace PostGuard.Core.Checks.Text.Names;

public enum PersonMentionKind
{
    /// <summary>A register pupil's first (or known-as) name and last name together.</summary>
    PupilFullName,
    /// <summary>A register pupil's first or known-as name alone.</summary>
    PupilFirstName,
    /// <summary>A register pupil's last name alone.</summary>
    PupilLastName,
    /// <summary>"Mrs Patel", "Mr J. Smith", or a register staff member's name.</summary>
    StaffName,
    /// <summary>A first name from the public lexicon that the register does not know.</summary>
    LexiconFirstName,
    /// <summary>A lexicon first name followed by a surname-like word ("Olivia Thompson").</summary>
    LexiconFullName,
}

/// <summary>A person's name found in the text: where it is, what kind, and the register person when known.</summary>
public sealed record PersonMention(PersonMentionKind Kind, int Start, int Length, int FirstToken, int LastToken, Person? Person)
{
    public bool IsPupil => Kind is PersonMentionKind.PupilFullName or PersonMentionKind.PupilFirstName or PersonMentionKind.PupilLastName;
    public bool IsFromRegister => Person is not null;
    public bool IsChildLike => Kind != PersonMentionKind.StaffName;
}
