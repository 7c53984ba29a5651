namespace PostGuard.Core.People;

/// <summary>The people of one school that a draft is checked against (names in text, tags on photos).</summary>
public sealed class PeopleRegister(IReadOnlyList<Person> people)
{
    public static readonly PeopleRegister Empty = new([]);

    public IReadOnlyList<Person> People { get; } = people;

    public Person? Find(Guid id) => People.FirstOrDefault(p => p.Id == id);
}
