namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// Turns the text detector's probability map into text-line rectangles, the post-processing of
/// Differentiable Binarization (DB) detectors: threshold the map, take each 8-connected region, fit the
/// smallest rotated rectangle around it, keep it when the map's mean inside reaches the box score, and
/// grow it back out ("unclip": the detector is trained on shrunk text, by the distance area × ratio / perimeter).
/// The work is linear in the map size, and at most <see cref="Settings.MaxRegions"/> regions are returned.
/// </summary>
public static class TextRegionFinder
{
    /// <param name="PixelThreshold">A map value above this is text (PaddleOCR: 0.3).</param>
    /// <param name="BoxThreshold">The mean map value inside a region's rectangle must reach this (PaddleOCR: 0.6).</param>
    /// <param name="UnclipRatio">How far the shrunk region is grown back (PaddleOCR: 1.5).</param>
    /// <param name="MinSide">Rectangles with a shorter side (map pixels) are dropped (PaddleOCR: 3).</param>
    /// <param name="MaxRegions">Most regions returned, the highest-scoring first.</param>
    public sealed record Settings(double PixelThreshold = 0.3, double BoxThreshold = 0.6, double UnclipRatio = 1.5, double MinSide = 3, int MaxRegions = 200);

    /// <summary>A found region: its rectangle in map pixels (corners ordered as PaddleOCR orders them) and its mean score.</summary>
    public sealed record Region(TextQuad Quad, double Score);

    /// <summary>The text lines found, and the upright box (map pixels) of every above-threshold area, kept as a line or not.</summary>
    public sealed record Result(List<Region> Regions, List<TextBox> Active);

    public static Result Find(ReadOnlySpan<float> map, int width, int height, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (map.Length < width * height)
        {
            throw new ArgumentException($"map has {map.Length} values, {width}×{height} needs {width * height}", nameof(map));
        }
        var threshold = (float)settings.PixelThreshold;
        var label = new int[width * height];
        var stack = new Stack<int>();
        var regions = new List<Region>();
        var active = new List<TextBox>();
        var rowMin = new int[height];
        var rowMax = new int[height];
        var next = 0;
        for (var start = 0; start < width * height; start++)
        {
            if (label[start] != 0 || map[start] <= threshold)
            {
                continue;
            }
            next++;
            var (top, bottom, count) = Flood(map, width, height, threshold, start, next, label, stack, rowMin, rowMax);
            if (count >= 2)
            {
                var left = int.MaxValue;
                var right = int.MinValue;
                for (var r = top; r <= bottom; r++)
                {
                    left = Math.Min(left, rowMin[r]);
                    right = Math.Max(right, rowMax[r]);
                }
                active.Add(new TextBox(left, top, right - left + 1, bottom - top + 1));
            }
            if (count < 4 || bottom - top + 1 < settings.MinSide)
            {
                continue;
            }
            var hull = Geometry.ConvexHull(RowExtremes(top, bottom, rowMin, rowMax));
            if (hull.Count < 3)
            {
                continue;
            }
            var rect = Geometry.MinimumAreaRectangle(hull);
            if (Math.Min(rect.Width, rect.Height) < settings.MinSide)
            {
                continue;
            }
            var score = MeanInside(map, width, height, rect.Corners);
            if (score < settings.BoxThreshold)
            {
                continue;
            }
            var distance = rect.Width * rect.Height * settings.UnclipRatio / (2 * (rect.Width + rect.Height));
            var grown = rect.Grow(distance);
            if (Math.Min(grown.Width, grown.Height) < settings.MinSide + 2)
            {
                continue;
            }
            regions.Add(new Region(grown.ToQuad(), score));
        }
        return new Result([.. regions.OrderByDescending(r => r.Score).Take(settings.MaxRegions)], active);
    }

    /// <summary>Labels one 8-connected region of above-threshold pixels and records each row's leftmost and rightmost pixel.</summary>
    private static (int Top, int Bottom, int Count) Flood(ReadOnlySpan<float> map, int width, int height, float threshold, int start, int id, int[] label, Stack<int> stack, int[] rowMin, int[] rowMax)
    {
        var top = start / width;
        var bottom = top;
        rowMin[top] = int.MaxValue;
        rowMax[top] = int.MinValue;
        var count = 0;
        label[start] = id;
        stack.Push(start);
        while (stack.Count > 0)
        {
            var p = stack.Pop();
            var y = p / width;
            var x = p - (y * width);
            count++;
            if (y < top || y > bottom)
            {
                for (var r = Math.Min(y, top); r <= Math.Max(y, bottom); r++)
                {
                    if (r < top || r > bottom)
                    {
                        rowMin[r] = int.MaxValue;
                        rowMax[r] = int.MinValue;
                    }
                }
                top = Math.Min(top, y);
                bottom = Math.Max(bottom, y);
            }
            rowMin[y] = Math.Min(rowMin[y], x);
            rowMax[y] = Math.Max(rowMax[y], x);
            for (var dy = -1; dy <= 1; dy++)
            {
                var ny = y + dy;
                if (ny < 0 || ny >= height)
                {
                    continue;
                }
                for (var dx = -1; dx <= 1; dx++)
                {
                    var nx = x + dx;
                    if (nx < 0 || nx >= width || (dx == 0 && dy == 0))
                    {
                        continue;
                    }
                    var q = (ny * width) + nx;
                    if (label[q] == 0 && map[q] > threshold)
                    {
                        label[q] = id;
                        stack.Push(q);
                    }
                }
            }
        }
        return (top, bottom, count);
    }

    private static List<TextPoint> RowExtremes(int top, int bottom, int[] rowMin, int[] rowMax)
    {
        var points = new List<TextPoint>(2 * (bottom - top + 1));
        for (var y = top; y <= bottom; y++)
        {
            if (rowMin[y] <= rowMax[y])
            {
                points.Add(new TextPoint(rowMin[y], y));
                if (rowMax[y] != rowMin[y])
                {
                    points.Add(new TextPoint(rowMax[y], y));
                }
            }
        }
        return points;
    }

    /// <summary>The mean map value over the pixels whose centres lie inside the convex polygon (PaddleOCR's "fast" box score).</summary>
    private static double MeanInside(ReadOnlySpan<float> map, int width, int height, IReadOnlyList<TextPoint> polygon)
    {
        var x0 = Math.Clamp((int)Math.Floor(polygon.Min(p => p.X)), 0, width - 1);
        var x1 = Math.Clamp((int)Math.Ceiling(polygon.Max(p => p.X)), 0, width - 1);
        var y0 = Math.Clamp((int)Math.Floor(polygon.Min(p => p.Y)), 0, height - 1);
        var y1 = Math.Clamp((int)Math.Ceiling(polygon.Max(p => p.Y)), 0, height - 1);
        double sum = 0;
        var n = 0;
        for (var y = y0; y <= y1; y++)
        {
            for (var x = x0; x <= x1; x++)
            {
                if (Geometry.InsideConvex(polygon, x, y))
                {
                    sum += map[(y * width) + x];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
