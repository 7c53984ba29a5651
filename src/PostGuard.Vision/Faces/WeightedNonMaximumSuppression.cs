namespace PostGuard.Vision.Faces;

/// <summary>
/// MediaPipe's weighted non-maximum suppression: the best remaining detection absorbs every detection
/// overlapping it by IoU ≥ the threshold; the merged box and keypoints are the score-weighted average,
/// the score is the best one's. Every detection ends in exactly one output, including a lone last one.
/// </summary>
public static class WeightedNonMaximumSuppression
{
    public const double DefaultIouThreshold = 0.3;

    public static List<FaceDetection> Merge(IEnumerable<FaceDetection> detections, double iouThreshold = DefaultIouThreshold)
    {
        ArgumentNullException.ThrowIfNull(detections);
        var remaining = detections.OrderByDescending(d => d.Score).ToList();
        var merged = new List<FaceDetection>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var group = new List<FaceDetection>();
            var rest = new List<FaceDetection>(remaining.Count);
            foreach (var d in remaining)
            {
                (d.Box.IntersectionOverUnion(best.Box) >= iouThreshold || ReferenceEquals(d, best) ? group : rest).Add(d);
            }
            merged.Add(Average(group, best.Score));
            remaining = rest;
        }
        return merged;
    }

    private static FaceDetection Average(List<FaceDetection> group, double score)
    {
        if (group.Count == 1)
        {
            return group[0];
        }
        double total = 0, x = 0, y = 0, r = 0, b = 0;
        var keypointCount = group.Min(d => d.Keypoints.Count);
        var kx = new double[keypointCount];
        var ky = new double[keypointCount];
        foreach (var d in group)
        {
            var s = d.Score;
            total += s;
            x += d.Box.X * s;
            y += d.Box.Y * s;
            r += d.Box.Right * s;
            b += d.Box.Bottom * s;
            for (var k = 0; k < keypointCount; k++)
            {
                kx[k] += d.Keypoints[k].X * s;
                ky[k] += d.Keypoints[k].Y * s;
            }
        }
        var box = new FaceBox(x / total, y / total, (r - x) / total, (b - y) / total);
        var keypoints = Enumerable.Range(0, keypointCount).Select(k => new FacePoint(kx[k] / total, ky[k] / total)).ToArray();
        return new FaceDetection(box, keypoints, score);
    }
}
