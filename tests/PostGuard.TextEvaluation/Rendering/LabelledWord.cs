using PostGuard.Vision.TextRecognition;

namespace PostGuard.TextEvaluation.Rendering;

/// <summary>What a drawn word is, for scoring: a pupil's name, a phone number's part, an e-mail address, a place, or other words.</summary>
public enum WordRole
{
    Other,
    Name,
    Phone,
    Email,
    Place,
}

/// <summary>
/// A word drawn into a scene: its text, its role, the upright box around it in the final image's pixels, and its
/// font size there (pixels; the letters' cap height is about 0.7 of it).
/// </summary>
public sealed record LabelledWord(string Text, WordRole Role, TextBox Box, double FontPixels);
