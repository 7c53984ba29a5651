namespace PostGuard.Vision.TextRecognition;

/// <summary>The text lines a photo's search found (rotated rectangles in displayed pixels), before they are read.</summary>
public sealed record FoundText(IReadOnlyList<TextQuad> Lines, int RecognitionLineHeight)
{
    /// <summary>The finer copy of the photo decoded while searching (small words glimpsed), if any: recognition may read from it.</summary>
    public PhotoTextReader.Pixels? Finer { get; init; }
}
