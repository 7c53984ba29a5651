namespace PostGuard.Vision.TextRecognition;

/// <summary>The text lines a photo's search found (rotated rectangles in displayed pixels), before they are read.</summary>
public sealed record FoundText(IReadOnlyList<TextQuad> Lines, int RecognitionLineHeight)
{
    /// <summary>The finer copy of the photo decoded while searching (small words glimpsed), if any: recognition may read from it.</summary>
    public PhotoTextReader.Pixels? Finer { get; init; }

    /// <summary>
    /// The width of a copy in which the smallest line is <see cref="RecognitionLineHeight"/> pixels tall, when the copy at hand
    /// is too coarse for it; null when it will do (or nothing was found).
    /// </summary>
    public int? FinerWidth(PhotoTextReader.Pixels copy)
    {
        ArgumentNullException.ThrowIfNull(copy);
        if (Lines.Count == 0)
        {
            return null;
        }
        var smallest = Lines.Min(q => Math.Min(q.Height, q.Width)) * copy.Scale;
        if (smallest >= RecognitionLineHeight)
        {
            return null;
        }
        return (int)Math.Min(int.MaxValue / 4, Math.Ceiling(copy.Image.Width * RecognitionLineHeight / Math.Max(1, smallest)));
    }
}
