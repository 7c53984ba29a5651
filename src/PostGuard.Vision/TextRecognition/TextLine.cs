namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// One line of words read in a photo: its text, the recogniser's confidence (mean probability of its
/// characters, 0–1), where it is (a rotated rectangle and the upright box around it) and each word's box.
/// Coordinates are pixels of the full-resolution image as displayed (after EXIF orientation).
/// </summary>
public sealed record TextLine(string Text, double Confidence, TextQuad Quad, TextBox Box, IReadOnlyList<TextWord> Words);

/// <summary>A word of a <see cref="TextLine"/> and the upright box around it, estimated from where the recogniser read its characters.</summary>
public sealed record TextWord(string Text, TextBox Box);
