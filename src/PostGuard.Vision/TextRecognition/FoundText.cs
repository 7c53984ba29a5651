namespace PostGuard.Vision.TextRecognition;

/// <summary>The text lines a photo's search found (rotated rectangles in displayed pixels), before they are read.</summary>
public sealed record FoundText(IReadOnlyList<TextQuad> Lines, int RecognitionLineHeight)
{
    /// <summary>
    /// The finer copy decoded while searching (small words glimpsed), if any: of the part of the photo where they were glimpsed and
    /// where lines found are too small to read in the first copy; recognition reads the lines it shows from it.
    /// </summary>
    public PhotoTextReader.Pixels? Finer { get; init; }
}
