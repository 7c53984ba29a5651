using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Evaluation;

/// <summary>
/// The face-detection evaluation: the labelled photos as they are, 12-MP mosaics of them (2×2 … 5×5 grids:
/// smaller and smaller faces, JPEG-encoded and inspected through the whole pipeline), and every photo under
/// photos/no-people (false faces). Used by the evaluation test and the benchmarks' console mode.
/// </summary>
public static class FaceEvaluation
{
    public const string PeopleLessFolder = "photos/no-people";

    public static IReadOnlyList<EvaluatedImage> Run(ImageInspector inspector, AssetDirectory assets, string labelsDirectory, IEnumerable<int>? mosaicGrids = null)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        ArgumentNullException.ThrowIfNull(assets);
        var results = new List<EvaluatedImage>();
        var labelled = new List<(RgbImage Photo, IReadOnlyList<FaceBox> Faces)>();
        var decoder = new ImageDecoder();
        foreach (var file in Directory.GetFiles(labelsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var labels = LabelledImage.Load(file);
            var bytes = File.ReadAllBytes(assets.PathOf(labels.Image));
            var inspection = inspector.Inspect(bytes);
            if (inspection.Width != labels.Width || inspection.Height != labels.Height)
            {
                throw new InvalidDataException($"{file}: labelled as {labels.Width}×{labels.Height} but the image is {inspection.Width}×{inspection.Height} as displayed.");
            }
            results.Add(new EvaluatedImage(Path.GetFileName(labels.Image), inspection.Width, labels.Faces, inspection.Faces));
            labelled.Add((decoder.Decode(bytes).Pixels, labels.Faces));
        }
        foreach (var grid in mosaicGrids ?? [2, 3, 4, 5])
        {
            var (image, faces) = PhotoMosaic.Build(labelled, grid, grid, 4000, 3000);
            var inspection = inspector.Inspect(JpegCodec.Encode(image, 90));
            results.Add(new EvaluatedImage($"mosaic {grid}x{grid} (4000x3000)", inspection.Width, faces, inspection.Faces));
        }
        var peopleLess = Path.Combine(assets.Root, PeopleLessFolder);
        if (Directory.Exists(peopleLess))
        {
            foreach (var file in Directory.GetFiles(peopleLess).Order(StringComparer.Ordinal))
            {
                var inspection = inspector.Inspect(File.ReadAllBytes(file));
                results.Add(new EvaluatedImage(Path.GetFileName(file), inspection.Width, [], inspection.Faces));
            }
        }
        return results;
    }
}
