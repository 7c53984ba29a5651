namespace PostGuard.Core.Checks.Images;

/// <summary>
/// The words read in one photo as a text the text checks can read: one line per line read (each its own sentence),
/// top to bottom, words joined by single spaces; and back from a span of that text to the words and their box.
/// </summary>
public sealed class PhotoText
{
    private readonly List<(int Start, int Length, int Line, TextWordReport Word)> _words = [];

    public PhotoText(IReadOnlyList<TextLineReport> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Lines = lines;
        var text = new System.Text.StringBuilder();
        for (var l = 0; l < lines.Count; l++)
        {
            if (l > 0)
            {
                text.Append('\n');
            }
            for (var w = 0; w < lines[l].Words.Count; w++)
            {
                if (w > 0)
                {
                    text.Append(' ');
                }
                var word = lines[l].Words[w];
                _words.Add((text.Length, word.Text.Length, l, word));
                text.Append(word.Text);
            }
        }
        Text = text.ToString();
    }

    public IReadOnlyList<TextLineReport> Lines { get; }

    public string Text { get; }

    /// <summary>The words a span of <see cref="Text"/> touches, the lines they are on and the box around them (null when it touches none).</summary>
    public (string Words, IReadOnlyList<int> Lines, RegionBox Box)? At(int start, int length)
    {
        var touched = _words.Where(w => w.Start < start + length && start < w.Start + w.Length).ToList();
        if (touched.Count == 0)
        {
            return null;
        }
        return (string.Join(' ', touched.Select(w => w.Word.Text)), [.. touched.Select(w => w.Line).Distinct()], RegionBox.Around(touched.Select(w => w.Word.Box)));
    }
}
