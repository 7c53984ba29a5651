using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Tests.Faces;

public sealed class MergingTests
{
    private static FaceDetection Face(double x, double y, double size, double score) =>
        new(new FaceBox(x, y, size, size), Enumerable.Repeat(new FacePoint(x + (size / 2), y + (size / 2)), 6).ToArray(), score);

    [Fact]
    public void Overlapping_detections_merge_into_their_score_weighted_average()
    {
        var merged = WeightedNonMaximumSuppression.Merge([Face(100, 100, 50, 0.9), Face(110, 100, 50, 0.3)]);

        var face = Assert.Single(merged);
        Assert.Equal(0.9, face.Score);
        Assert.Equal(102.5, face.Box.X, 6);
    }

    [Fact]
    public void A_lone_last_detection_is_kept()
    {
        var merged = WeightedNonMaximumSuppression.Merge([Face(100, 100, 50, 0.9), Face(105, 100, 50, 0.8), Face(400, 400, 30, 0.55)]);

        Assert.Equal(2, merged.Count);
        Assert.Contains(merged, f => f.Box.X == 400 && f.Score == 0.55);
    }

    [Fact]
    public void A_single_detection_survives_merging()
    {
        Assert.Single(WeightedNonMaximumSuppression.Merge([Face(1, 2, 3, 0.7)]));
    }

    [Fact]
    public void Separate_faces_stay_separate()
    {
        Assert.Equal(3, WeightedNonMaximumSuppression.Merge([Face(0, 0, 40, 0.9), Face(60, 0, 40, 0.9), Face(120, 0, 40, 0.9)]).Count);
    }
}
