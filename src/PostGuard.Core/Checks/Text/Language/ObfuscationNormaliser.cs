using System.Globalization;
using System.Text;

namespace PostGuard.Core.Checks.Text.Language;

/// <summary>A word as written (with its span) and its normalised forms for matching.</summary>
public sealed record NormalisedWord(int Start, int Length, string Normalised, string Squeezed, bool HasMask);

/// <summary>
/// Undoes common obfuscation before matching offensive terms: case, accents, leetspeak
/// (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s), repeated letters ("idiooooot"), masks ("f*ck"),
/// and letters spelled out with spaces or dots ("f u c k", "f.u.c.k"). Linear in the text length.
/// </summary>
public static class ObfuscationNormaliser
{
    public static IReadOnlyList<NormalisedWord> Words(string text)
    {
        var raw = new List<(int Start, int Length)>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || IsInner(text, i)))
            {
                i++;
            }
            // Trailing "!" or "$" belong to the sentence, not the word ("idiot!").
            var end = i;
            while (end > start && text[end - 1] is '!' or '$' or '@' or '*' && !(end - 1 > start && char.IsLetter(text[end - 2]) && text[end - 1] == '*'))
            {
                end--;
            }
            if (end > start)
            {
                raw.Add((start, end - start));
            }
        }

        var words = new List<NormalisedWord>(raw.Count);
        for (var k = 0; k < raw.Count; k++)
        {
            // "f u c k", "f.u.c.k": single characters separated by a space, dot, dash or underscore.
            if (raw[k].Length == 1 && k + 2 < raw.Count)
            {
                var last = k;
                while (last + 1 < raw.Count && raw[last + 1].Length == 1 && raw[last + 1].Start - (raw[last].Start + 1) <= 2
                       && text.AsSpan(raw[last].Start + 1, raw[last + 1].Start - raw[last].Start - 1).IndexOfAnyExcept(" .-_") < 0)
                {
                    last++;
                }
                if (last - k >= 2)
                {
                    var start = raw[k].Start;
                    var length = raw[last].Start + 1 - start;
                    var joined = new StringBuilder();
                    for (var m = k; m <= last; m++)
                    {
                        joined.Append(text[raw[m].Start]);
                    }
                    words.Add(Normalise(joined.ToString(), start, length));
                    k = last;
                    continue;
                }
            }
            words.Add(Normalise(text.Substring(raw[k].Start, raw[k].Length), raw[k].Start, raw[k].Length));
        }
        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$' or '*' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static bool IsInner(string text, int i) =>
        (text[i] is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.Format || text[i] == '!')
        && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && i > 0 && char.IsLetterOrDigit(text[i - 1]);

    private static NormalisedWord Normalise(string word, int start, int length)
    {
        var decomposed = word.All(char.IsAscii) ? word : word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var hasMask = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format)
            {
                continue;
            }
            var mapped = char.ToLowerInvariant(c) switch
            {
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '4' or '@' => 'a',
                '5' or '$' => 's',
                '7' => 't',
                '’' => '\'',
                var other => other,
            };
            if (mapped == '*')
            {
                hasMask = true;
            }
            builder.Append(mapped);
        }
        var normalised = builder.ToString();
        return new NormalisedWord(start, length, normalised, Squeeze(normalised), hasMask);
    }

    /// <summary>Collapses repeated letters to one: "fuuuuck" → "fuck", "idiooot" → "idiot".</summary>
    public static string Squeeze(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
