using System.Globalization;
using System.Text;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Evaluation;

/// <summary>One evaluated image: the labelled faces (empty for a photo without people) and what the detector reported.</summary>
public sealed record EvaluatedImage(string Name, int Width, IReadOnlyList<FaceBox> Truth, IReadOnlyList<FaceDetection> Detections);

/// <summary>Counts for one face-size bucket (size = face width scaled to the reference display width).</summary>
public sealed record BucketScore(string Bucket, int Labelled, int Found, int Detections, int TruePositives)
{
    public double Recall => Labelled == 0 ? double.NaN : (double)Found / Labelled;

    public double Precision => Detections == 0 ? double.NaN : (double)TruePositives / Detections;
}

/// <summary>Recall/precision overall and per size bucket, recall on identifiable faces, false faces per people-less photo.</summary>
public sealed record DetectionReport(
    double MinScore,
    IReadOnlyList<BucketScore> Buckets,
    BucketScore Overall,
    int IdentifiableLabelled,
    int IdentifiableFound,
    int PeopleLessImages,
    int FalseFacesOnPeopleLessImages,
    IReadOnlyList<string> Misses)
{
    public double IdentifiableRecall => IdentifiableLabelled == 0 ? double.NaN : (double)IdentifiableFound / IdentifiableLabelled;

    public double FalseFacesPerPeopleLessImage => PeopleLessImages == 0 ? double.NaN : (double)FalseFacesOnPeopleLessImages / PeopleLessImages;

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"score >= {MinScore:F2}, match IoU >= {DetectionScorer.MatchIou}");
        s.AppendLine("bucket (px @1080)   labelled  found  recall  detections  precision");
        foreach (var b in Buckets.Append(Overall))
        {
            s.AppendLine(c, $"{b.Bucket,-18} {b.Labelled,9} {b.Found,6} {b.Recall,7:F3} {b.Detections,11} {b.Precision,10:F3}");
        }
        s.AppendLine(c, $"identifiable faces (>= {DetectionScorer.IdentifiablePixels} px @1080): recall {IdentifiableRecall:F3} ({IdentifiableFound}/{IdentifiableLabelled})");
        s.AppendLine(c, $"people-less photos: {FalseFacesOnPeopleLessImages} false faces on {PeopleLessImages} photos = {FalseFacesPerPeopleLessImage:F3} per photo");
        foreach (var miss in Misses)
        {
            s.AppendLine(c, $"  missed: {miss}");
        }
        return s.ToString();
    }
}

/// <summary>Scores detections against labels: a label is found when a detection overlaps it with IoU ≥ 0.4 (greedy, one-to-one).</summary>
public static class DetectionScorer
{
    public const double MatchIou = 0.4;
    public const int ReferenceDisplayWidth = 1080;

    /// <summary>The default policy's identifiable size (24 px at the display width).</summary>
    public const int IdentifiablePixels = 24;

    private static readonly (string Name, double From, double To)[] SizeBuckets =
    [
        ("< 24", 0, 24),
        ("24-40", 24, 40),
        ("40-80", 40, 80),
        (">= 80", 80, double.PositiveInfinity),
    ];

    public static DetectionReport Score(IEnumerable<EvaluatedImage> images, double minScore)
    {
        ArgumentNullException.ThrowIfNull(images);
        var buckets = SizeBuckets.Select(b => new int[4]).ToArray(); // labelled, found, detections, true positives
        int identifiable = 0, identifiableFound = 0, peopleLess = 0, falseOnPeopleLess = 0;
        var misses = new List<string>();
        foreach (var image in images)
        {
            var scale = (double)Math.Min(ReferenceDisplayWidth, image.Width) / image.Width;
            var detections = image.Detections.Where(d => d.Score >= minScore).OrderByDescending(d => d.Score).ToList();
            if (image.Truth.Count == 0)
            {
                peopleLess++;
                falseOnPeopleLess += detections.Count;
            }
            var matched = new HashSet<int>();
            var detectionMatched = new bool[detections.Count];
            for (var di = 0; di < detections.Count; di++)
            {
                var best = -1;
                var bestIou = MatchIou;
                for (var ti = 0; ti < image.Truth.Count; ti++)
                {
                    var iou = detections[di].Box.IntersectionOverUnion(image.Truth[ti]);
                    if (!matched.Contains(ti) && iou >= bestIou)
                    {
                        best = ti;
                        bestIou = iou;
                    }
                }
                if (best >= 0)
                {
                    matched.Add(best);
                    detectionMatched[di] = true;
                }
            }
            for (var ti = 0; ti < image.Truth.Count; ti++)
            {
                var size = image.Truth[ti].Width * scale;
                var b = Bucket(size);
                buckets[b][0]++;
                var found = matched.Contains(ti);
                if (found)
                {
                    buckets[b][1]++;
                }
                if (size >= IdentifiablePixels)
                {
                    identifiable++;
                    identifiableFound += found ? 1 : 0;
                }
                if (!found)
                {
                    var t = image.Truth[ti];
                    misses.Add(string.Create(CultureInfo.InvariantCulture, $"{image.Name} [{t.X:F0}, {t.Y:F0}, {t.Width:F0}, {t.Height:F0}] ({size:F0} px @1080)"));
                }
            }
            for (var di = 0; di < detections.Count; di++)
            {
                var b = Bucket(detections[di].Box.Width * scale);
                buckets[b][2]++;
                buckets[b][3] += detectionMatched[di] ? 1 : 0;
            }
        }
        var scores = SizeBuckets.Select((b, i) => new BucketScore(b.Name, buckets[i][0], buckets[i][1], buckets[i][2], buckets[i][3])).ToList();
        var overall = new BucketScore("all", scores.Sum(s => s.Labelled), scores.Sum(s => s.Found), scores.Sum(s => s.Detections), scores.Sum(s => s.TruePositives));
        return new DetectionReport(minScore, scores, overall, identifiable, identifiableFound, peopleLess, falseOnPeopleLess, misses);
    }

    private static int Bucket(double size)
    {
        for (var i = 0; i < SizeBuckets.Length; i++)
        {
            if (size < SizeBuckets[i].To)
            {
                return i;
            }
        }
        return SizeBuckets.Length - 1;
    }
}
