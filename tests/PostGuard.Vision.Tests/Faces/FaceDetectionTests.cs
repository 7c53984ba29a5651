using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Tests.Faces;

[Collection(VisionCollection.Name)]
public sealed class FaceDetectionTests(VisionFixture vision)
{
    public static TheoryData<int> Samples => new() { 1, 2, 3, 4, 5, 6 };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_labelled_face_in_a_group_photo_is_found_with_a_policy_score(int sample)
    {
        var labels = LabelledImage.Load(Path.Combine(VisionFixture.LabelsDirectory, $"sample{sample}.json"));

        var inspection = vision.Inspector.Inspect(vision.Sample(sample));

        Assert.Equal((labels.Width, labels.Height), (inspection.Width, inspection.Height));
        foreach (var face in labels.Faces)
        {
            Assert.Contains(inspection.Faces, d => d.Score >= 0.6 && d.Box.IntersectionOverUnion(face) >= 0.4);
        }
    }

    [Fact]
    public void Detections_carry_six_keypoints_inside_or_near_their_box()
    {
        var inspection = vision.Inspector.Inspect(vision.Sample(6));

        Assert.NotEmpty(inspection.Faces);
        foreach (var face in inspection.Faces.Where(f => f.Score >= 0.8))
        {
            Assert.Equal(6, face.Keypoints.Count);
            var grown = face.Box.Expand(0.5, inspection.Width, inspection.Height);
            Assert.All(face.Keypoints, k => Assert.True(k.X >= grown.X && k.X <= grown.Right && k.Y >= grown.Y && k.Y <= grown.Bottom));
            // The eyes (keypoints 0 and 1) are above the mouth (keypoint 3) in an upright photo.
            Assert.True(face.Keypoints[3].Y > Math.Max(face.Keypoints[0].Y, face.Keypoints[1].Y));
        }
    }

    [Fact]
    public void Faces_in_an_exif_rotated_photo_are_found_in_displayed_coordinates()
    {
        var upright = vision.Inspector.Inspect(VisionFixture.TestFile("sample1-640.png")).Faces.Where(f => f.Score >= 0.6).ToList();

        var rotated = vision.Inspector.Inspect(VisionFixture.TestFile("sample1-640-orientation6.jpg")).Faces.Where(f => f.Score >= 0.6).ToList();

        Assert.Equal(3, upright.Count);
        Assert.Equal(upright.Count, rotated.Count);
        Assert.All(upright, u => Assert.Contains(rotated, r => r.Box.IntersectionOverUnion(u.Box) >= 0.5));
    }

    [Fact]
    public void Inspecting_from_several_threads_gives_the_same_faces()
    {
        var bytes = vision.Sample(5);
        var expected = vision.Inspector.Inspect(bytes).Faces;

        var results = new IReadOnlyList<FaceDetection>[6];
        Parallel.For(0, results.Length, i => results[i] = vision.Inspector.Inspect(bytes).Faces);

        Assert.All(results, r => Assert.Equal(expected.Select(f => (f.Box, f.Score)), r.Select(f => (f.Box, f.Score))));
    }

    [Fact]
    public void Cancellation_stops_inspection()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => vision.Inspector.Inspect(vision.Sample(1), cancelled.Token));
    }

    [Fact]
    public void Evaluation_meets_the_recall_and_false_positive_targets()
    {
        var results = FaceEvaluation.Run(vision.Inspector, vision.Assets, VisionFixture.LabelsDirectory);

        var atPolicyScore = DetectionScorer.Score(results, 0.6);
        var atFloor = DetectionScorer.Score(results, vision.Inspector.Options.MinDetectionScore);

        Console.WriteLine(atFloor);
        Console.WriteLine(atPolicyScore);
        Assert.True(atPolicyScore.IdentifiableLabelled >= 100, "the evaluation lost its labelled faces");
        Assert.True(atPolicyScore.PeopleLessImages >= 10, "the evaluation lost its people-less photos");
        Assert.True(atPolicyScore.IdentifiableRecall >= 0.95, atPolicyScore.ToString());
        Assert.True(atPolicyScore.FalseFacesPerPeopleLessImage <= 0.1, atPolicyScore.ToString());
        Assert.True(atFloor.IdentifiableRecall >= atPolicyScore.IdentifiableRecall);
    }
}
