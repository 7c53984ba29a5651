using System.Runtime.CompilerServices;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.People;

namespace PostGuard.Core.Checks.Text.Names;

public enum NamePartKind
{
    First,
    KnownAs,
    Last,
}

/// <summary>One name of a register person (first, known-as or last), as lower-case words.</summary>
public sealed record RegisterNamePart(Person Person, NamePartKind Kind, IReadOnlyList<string> Words)
{
    public bool IsGiven => Kind is NamePartKind.First or NamePartKind.KnownAs;
}

/// <summary>
/// The names of a school's people register keyed by their first word, built once per register
/// instance (cached weakly: a new register object, e.g. after an import, gets a new index).
/// </summary>
public sealed class RegisterNameIndex
{
    private static readonly ConditionalWeakTable<PeopleRegister, RegisterNameIndex> Cache = [];

    private readonly Dictionary<string, List<RegisterNamePart>> _byFirstWord = new(StringComparer.OrdinalIgnoreCase);

    private RegisterNameIndex(PeopleRegister register)
    {
        foreach (var person in register.People.Where(p => p.Active))
        {
            Add(person, NamePartKind.First, person.FirstName);
            Add(person, NamePartKind.KnownAs, person.KnownAs);
            Add(person, NamePartKind.Last, person.LastName);
        }
        foreach (var list in _byFirstWord.Values)
        {
            // Longest first; pupils before staff so that a shared first name is treated as a child's.
            list.Sort((a, b) => b.Words.Count != a.Words.Count ? b.Words.Count.CompareTo(a.Words.Count) : a.Person.Kind.CompareTo(b.Person.Kind));
        }
    }

    public static RegisterNameIndex For(PeopleRegister register) => Cache.GetValue(register, r => new RegisterNameIndex(r));

    /// <summary>Register names whose words start at token <paramref name="index"/>, longest first.</summary>
    public IEnumerable<RegisterNamePart> At(TextDocument document, int index)
    {
        var token = document.Tokens[index];
        if (!_byFirstWord.TryGetValue(token.Text, out var parts) && !_byFirstWord.TryGetValue(token.Stem, out parts))
        {
            yield break;
        }
        foreach (var part in parts)
        {
            if (Matches(document, index, part.Words))
            {
                yield return part;
            }
        }
    }

    /// <summary>Cheap test before <see cref="At"/>: does any register name start with this word?</summary>
    public bool StartsAny(Token token) => _byFirstWord.ContainsKey(token.Text) || _byFirstWord.ContainsKey(token.Stem);

    private void Add(Person person, NamePartKind kind, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }
        var words = TextDocument.Parse(name).Tokens.Select(t => t.Text.ToLowerInvariant()).ToList();
        if (words.Count == 0 || words[0].Length < 2)
        {
            return;
        }
        if (!_byFirstWord.TryGetValue(words[0], out var list))
        {
            _byFirstWord[words[0]] = list = [];
        }
        if (!list.Exists(p => p.Person.Id == person.Id && p.Kind == kind))
        {
            list.Add(new RegisterNamePart(person, kind, words));
        }
    }

    private static bool Matches(TextDocument document, int index, IReadOnlyList<string> words)
    {
        for (var k = 0; k < words.Count; k++)
        {
            var token = document.At(index + k);
            if (token is null)
            {
                return false;
            }
            var last = k == words.Count - 1;
            var same = string.Equals(token.Text, words[k], StringComparison.OrdinalIgnoreCase)
                || (last && string.Equals(token.Stem, words[k], StringComparison.OrdinalIgnoreCase));
            if (!same || (k > 0 && !(token.JoinedBySpace || token.JoinedByHyphen)))
            {
                return false;
            }
        }
        return true;
    }
}
