using System.Security.Cryptography;
using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Onnx;
using PostGuard.Vision.TextRecognition;
using Xunit.Abstractions;

namespace PostGuard.Vision.Tests.TextRecognition;

/// <summary>
/// The default text detector, <c>models/derived/ch_PP-OCRv4_det_hardswish.onnx</c>, is PaddleOCR's fp32 detector with each
/// HardSwish written out as x · clip(x + 3, 0, 6) / 6 fused into one operator (<c>models/derive/quantize-text-detector.py fuse</c>):
/// the same function, so on the same inputs it gives the same probability maps (to float rounding) and the same lines.
/// </summary>
[Collection(VisionCollection.Name)]
public sealed class FusedTextDetectorTests(VisionFixture vision, ITestOutputHelper output)
{
    private const string FusedSha256 = "5767bb2f5dcd66bc0d85c583eb3b28fa3a80de647884db0cbf3cd3beb0f24475";

    private readonly SceneRenderer _renderer = new(vision.Assets, VisionFixture.LabelsDirectory);

    [Fact]
    public void The_default_text_detector_is_the_checked_in_fused_one_models_derived_records()
    {
        Assert.Equal(VisionOptions.FusedTextDetector, new VisionOptions().TextDetectorModel);
        var path = vision.Assets.PathOf(VisionOptions.FusedTextDetector);
        Assert.Equal(FusedSha256, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Fact]
    public void The_fused_detector_gives_the_original_s_probability_maps_on_a_certificate_and_a_public_photo()
    {
        var sessions = new OnnxSessionFactory();
        using var original = new TextDetectorModel(sessions.Create(vision.Assets.PathOf(VisionOptions.OriginalTextDetector)));
        using var fused = new TextDetectorModel(sessions.Create(vision.Assets.PathOf(VisionOptions.FusedTextDetector)));
        var decoder = new ImageDecoder();
        var photos = new[]
        {
            ("certificate 101", decoder.Decode(_renderer.Render(SceneKind.Certificate, 101, heldOut: false).Jpeg).Pixels),
            ("sample2", decoder.Decode(vision.Sample(2)).Pixels),
        };
        foreach (var (name, image) in photos)
        {
            // As the reader feeds the detector: the whole photo at 512 px on its long side, and windows 256 × 256 at 1024 px.
            var whole = 512.0 / Math.Max(image.Width, image.Height);
            var fine = 2 * whole;
            var side = 256 / fine;
            var runs = new (double X, double Y, double W, double H, double Scale)[]
            {
                (0, 0, image.Width, image.Height, whole),
                (0, 0, side, side, fine),
                ((image.Width - side) / 2, (image.Height - side) / 2, side, side, fine),
                (image.Width - side, image.Height - side, side, side, fine),
            };
            foreach (var (x, y, w, h, scale) in runs)
            {
                var a = original.Run(image, x, y, w, h, scale);
                var b = fused.Run(image, x, y, w, h, scale);
                Assert.Equal(a.Values.Length, b.Values.Length);
                var max = 0.0;
                for (var i = 0; i < a.Values.Length; i++)
                {
                    max = Math.Max(max, Math.Abs(a.Values[i] - b.Values[i]));
                }
                output.WriteLine($"{name}, window ({x:F0}, {y:F0}) {w:F0} × {h:F0} at {scale:F4}: map {a.Width} × {a.Height}, max |difference| {max:E2}");
                Assert.True(max < 1e-4, $"{name}: the maps differ by {max}");
            }
        }
    }

    [Fact]
    public void The_fused_detector_reads_the_same_lines_as_the_original_on_a_certificate()
    {
        var scene = _renderer.Render(SceneKind.Certificate, 101, heldOut: false);
        using var original = new ImageInspector(new VisionOptions { AssetsRoot = vision.Assets.Root, TextDetectorModel = VisionOptions.OriginalTextDetector });
        var expected = original.Inspect(scene.Jpeg).TextLines;
        var read = vision.Inspector.Inspect(scene.Jpeg).TextLines;
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(l => l.Text), read.Select(l => l.Text));
        var words = read.SelectMany(l => l.Words).Select(w => w.Text.ToLowerInvariant()).ToHashSet();
        Assert.All(scene.NameWords, n => Assert.Contains(n.Text.ToLowerInvariant(), words));
    }
}
