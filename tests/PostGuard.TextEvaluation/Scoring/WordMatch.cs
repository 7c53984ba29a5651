using PostGuard.Core.Checks.Images;
using PostGuard.TextEvaluation.Rendering;

namespace PostGuard.TextEvaluation.Scoring;

/// <summary>When a labelled word counts as read, and when a finding counts as being about it.</summary>
public static class WordMatch
{
    /// <summary>Case and surrounding punctuation ignored: "Amelia," reads as "amelia".</summary>
    public static string Normalise(string word) => word.Trim().Trim('.', ',', ':', ';', '!', '?', '"', '\'', '(', ')', '-').ToLowerInvariant();

    public static bool Overlaps(RegionBox a, PostGuard.Vision.TextRecognition.TextBox b) =>
        Math.Min(a.Right, b.Right) > Math.Max(a.X, b.X) && Math.Min(a.Bottom, b.Bottom) > Math.Max(a.Y, b.Y);

    /// <summary>Read: some word read where it is, exactly this word.</summary>
    public static bool IsRead(LabelledWord truth, IEnumerable<TextWordReport> read) =>
        read.Any(w => Normalise(w.Text) == Normalise(truth.Text) && Overlaps(w.Box, truth.Box));

    /// <summary>Flagged: a finding of <paramref name="rules"/> whose box covers part of the word.</summary>
    public static bool IsFlagged(LabelledWord truth, IEnumerable<Core.Findings.Finding> findings, params string[] rules) =>
        findings.Any(f => rules.Contains(f.Rule) && BoxOf(f) is { } box && Overlaps(box, truth.Box));

    /// <summary>The box a photo-text finding gives, or null.</summary>
    public static RegionBox? BoxOf(Core.Findings.Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Evidence?["box"] is System.Text.Json.Nodes.JsonObject box
            ? new RegionBox(box["x"]!.GetValue<int>(), box["y"]!.GetValue<int>(), box["width"]!.GetValue<int>(), box["height"]!.GetValue<int>())
            : null;
    }
}
