using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

/// <summary>Chosen tracks are hidden through the whole clip; the redacted copy is re-checked by inspecting it again.</summary>
[Collection(VisionCollection.Name)]
public sealed class ClipRedactionTests(VisionFixture vision)
{
    private static readonly Dictionary<string, string> Tags = new() { ["location"] = "+51.5072-000.1276/", ["creation_time"] = "2026-06-12T10:15:00Z" };

    private ClipInspector Inspector() => new(vision.Inspector, TestClips.Options());

    [Fact]
    public async Task Redacting_every_track_leaves_no_face_to_find_and_no_metadata()
    {
        var source = await TestClips.Write(TestClips.Still("redact-all", seconds: 1.5, width: 640, height: 360), "redact-all.mp4", tags: Tags);
        var before = await Inspector().InspectAsync(source);
        var faces = before.Tracks.Where(t => t.IsIdentifiable(Evaluation.TrackEvaluation.DefaultRule, before.Width, 1)).ToList();
        Assert.True(faces.Count >= 3, $"{faces.Count} identifiable tracks before redaction");
        var redacted = Path.Combine(TestClips.Directory, "redact-all-redacted.mp4");

        await new ClipWriter(TestClips.Options()).WriteRedactedAsync(source, before.Tracks, redacted);

        var after = await Inspector().InspectAsync(redacted);
        Assert.DoesNotContain(after.Tracks, t => t.Faces.Any(f => faces.Any(b => b.Faces.Any(g => g.Box.IntersectionOverUnion(f.Box) > 0.2))));
        ClipMetadataTests.AssertNoMetadata(redacted);
        Assert.False(after.HasGps);
        Assert.Equal(before.Header.DurationSeconds, after.Header.DurationSeconds, 1);
        Assert.Equal(["aac"], after.Header.AudioCodecs);
        Assert.Equal("h264", after.Header.VideoCodec);
    }

    [Fact]
    public async Task Redacting_one_track_hides_that_face_in_every_frame_and_leaves_the_others()
    {
        var source = await TestClips.Write(TestClips.Still("redact-one", seconds: 1.5, width: 640, height: 360), "redact-one.mp4");
        var before = await Inspector().InspectAsync(source);
        var identifiable = before.Tracks.Where(t => t.IsIdentifiable(Evaluation.TrackEvaluation.DefaultRule, before.Width, 1)).ToList();
        var middle = identifiable.OrderBy(t => Math.Abs(t.Best.Box.CenterX - (before.Width / 2.0))).First();
        var redacted = Path.Combine(TestClips.Directory, "redact-one-redacted.mp4");

        await new ClipWriter(TestClips.Options()).WriteRedactedAsync(source, [middle], redacted);

        var after = await Inspector().InspectAsync(redacted);
        Assert.DoesNotContain(after.Tracks, t => t.Faces.Any(f => f.Box.IntersectionOverUnion(middle.Best.Box) > 0.2));
        foreach (var other in identifiable.Where(t => t != middle))
        {
            Assert.Contains(after.Tracks, t => t.Faces.Count == after.FramesAnalysed && t.Best.Box.IntersectionOverUnion(other.Best.Box) > 0.5);
        }
        // Every frame was hidden, not only the analysed ones: the pixels under the face differ from the source in each frame.
        var digests = (TestClips.PictureDigest(source), TestClips.PictureDigest(redacted));
        Assert.NotEqual(digests.Item1, digests.Item2);
        var frames = Convert.ToInt32(TestClips.Probe(redacted).GetProperty("streams")[0].GetProperty("nb_frames").GetString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(before.Header.FrameRate * before.Header.VideoDurationSeconds, frames, 1.0);
    }
}
