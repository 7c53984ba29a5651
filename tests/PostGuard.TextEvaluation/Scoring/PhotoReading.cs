using PostGuard.Core.Checks.Images;
using PostGuard.TextEvaluation.Rendering;

namespace PostGuard.TextEvaluation.Scoring;

/// <summary>What one reader (PostGuard or Tesseract) read in one photo, its findings through the text checks, and how long the reading took.</summary>
public sealed record PhotoReading(string Photo, IReadOnlyList<LabelledWord> Truth, bool HasWords, IReadOnlyList<TextLineReport> Lines, IReadOnlyList<Core.Findings.Finding> Findings, double Milliseconds, int Width)
{
    /// <summary>Every word read, with its box.</summary>
    public IEnumerable<TextWordReport> Words => Lines.SelectMany(l => l.Words);
}
