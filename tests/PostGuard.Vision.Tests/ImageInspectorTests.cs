using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using Microsoft.ML.OnnxRuntime;
using PostGuard.Vision.Onnx;

namespace PostGuard.Vision.Tests;

[Collection(VisionCollection.Name)]
public sealed class ImageInspectorTests(VisionFixture vision)
{
    [Fact]
    public void Missing_model_asset_fails_at_startup_naming_the_fetcher()
    {
        var options = new VisionOptions { AssetsRoot = vision.Assets.Root, BackModel = "blazeface/not-there.onnx" };

        var error = Assert.Throws<FileNotFoundException>(() => new ImageInspector(options));

        Assert.Contains("models/fetch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_model_asset_fails_at_startup_with_the_ORT_code()
    {
        var root = Directory.CreateTempSubdirectory("postguard-models-");
        try
        {
            File.WriteAllText(Path.Combine(root.FullName, "assets.tsv"), "# test");
            var garbage = Path.Combine(root.FullName, "garbage.onnx");
            File.WriteAllBytes(garbage, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
            var options = new VisionOptions
            {
                AssetsRoot = root.FullName,
                BackModel = garbage,
                UseFrontModel = false,
            };

            var error = Assert.Throws<OnnxRuntimeException>(() => new ImageInspector(options));

            // ONNX Runtime keeps its code internal but leads the message with it.
        Assert.StartsWith("[ErrorCode:InvalidProtobuf]", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Face_boxes_are_in_full_resolution_pixels_even_when_decoded_smaller()
    {
        var inspection = vision.Inspector.Inspect(vision.Sample(2));

        Assert.Equal((1920, 1367), (inspection.Width, inspection.Height));
        Assert.All(inspection.Faces, f => Assert.True(f.Box.Right <= 1920 && f.Box.Bottom <= 1367));
        Assert.Contains(inspection.Faces, f => f.Box.X > 1400 && f.Box.Width > 150);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(4000, 10)]
    [InlineData(10, 4000)]
    [InlineData(97, 61)]
    public void Tiny_and_extreme_aspect_images_are_inspected_without_error(int width, int height)
    {
        var image = new RgbImage(width, height);
        new Random(width + height).NextBytes(image.Pixels);

        var inspection = vision.Inspector.Inspect(JpegCodec.Encode(image, 80));

        Assert.Equal((width, height), (inspection.Width, inspection.Height));
        Assert.DoesNotContain(inspection.Faces, f => f.Score >= 0.6);
    }

    [Theory]
    [InlineData(10, 4000)]
    [InlineData(20000, 100)]
    [InlineData(4000, 3000)]
    public void Work_per_image_is_bounded_by_the_tile_limit(int width, int height)
    {
        using var model = new BlazeFaceModel(new OnnxSessionFactory().Create(vision.Assets.PathOf("blazeface/face_detection_back_256x256.onnx")));
        var detector = new FaceDetector(model, null);

        var tiles = detector.PlanTiles(width, height);

        Assert.InRange(tiles.Count, 1, detector.Options.MaxTiles);
        Assert.All(tiles, t => Assert.True(t.Side >= 16));
    }
}
