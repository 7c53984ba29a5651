namespace PostGuard.Core.Checks.Text.Tokens;

/// <summary>A case-insensitive set of words written as one space-separated literal, for readable word lists.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _words;

    /// <summary>The words in lower case, looked up by a token's cached <see cref="Token.Lower"/> with an ordinal hash (the hot path).</summary>
    private readonly HashSet<string> _lower;

    public WordSet(string spaceSeparated)
        : this(spaceSeparated.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
    {
    }

    public WordSet(IEnumerable<string> words)
    {
        _words = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        _lower = new HashSet<string>(_words.Select(w => w.ToLowerInvariant()), StringComparer.Ordinal);
    }

    public int Count => _words.Count;

    public bool Contains(string? word) => word is not null && _words.Contains(word);

    /// <summary>The token's stem ("Mary" of "Mary's"), or its whole text when it is a possessive ("St Mary's" lists "mary's").</summary>
    public bool Contains(Token? token) => token is not null && (_lower.Contains(token.Lower) || token.IsPossessive && _words.Contains(token.Text));

    public IEnumerable<string> Words => _words;
}
