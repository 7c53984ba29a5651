using System.Globalization;
using System.Runtime.CompilerServices;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --write-redaction-photos DIR</c>
/// writes the redaction benchmarks' photos as JPEG q90 (DIR/closeup-16mp.jpg, DIR/group-4mp.jpg, …) for timing
/// <c>check --redact-out</c> on them, and prints how many faces each holds and how many the detector finds.
/// It hooks in before BenchmarkSwitcher through a module initializer (Program.cs is shared), then exits.
/// </summary>
internal static class RedactionPhotosCommand
{
    public const string Switch = "--write-redaction-photos";

#pragma warning disable CA2255 // An executable's own module initializer: the cleanest hook that leaves the shared Program.cs alone.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunWhenAsked()
    {
        var args = Environment.GetCommandLineArgs();
        var at = Array.IndexOf(args, Switch);
        if (at < 0)
        {
            return;
        }
        if (at + 1 >= args.Length)
        {
            Console.Error.WriteLine($"{Switch} DIR: the directory to write the photos to is missing.");
            Environment.Exit(2);
        }
        Environment.Exit(Run(args[at + 1]));
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
