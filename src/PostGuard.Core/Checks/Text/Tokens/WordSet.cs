namespace PostGuard.Core.Checks.Text.Tokens;

/// <summary>A case-insensitive set of words written as one space-separated literal, for readable word lists.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _words;

    public WordSet(string spaceSeparated)
        : this(spaceSeparated.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
    {
    }

    public WordSet(IEnumerable<string> words)
    {
        _words = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _words.Count;

    public bool Contains(string? word) => word is not null && _words.Contains(word);

    public bool Contains(Token? token) => token is not null && (_words.Contains(token.Stem) || _words.Contains(token.Text));

    public IEnumerable<string> Words => _words;
}
