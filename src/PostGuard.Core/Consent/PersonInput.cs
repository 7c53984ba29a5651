using PostGuard.Core.People;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Consent;

/// <summary>A person as the consent admin enters or patches them; null fields are left unchanged by a patch.</summary>
public sealed record PersonInput
{
    public string? ExternalId { get; init; }
    public string? Kind { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? KnownAs { get; init; }
    public string? YearGroup { get; init; }
    public bool? Active { get; init; }

    public const int MaxNameLength = 100;

    /// <summary>Applies this input to <paramref name="existing"/> (or a new person) and validates the result.</summary>
    public Person Apply(Person? existing, string fieldPrefix)
    {
        var errors = new List<InputError>();
        var kind = existing?.Kind ?? PersonKind.Pupil;
        if (Kind is not null && !TryParseKind(Kind, out kind))
        {
            errors.Add(new InputError($"{fieldPrefix}kind", $"unknown kind '{Kind}' (expected pupil or staff)"));
        }
        var first = Clean(FirstName) ?? existing?.FirstName;
        var last = Clean(LastName) ?? existing?.LastName;
        if (string.IsNullOrEmpty(first))
        {
            errors.Add(new InputError($"{fieldPrefix}firstName", "is required"));
        }
        if (string.IsNullOrEmpty(last))
        {
            errors.Add(new InputError($"{fieldPrefix}lastName", "is required"));
        }
        foreach (var (field, value) in new[] { ("firstName", first), ("lastName", last), ("knownAs", Clean(KnownAs)), ("yearGroup", Clean(YearGroup)), ("externalId", Clean(ExternalId)) })
        {
            if (value is { Length: > MaxNameLength })
            {
                errors.Add(new InputError($"{fieldPrefix}{field}", $"is {value.Length} characters; the limit is {MaxNameLength}"));
            }
            if (value is not null && value.Any(char.IsControl))
            {
                errors.Add(new InputError($"{fieldPrefix}{field}", "contains control characters"));
            }
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
        return new Person(existing?.Id ?? Guid.NewGuid(), kind, first!, last!,
            KnownAs is null ? existing?.KnownAs : Clean(KnownAs), Active ?? existing?.Active ?? true)
        {
            ExternalId = ExternalId is null ? existing?.ExternalId : Clean(ExternalId),
            YearGroup = YearGroup is null ? existing?.YearGroup : Clean(YearGroup),
        };
    }

    public static bool TryParseKind(string value, out PersonKind kind)
    {
        switch (value.Trim().ToLowerInvariant())
        {
            case "pupil" or "student" or "child":
                kind = PersonKind.Pupil;
                return true;
            case "staff":
                kind = PersonKind.Staff;
                return true;
            default:
                kind = PersonKind.Pupil;
                return false;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Normalize(System.Text.NormalizationForm.FormC).Trim();
}

/// <summary>A consent record as the consent admin enters it.</summary>
public sealed record ConsentInput
{
    public string? Use { get; init; }
    public string? Status { get; init; }
    public string? GivenBy { get; init; }
    public string? Evidence { get; init; }
    public DateOnly? SignedOn { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidUntil { get; init; }

    public ConsentRecord ToRecord(Guid personId, DateOnly today, DateTimeOffset now, string recordedBy, string fieldPrefix)
    {
        var errors = new List<InputError>();
        if (Use is null || !ConsentUses.IsKnown(Use.Trim().ToLowerInvariant()))
        {
            errors.Add(new InputError($"{fieldPrefix}use", $"unknown use '{Use}' (expected one of {string.Join(", ", ConsentUses.All)})"));
        }
        if (!TryParseStatus(Status, out var status))
        {
            errors.Add(new InputError($"{fieldPrefix}status", $"unknown status '{Status}' (expected granted, refused or withdrawn)"));
        }
        if (string.IsNullOrWhiteSpace(GivenBy))
        {
            errors.Add(new InputError($"{fieldPrefix}givenBy", "is required: the parent or carer (or the staff member) who gave or refused consent"));
        }
        else if (GivenBy.Length > 200)
        {
            errors.Add(new InputError($"{fieldPrefix}givenBy", "is longer than 200 characters"));
        }
        if (Evidence is { Length: > 200 })
        {
            errors.Add(new InputError($"{fieldPrefix}evidence", "is longer than 200 characters"));
        }
        var from = ValidFrom ?? (status == ConsentStatus.Withdrawn ? today : SignedOn ?? today);
        if (ValidUntil is { } until && until < from)
        {
            errors.Add(new InputError($"{fieldPrefix}validUntil", $"{until:yyyy-MM-dd} is before validFrom {from:yyyy-MM-dd}"));
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
        return new ConsentRecord
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            Use = Use!.Trim().ToLowerInvariant(),
            Status = status,
            GivenBy = GivenBy!.Trim(),
            Evidence = string.IsNullOrWhiteSpace(Evidence) ? null : Evidence.Trim(),
            SignedOn = SignedOn,
            ValidFrom = from,
            ValidUntil = ValidUntil,
            RecordedAt = now,
            RecordedBy = recordedBy,
        };
    }

    public static bool TryParseStatus(string? value, out ConsentStatus status)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "granted" or "given" or "yes":
                status = ConsentStatus.Granted;
                return true;
            case "refused" or "not granted" or "no":
                status = ConsentStatus.Refused;
                return true;
            case "withdrawn":
                status = ConsentStatus.Withdrawn;
                return true;
            default:
                status = ConsentStatus.Refused;
                return false;
        }
    }
}
