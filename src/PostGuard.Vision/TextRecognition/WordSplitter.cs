namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// Splits a recognised line into words. The recogniser (trained mostly on Chinese, which has no spaces) often
/// leaves out the space between English words, so a space is also read from where the characters were seen:
/// a gap between two characters much wider than the line's usual step is a space, and so is a moderately wide gap
/// where letters meet digits ("Tel07700") or a lower-case letter meets a capital ("MrsPatel").
/// </summary>
public static class WordSplitter
{
    /// <summary>A gap this many times the median step between characters is a space.</summary>
    public const double WideGap = 2.3;

    /// <summary>Where letters meet digits or lower case meets a capital, a gap this many times the median is enough.</summary>
    public const double TransitionGap = 1.3;

    public static List<IReadOnlyList<CtcDecoder.DecodedCharacter>> Split(IReadOnlyList<CtcDecoder.DecodedCharacter> characters)
    {
        ArgumentNullException.ThrowIfNull(characters);
        var steps = new List<int>();
        for (var i = 1; i < characters.Count; i++)
        {
            if (!IsSpace(characters[i]) && !IsSpace(characters[i - 1]))
            {
                steps.Add(characters[i].Column - characters[i - 1].Column);
            }
        }
        steps.Sort();
        var median = steps.Count == 0 ? 0 : steps[steps.Count / 2];
        var words = new List<IReadOnlyList<CtcDecoder.DecodedCharacter>>();
        var current = new List<CtcDecoder.DecodedCharacter>();
        for (var i = 0; i < characters.Count; i++)
        {
            var c = characters[i];
            if (IsSpace(c))
            {
                Flush(words, ref current);
                continue;
            }
            if (current.Count > 0 && median > 0)
            {
                var previous = current[^1];
                var columns = c.Column - previous.Column;
                var gap = (double)columns / median;
                // A capital on its own before lower case ("W hitfield") starts a word: wide letters leave wide gaps.
                var initial = current.Count == 1 && char.IsUpper(previous.Text[0]) && char.IsLower(c.Text[0]);
                if (!initial && ((gap >= WideGap && columns >= median + 2) || (gap >= TransitionGap && columns >= median + 1 && IsTransition(previous.Text, c.Text))))
                {
                    Flush(words, ref current);
                }
            }
            current.Add(c);
        }
        Flush(words, ref current);
        return words;
    }

    private static bool IsSpace(CtcDecoder.DecodedCharacter c) => string.IsNullOrWhiteSpace(c.Text);

    private static bool IsTransition(string left, string right)
    {
        if (left.Length == 0 || right.Length == 0)
        {
            return false;
        }
        var (a, b) = (left[^1], right[0]);
        return (char.IsLetter(a) && char.IsDigit(b)) || (char.IsDigit(a) && char.IsLetter(b)) || (char.IsLower(a) && char.IsUpper(b));
    }

    private static void Flush(List<IReadOnlyList<CtcDecoder.DecodedCharacter>> words, ref List<CtcDecoder.DecodedCharacter> current)
    {
        if (current.Count > 0)
        {
            words.Add(current);
            current = [];
        }
    }
}
