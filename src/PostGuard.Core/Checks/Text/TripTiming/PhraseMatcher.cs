using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>Word sequences ("on our way home") matched case-insensitively within one sentence.</summary>
public sealed class PhraseMatcher
{
    private readonly string[][] _phrases;
    private readonly HashSet<string> _starts;

    public PhraseMatcher(params string[] phrases)
    {
        _phrases = [.. phrases.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).OrderByDescending(p => p.Length)];
        _starts = new HashSet<string>(_phrases.Select(p => p[0]), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The phrase starting at token <paramref name="i"/>, if any; <paramref name="last"/> is its last token.</summary>
    public bool MatchAt(TextDocument document, int i, out int last)
    {
        last = i;
        var first = document.Tokens[i];
        if (!_starts.Contains(first.Word))
        {
            return false;
        }
        foreach (var phrase in _phrases)
        {
            var ok = true;
            for (var k = 0; k < phrase.Length && ok; k++)
            {
                var token = document.At(i + k);
                ok = token is not null && token.Sentence == first.Sentence
                    && (phrase[k] == "*" || string.Equals(token.Word, phrase[k], StringComparison.OrdinalIgnoreCase));
            }
            if (ok)
            {
                last = i + phrase.Length - 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>Every match in the document as (first token, last token).</summary>
    public IEnumerable<(int First, int Last)> Matches(TextDocument document)
    {
        for (var i = 0; i < document.Tokens.Count; i++)
        {
            if (MatchAt(document, i, out var last))
            {
                yield return (i, last);
                i = last;
            }
        }
    }
}
