using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Metadata;

namespace PostGuard.Vision.Tests.Redaction;

[Collection(VisionCollection.Name)]
public sealed class RedactionTests(VisionFixture vision)
{
    [Fact]
    public void Redacted_faces_are_destroyed_the_rest_is_unchanged_and_no_metadata_remains()
    {
        var original = vision.Sample(1);
        var faces = vision.Inspector.Inspect(original).Faces.Where(f => f.Score >= 0.6).Select(f => f.Box).ToList();
        Assert.Equal(3, faces.Count);

        var redacted = vision.Inspector.Redact(original, faces, margin: 0.15);

        var before = new ImageDecoder().Decode(original).Pixels;
        var after = new ImageDecoder().Decode(redacted);
        Assert.Equal((before.Width, before.Height), (after.DisplayWidth, after.DisplayHeight));
        foreach (var face in faces)
        {
            // Inside the face: the detail (local contrast) is gone and the pixels differ strongly.
            Assert.True(RegionDifference(before, after.Pixels, face) > 15, "the face region barely changed");
            Assert.True(Detail(after.Pixels, face) < Detail(before, face) / 4, "face detail survived");
        }
        var background = new FaceBox(1000, 900, 400, 300);
        Assert.True(RegionDifference(before, after.Pixels, background) < 3, "pixels outside the faces changed beyond JPEG tolerance");
        Assert.Equal(PhotoMetadata.None, after.Metadata);
        Assert.DoesNotContain(Codecs.DecodingTests.Markers(redacted), m => m is 0xE1 or 0xE2 or 0xED);
    }

    [Fact]
    public void Detector_no_longer_finds_redacted_faces()
    {
        var original = vision.Sample(5);
        var faces = vision.Inspector.Inspect(original).Faces.Where(f => f.Score >= 0.6).ToList();
        Assert.True(faces.Count >= 5);

        var redacted = vision.Inspector.Redact(original, faces.Select(f => f.Box), margin: 0.3);

        var again = vision.Inspector.Inspect(redacted).Faces;
        var refound = again.Where(d => d.Score >= 0.5 && faces.Any(f => d.Box.IntersectionOverUnion(f.Box) >= 0.3)).ToList();
        Assert.True(refound.Count == 0, string.Join("; ", refound.Select(d => $"{d.Box} {d.Score:F2}")));
    }

    [Fact]
    public void Redacting_no_faces_still_strips_gps_and_exif()
    {
        var original = vision.Sample(2);
        Assert.True(vision.Inspector.Inspect(original).HasGps);

        var cleaned = vision.Inspector.Redact(original, []);

        var inspection = vision.Inspector.Inspect(cleaned);
        Assert.False(inspection.HasGps);
        Assert.Null(inspection.CapturedAt);
        Assert.DoesNotContain(Codecs.DecodingTests.Markers(cleaned), m => m == 0xE1);
    }

    private static double RegionDifference(RgbImage a, RgbImage b, FaceBox box)
    {
        long sum = 0;
        var n = 0;
        for (var y = (int)box.Y; y < (int)box.Bottom; y++)
        {
            for (var x = (int)box.X; x < (int)box.Right; x++)
            {
                var i = ((y * a.Width) + x) * 3;
                sum += Math.Abs(a.Pixels[i] - b.Pixels[i]) + Math.Abs(a.Pixels[i + 1] - b.Pixels[i + 1]) + Math.Abs(a.Pixels[i + 2] - b.Pixels[i + 2]);
                n += 3;
            }
        }
        return (double)sum / n;
    }

    /// <summary>Mean absolute difference between horizontal neighbours (green): high for eyes, mouth, hair; low when smeared.</summary>
    private static double Detail(RgbImage image, FaceBox box)
    {
        long sum = 0;
        var n = 0;
        for (var y = (int)box.Y; y < (int)box.Bottom; y++)
        {
            for (var x = (int)box.X; x < (int)box.Right - 1; x++)
            {
                var i = ((y * image.Width) + x) * 3;
                sum += Math.Abs(image.Pixels[i + 1] - image.Pixels[i + 4]);
                n++;
            }
        }
        return (double)sum / n;
    }
}
