namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// Greedy CTC decoding of the recogniser's per-column class probabilities: the most likely class per column,
/// repeats collapsed, blanks (class 0) dropped. Keeps the column of each character, so words can be placed.
/// </summary>
public static class CtcDecoder
{
    /// <summary>One decoded character: its text, the output column it was read at, and its probability.</summary>
    public readonly record struct DecodedCharacter(string Text, int Column, float Probability);

    /// <param name="probabilities">[columns, classes] row by row, for one line.</param>
    public static List<DecodedCharacter> Decode(ReadOnlySpan<float> probabilities, int columns, int classes, RecognitionAlphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(alphabet);
        if (classes != alphabet.ClassCount)
        {
            throw new ArgumentException($"the recogniser has {classes} classes but the alphabet {alphabet.ClassCount}", nameof(classes));
        }
        var result = new List<DecodedCharacter>();
        var previous = -1;
        for (var t = 0; t < columns; t++)
        {
            var row = probabilities.Slice(t * classes, classes);
            var best = 0;
            var bestValue = row[0];
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > bestValue)
                {
                    bestValue = row[c];
                    best = c;
                }
            }
            if (best != 0 && best != previous)
            {
                result.Add(new DecodedCharacter(alphabet[best], t, bestValue));
            }
            previous = best;
        }
        return result;
    }
}
