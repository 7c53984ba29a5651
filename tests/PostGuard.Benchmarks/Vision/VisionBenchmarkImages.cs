using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Evaluation;

namespace PostGuard.Benchmarks.Vision;

/// <summary>The benchmark photos, made from the fetched face-api photos with PostGuard's own codecs.</summary>
internal static class VisionBenchmarkImages
{
    /// <summary>sample1 enlarged to 4240×2827 (12.0 MP), three faces, JPEG q90.</summary>
    public static byte[] TwelveMegapixelPhoto(AssetDirectory assets)
    {
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(assets.PathOf("photos/face-api/sample1.jpg"))).Pixels;
        return JpegCodec.Encode(ImageResizer.Resize(photo, 4240, 2827), 90);
    }

    /// <summary>
    /// The other five face-api photos (sample2–sample6: people, no words), each enlarged to about 12 MP keeping its shape, JPEG q90:
    /// what reading words costs on photos without words beyond the one benchmark photo.
    /// </summary>
    public static IReadOnlyList<byte[]> OtherTwelveMegapixelPhotos(AssetDirectory assets)
    {
        var decoder = new ImageDecoder();
        return [.. Enumerable.Range(2, 5).Select(i =>
        {
            var photo = decoder.Decode(File.ReadAllBytes(assets.PathOf($"photos/face-api/sample{i}.jpg"))).Pixels;
            var factor = Math.Sqrt(12_000_000.0 / ((double)photo.Width * photo.Height));
            return JpegCodec.Encode(ImageResizer.Resize(photo, (int)Math.Round(photo.Width * factor), (int)Math.Round(photo.Height * factor)), 90);
        })];
    }

    /// <summary>A 4000×3000 (12 MP) mosaic of the six photos in a 4×4 grid: 60 small faces (about 23–40 px at 1080), JPEG q90.</summary>
    public static byte[] TwelveMegapixelGroup(AssetDirectory assets)
    {
        var decoder = new ImageDecoder();
        var photos = Enumerable.Range(1, 6)
            .Select(i => (decoder.Decode(File.ReadAllBytes(assets.PathOf($"photos/face-api/sample{i}.jpg"))).Pixels, (IReadOnlyList<PostGuard.Vision.Faces.FaceBox>)[]))
            .ToList();
        return JpegCodec.Encode(PhotoMosaic.Build(photos, 4, 4, 4000, 3000).Image, 90);
    }

    /// <summary>sample1 at 1080×720, as a social network would show it, JPEG q90.</summary>
    public static byte[] Photo1080(AssetDirectory assets)
    {
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(assets.PathOf("photos/face-api/sample1.jpg"))).Pixels;
        return JpegCodec.Encode(ImageResizer.Resize(photo, 1080, 720), 90);
    }
}
