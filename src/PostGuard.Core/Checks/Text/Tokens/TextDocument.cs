using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace PostGuard.Core.Checks.Text.Tokens;

/// <summary>
/// A draft's text split into words, numbers and sentences in one linear pass. Every text check
/// reads this instead of running its own open-ended regular expressions over the raw text, so
/// scanning stays linear in the length of the text whatever the input (100 KB, emoji, RTL marks).
/// </summary>
public sealed class TextDocument
{
    private static readonly HashSet<string> AbbreviationsBeforeFullStop = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "st", "rev", "revd", "prof", "no", "vs", "v", "e.g", "i.e", "etc", "approx", "dept",
    };

    /// <summary>Every check of one draft reads the same text instance: it is split once.</summary>
    private static readonly ConditionalWeakTable<string, TextDocument> Parsed = [];

    private readonly ConcurrentDictionary<object, object> _memo = new();

    private TextDocument(string text, IReadOnlyList<Token> tokens)
    {
        Text = text;
        Tokens = tokens;
    }

    /// <summary>The parsed document for this text, shared by all checks of a draft.</summary>
    public static TextDocument For(string? text) => text is null ? Parse(text) : Parsed.GetValue(text, Parse);

    /// <summary>A result computed once per document and key (e.g. the names found with one register).</summary>
    public T Memo<T>(object key, Func<TextDocument, T> compute) where T : class =>
        (T)_memo.GetOrAdd(key, static (_, state) => state.compute(state.document), (compute, document: this));

    public string Text { get; }
    public IReadOnlyList<Token> Tokens { get; }

    public Token? At(int index) => index >= 0 && index < Tokens.Count ? Tokens[index] : null;

    /// <summary>The first token starting at or after a character offset (binary search), or null.</summary>
    public Token? TokenAtOrAfter(int offset)
    {
        int low = 0, high = Tokens.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (Tokens[middle].Start >= offset)
            {
                found = middle;
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }
        return found >= 0 ? Tokens[found] : null;
    }

    /// <summary>The token's stem in lower case, or "" outside the text.</summary>
    public string LowerAt(int index) => At(index)?.Stem.ToLowerInvariant() ?? "";

    public bool IsWordAt(int index, string word) => At(index)?.Is(word) == true;

    /// <summary>True when the words before <paramref name="index"/> are exactly <paramref name="words"/> (same sentence).</summary>
    public bool Preceded(int index, params string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            var token = At(index - words.Length + k);
            if (token is null || !token.Is(words[k]) || token.Sentence != Tokens[index].Sentence)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when the words after <paramref name="index"/> are exactly <paramref name="words"/> (same sentence).</summary>
    public bool Followed(int index, params string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            var token = At(index + 1 + k);
            if (token is null || !token.Is(words[k]) || token.Sentence != Tokens[index].Sentence)
            {
                return false;
            }
        }
        return true;
    }

    private int[]? _sentenceStarts;

    /// <summary>The tokens of sentence number <paramref name="sentence"/> (<see cref="Token.Sentence"/>), through an index built once per document.</summary>
    public IEnumerable<Token> TokensOfSentence(int sentence)
    {
        var starts = _sentenceStarts ??= IndexSentences();
        if (sentence < 0 || sentence + 1 >= starts.Length)
        {
            yield break;
        }
        for (var i = starts[sentence]; i < starts[sentence + 1]; i++)
        {
            yield return Tokens[i];
        }
    }

    /// <summary>Where each sentence's tokens start (tokens come in sentence order); one past the last for the end.</summary>
    private int[] IndexSentences()
    {
        var count = Tokens.Count == 0 ? 0 : Tokens[^1].Sentence + 1;
        var starts = new int[count + 1];
        var token = 0;
        for (var sentence = 0; sentence <= count; sentence++)
        {
            while (token < Tokens.Count && Tokens[token].Sentence < sentence)
            {
                token++;
            }
            starts[sentence] = token;
        }
        return starts;
    }

    public IEnumerable<Token> SentenceOf(int index)
    {
        var sentence = Tokens[index].Sentence;
        var first = index;
        while (first > 0 && Tokens[first - 1].Sentence == sentence)
        {
            first--;
        }
        for (var i = first; i < Tokens.Count && Tokens[i].Sentence == sentence; i++)
        {
            yield return Tokens[i];
        }
    }

    public static TextDocument Parse(string? text)
    {
        text ??= "";
        var tokens = new List<Token>(Math.Min(text.Length / 4 + 1, 100_000));
        var sentence = 0;
        var sentenceStart = true;
        var previousEnd = 0;
        var word = new StringBuilder(32);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }
            var gap = text[previousEnd..i];
            // "9:00", "15:30": the colon inside a time neither ends a sentence nor starts one.
            var insideTime = gap == ":" && tokens.Count > 0 && char.IsAsciiDigit(tokens[^1].Text[^1]) && char.IsAsciiDigit(text[i]);
            if (tokens.Count > 0 && !insideTime && EndsSentence(gap, tokens[^1]))
            {
                sentence++;
                sentenceStart = true;
            }
            var start = i;
            word.Clear();
            var stemLength = -1;
            while (i < text.Length && (IsWordChar(text, i) || IsInnerApostrophe(text, i) || IsInnerFormat(text, i)))
            {
                var c = text[i];
                if (c is '\'' or '’')
                {
                    if (stemLength < 0 && IsPossessiveEnding(text, i))
                    {
                        stemLength = i - start;
                    }
                    word.Append('\'');
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
                {
                    word.Append(c);
                }
                i++;
            }
            // "Jones' Farm" (a possessive after s): a trailing apostrophe before a space ends the stem and belongs to the
            // token. Before punctuation it is more often a closing quote ("the ‘Giants’.").
            if (i + 1 < text.Length && text[i] is '\'' or '’' && char.IsWhiteSpace(text[i + 1]) && stemLength < 0 && word.Length > 1 && word[^1] is 's' or 'S')
            {
                stemLength = i - start;
                word.Append('\'');
                i++;
            }
            var tokenText = word.ToString();
            var stem = stemLength >= 0 ? StemOf(tokenText) : tokenText;
            tokens.Add(new Token
            {
                Index = tokens.Count,
                Start = start,
                Length = i - start,
                Text = tokenText,
                Stem = stem.Length > 0 ? stem : tokenText,
                StemLength = stemLength >= 0 ? stemLength : i - start,
                Sentence = sentence,
                SentenceStart = sentenceStart || !insideTime && StartsAfterSymbol(gap),
                Gap = gap,
                Word = tokenText.Contains('’', StringComparison.Ordinal) ? tokenText.Replace('’', '\'') : tokenText,
            });
            sentenceStart = false;
            previousEnd = i;
        }
        return new TextDocument(text, tokens);
    }

    private static string StemOf(string tokenText)
    {
        var apostrophe = tokenText.IndexOf('\'', StringComparison.Ordinal);
        return apostrophe > 0 ? tokenText[..apostrophe] : tokenText;
    }

    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        // Letters outside the basic plane (surrogate pairs) are letters too; emoji are not.
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return char.IsLetter(text, i);
        }
        if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))
        {
            return char.IsLetter(text, i - 1);
        }
        return false;
    }

    private static bool IsInnerApostrophe(string text, int i) =>
        text[i] is '\'' or '’' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]);

    /// <summary>Invisible format characters (RTL marks, zero-width joiners, soft hyphens) inside a word do not split it.</summary>
    private static bool IsInnerFormat(string text, int i) =>
        CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.Format && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    private static bool IsPossessiveEnding(string text, int i) =>
        i + 1 < text.Length && text[i + 1] is 's' or 'S' && (i + 2 >= text.Length || !char.IsLetter(text[i + 2]));

    private static bool EndsSentence(string gap, Token previous)
    {
        foreach (var c in gap)
        {
            if (c is '\n' or '\r' or '!' or '?' or '•' or '|')
            {
                return true;
            }
        }
        var stop = gap.IndexOf('.', StringComparison.Ordinal);
        // "9.30" and "e.g." have no space after the full stop: not a sentence end.
        if (stop >= 0 && stop + 1 < gap.Length && (char.IsWhiteSpace(gap[stop + 1]) || gap[(stop + 1)..].Any(c => c is '"' or '”' or ')')))
        {
            // "Mrs. Patel", "J. Smith": the full stop after a title or an initial does not end the sentence.
            return !(stop == 0 && (AbbreviationsBeforeFullStop.Contains(previous.Text) || (previous.Text.Length == 1 && char.IsUpper(previous.Text[0]))));
        }
        return StartsAfterSymbol(gap);
    }

    /// <summary>Emoji and other symbols start a new thought: "Great day 🎉 Amazing effort".</summary>
    private static bool StartsAfterSymbol(string gap)
    {
        for (var i = 0; i < gap.Length; i++)
        {
            var category = char.GetUnicodeCategory(gap, i);
            if (category is UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate || gap[i] is '•' or '*' or '#' or ':' or ';')
            {
                return true;
            }
        }
        return false;
    }
}
