namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// A part of the photo where small words are likely (the chest below a face, for a name badge), in displayed
/// pixels, and the height such words would have there: the reader searches it at a scale that makes them legible.
/// </summary>
public sealed record CloserLook(TextBox Window, double TextHeight);
