namespace PostGuard.Core.People;

/// <summary>The people of one school that a draft is checked against (names in text, tags on photos).</summary>
public sealed class PeopleRegister(IReadOnlyList<Person> people)
{
    public static readonly PeopleRegister Empty = new([]);

    public IReadOnlyList<Person> People { get; } = people;

    public Person? Find(Guid id) => People.FirstOrDefault(p => p.Id == id);

    /// <summary>
    /// Whether the person has valid written consent for every one of the channels on the publish date.
    /// No consent records are held yet, so nobody's consent can be established: fail closed.
    /// </summary>
    public bool HasValidConsent(Person person, IReadOnlyList<string> channels, DateTimeOffset publishAt) => false;
}
