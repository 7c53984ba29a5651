namespace PostGuard.Core.Consent;

/// <summary>The uses a school asks consent for (as on a typical MIS photo-consent form).</summary>
public static class ConsentUses
{
    public const string Website = "website";
    public const string SocialMedia = "social-media";
    public const string Press = "press";
    public const string Internal = "internal";

    public static readonly IReadOnlyList<string> All = [Website, SocialMedia, Press, Internal];

    public static bool IsKnown(string use) => All.Contains(use, StringComparer.Ordinal);
}

public enum ConsentStatus
{
    Granted,
    Refused,
    Withdrawn,
}

/// <summary>
/// One consent record: never changed once written. A later record for the same person and use
/// (a withdrawal, a new school year's form) supersedes earlier ones for the dates it covers.
/// </summary>
public sealed record ConsentRecord
{
    public required Guid Id { get; init; }
    public required Guid PersonId { get; init; }
    public required string Use { get; init; }
    public required ConsentStatus Status { get; init; }
    /// <summary>The parent or carer (or, for staff, the staff member) who gave or refused it.</summary>
    public required string GivenBy { get; init; }
    /// <summary>Form reference or other evidence.</summary>
    public string? Evidence { get; init; }
    public DateOnly? SignedOn { get; init; }
    public required DateOnly ValidFrom { get; init; }
    /// <summary>Last day it is valid (e.g. the end of the school year); null: until superseded.</summary>
    public DateOnly? ValidUntil { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string RecordedBy { get; init; }
    /// <summary>Order of recording, for records written in the same instant.</summary>
    public long Sequence { get; init; }

    public bool Covers(DateOnly date) => ValidFrom <= date && (ValidUntil is null || date <= ValidUntil);
}
