using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Faces;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// The redaction benchmarks' photos, made from the fetched face-api photos and their labels with PostGuard's own
/// codecs, so every run redacts the same pixels: 4:3 frames of 1, 4 and 16 MP.
/// </summary>
internal static class RedactionBenchmarkImages
{
    /// <summary>The face of sample1 the close-up is made from (its labelled box).</summary>
    private static readonly FaceBox CloseUpFace = new(415, 405, 195, 195);

    /// <summary>The face's share of the close-up's height.</summary>
    private const double CloseUpFaceHeight = 0.6;

    public static (int Width, int Height) FrameOf(int megapixels) => megapixels switch
    {
        1 => (1155, 866),
        4 => (2309, 1732),
        16 => (4619, 3464),
        _ => throw new ArgumentOutOfRangeException(nameof(megapixels), megapixels, "1, 4 or 16"),
    };

    /// <summary>The scene at the given size, with the labelled face boxes moved along.</summary>
    public static (RgbImage Image, IReadOnlyList<FaceBox> Faces) Build(AssetDirectory assets, RedactionScene scene, int megapixels)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var (width, height) = FrameOf(megapixels);
        var labelsDirectory = Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels");
        var decoder = new ImageDecoder();
        var photos = Enumerable.Range(1, 6).Select(n =>
        {
            var labels = LabelledImage.Load(Path.Combine(labelsDirectory, $"sample{n}.json"));
            return (Photo: decoder.Decode(File.ReadAllBytes(assets.PathOf(labels.Image))).Pixels, labels.Faces);
        }).ToList();
        if (scene == RedactionScene.Group)
        {
            var grid = megapixels switch { 1 => 2, 4 => 3, _ => 4 };
            var (mosaic, faces) = PhotoMosaic.Build(photos, grid, grid, width, height);
            return (mosaic, faces);
        }
        return CloseUp(photos[0].Photo, width, height);
    }

    /// <summary>A 4:3 crop of sample1 centred on one face, enlarged (bilinear) to width × height.</summary>
    private static (RgbImage, IReadOnlyList<FaceBox>) CloseUp(RgbImage photo, int width, int height)
    {
        var cropHeight = (int)Math.Round(CloseUpFace.Height / CloseUpFaceHeight);
        var cropWidth = (int)Math.Round(cropHeight * (double)width / height);
        var x0 = (int)Math.Round(CloseUpFace.CenterX - (cropWidth / 2.0));
        var y0 = (int)Math.Round(CloseUpFace.CenterY - (cropHeight / 2.0));
        var crop = new RgbImage(cropWidth, cropHeight);
        ImageResizer.Paste(photo, crop, -x0, -y0);
        var scale = (double)height / cropHeight;
        var face = new FaceBox((CloseUpFace.X - x0) * scale, (CloseUpFace.Y - y0) * scale, CloseUpFace.Width * scale, CloseUpFace.Height * scale);
        return (ImageResizer.Resize(crop, width, height), [face]);
    }
}
