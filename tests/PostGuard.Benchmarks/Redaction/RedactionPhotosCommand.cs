using System.Globalization;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --write-redaction-photos DIR</c>
/// writes the redaction benchmarks' photos as JPEG q90 (DIR/closeup-16mp.jpg, DIR/group-4mp.jpg, …) for timing
/// <c>check --redact-out</c> on them, and prints how many faces each holds and how many the detector finds.
/// Program.cs runs it instead of BenchmarkDotNet when its switch is given.
/// </summary>
internal static class RedactionPhotosCommand
{
    public const string Switch = "--write-redaction-photos";

    public static int FromCommandLine(CommandArguments args)
    {
        if (args.Positional(1) is not { } directory)
        {
            Console.Error.WriteLine($"{Switch} DIR: the directory to write the photos to is missing.");
            return 2;
        }
        return Run(directory);
    }

    public static int Run(string directory)
    {
        Directory.CreateDirectory(directory);
        var assets = AssetDirectory.Locate();
        using var inspector = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        foreach (var scene in Enum.GetValues<RedactionScene>())
        {
            foreach (var megapixels in new[] { 1, 4, 16 })
            {
                var (image, faces) = RedactionBenchmarkImages.Build(assets, scene, megapixels);
                var jpeg = JpegCodec.Encode(image, 90);
                var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{scene.ToString().ToLowerInvariant()}-{megapixels}mp.jpg"));
                File.WriteAllBytes(path, jpeg);
                var found = inspector.Inspect(jpeg).Faces.Count(d => d.Score >= 0.6 && faces.Any(f => f.IntersectionOverUnion(d.Box) >= 0.4));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path}: {image.Width}×{image.Height}, {faces.Count} labelled face(s) of {faces.Min(f => f.Width):F0}–{faces.Max(f => f.Width):F0} px, {found} found at 0.6"));
            }
        }
        return 0;
    }
}
