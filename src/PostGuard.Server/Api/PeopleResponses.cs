using PostGuard.Core.Consent;
using PostGuard.Core.People;

namespace PostGuard.Server.Api;

/// <summary>The people register as it stands on a date.</summary>
public sealed record PeopleListView(DateOnly On, IReadOnlyList<PersonView> People);

/// <summary>One person and (for every role but the uploader) their consent history.</summary>
public sealed record PersonDetailsView(PersonView Person, IReadOnlyList<ConsentRecord>? History);

/// <summary>A person of the register with, per consent use, the status valid on the date asked (granted, refused, withdrawn or none).</summary>
public sealed record PersonView(Guid Id, string? ExternalId, string Kind, string FirstName, string LastName, string? KnownAs, string? YearGroup, bool Active, IReadOnlyDictionary<string, string> Consent)
{
    public static PersonView From(PeopleRegister register, Person person, DateOnly date) => new(
        person.Id,
        person.ExternalId,
        person.Kind.ToString().ToLowerInvariant(),
        person.FirstName,
        person.LastName,
        person.KnownAs,
        person.YearGroup,
        person.Active,
        ConsentUses.All.ToDictionary(use => use, use => register.ValidRecord(person.Id, use, date)?.Status.ToString().ToLowerInvariant() ?? "none"));
}
