using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Review;

/// <summary>
/// What a redacted version covers besides faces: every line of words in the photo that gave a finding (a pupil's name on a
/// certificate, a phone number on a sign), whole and grown by a third of its height, so the words cannot be read and no
/// letter's tail is left. Lines nothing was found in stay as they are ("Star of the Week").
/// </summary>
public static class WordsToCover
{
    public const double Margin = 1.0 / 3;

    public static IReadOnlyList<RegionBox> In(ImageReport report, IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(findings);
        var boxes = findings
            .Where(f => f.Evidence is JsonObject e && (string?)e["source"] == "photo-text" && e["image"]?.GetValue<int>() == report.Index && e["box"] is JsonObject)
            .Select(f => f.Evidence!["box"]!)
            .Select(b => new RegionBox(b["x"]!.GetValue<int>(), b["y"]!.GetValue<int>(), b["width"]!.GetValue<int>(), b["height"]!.GetValue<int>()))
            .ToList();
        var cover = new List<RegionBox>();
        foreach (var box in boxes)
        {
            var lines = report.TextLines.Where(l => Overlaps(l.Box, box)).Select(l => l.Box).DefaultIfEmpty(box);
            cover.AddRange(lines.Select(l => Grow(l, report.Width, report.Height)));
        }
        return [.. cover.Distinct()];
    }

    private static bool Overlaps(RegionBox a, RegionBox b) => Math.Min(a.Right, b.Right) > Math.Max(a.X, b.X) && Math.Min(a.Bottom, b.Bottom) > Math.Max(a.Y, b.Y);

    private static RegionBox Grow(RegionBox box, int width, int height)
    {
        var margin = (int)Math.Ceiling(box.Height * Margin);
        var x0 = Math.Max(0, box.X - margin);
        var y0 = Math.Max(0, box.Y - margin);
        var x1 = width > 0 ? Math.Min(width, box.Right + margin) : box.Right + margin;
        var y1 = height > 0 ? Math.Min(height, box.Bottom + margin) : box.Bottom + margin;
        return new RegionBox(x0, y0, x1 - x0, y1 - y0);
    }
}
