using PostGuard.Core.Consent;
using PostGuard.Core.Policy;

namespace PostGuard.Core.People;

/// <summary>
/// The people of one school and their consent records, as a draft is checked against them
/// (names in text, tags on photos). Consent is per person, per use, dated: the valid record for a
/// person, a use and a date is the most recently recorded one whose validity covers that date.
/// </summary>
public sealed class PeopleRegister
{
    public static readonly PeopleRegister Empty = new([]);

    private readonly Dictionary<Guid, Person> _byId;
    private readonly ILookup<(Guid, string), ConsentRecord> _consents;

    public PeopleRegister(IReadOnlyList<Person> people, IEnumerable<ConsentRecord>? consents = null)
    {
        People = people;
        _byId = people.ToDictionary(p => p.Id);
        _consents = (consents ?? []).ToLookup(c => (c.PersonId, c.Use));
    }

    public IReadOnlyList<Person> People { get; }

    /// <summary>The school's consent version this register was read at (see <c>PeopleStore.ConsentVersionAsync</c>).</summary>
    public long ConsentVersion { get; init; }

    public Person? Find(Guid id) => _byId.GetValueOrDefault(id);

    /// <summary>The record that decides the person's consent for a use on a date, or null when none covers it.</summary>
    public ConsentRecord? ValidRecord(Guid personId, string use, DateOnly date) =>
        _consents[(personId, use)]
            .Where(c => c.Covers(date))
            .OrderByDescending(c => c.RecordedAt)
            .ThenByDescending(c => c.Sequence)
            .FirstOrDefault();

    /// <summary>Every consent record of the person, oldest first (history is never overwritten).</summary>
    public IReadOnlyList<ConsentRecord> History(Guid personId) =>
        [.. ConsentUses.All.SelectMany(use => _consents[(personId, use)]).OrderBy(c => c.RecordedAt).ThenBy(c => c.Sequence)];

    /// <summary>Whether the person has granted consent for the use every channel needs, on the publish date.</summary>
    public bool HasValidConsent(Person person, IReadOnlyList<string> channels, DateOnly publishDate) =>
        MissingConsent(person, channels, publishDate).Count == 0;

    /// <summary>The uses the channels need that the person has no granted consent for on that date, with why.</summary>
    public IReadOnlyList<(string Use, string Why)> MissingConsent(Person person, IReadOnlyList<string> channels, DateOnly publishDate)
    {
        var missing = new List<(string, string)>();
        foreach (var use in channels.Select(Channels.ConsentUse).Distinct())
        {
            var record = ValidRecord(person.Id, use, publishDate);
            if (record is null)
            {
                missing.Add((use, $"no {use} consent on record for {publishDate:d MMMM yyyy}"));
            }
            else if (record.Status != ConsentStatus.Granted)
            {
                missing.Add((use, $"{use} consent {record.Status.ToString().ToLowerInvariant()} by {record.GivenBy}"));
            }
        }
        return missing;
    }
}
