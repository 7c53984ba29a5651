using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Evaluation;

namespace PostGuard.Benchmarks.Vision;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --evaluate-faces [labels-dir]</c>
/// scores the detector against tests/PostGuard.Vision.Tests/Labels, 12-MP mosaics and the people-less photos,
/// printing recall/precision per face-size bucket at the detection floor (0.5) and the default policy score (0.6).
/// Program.cs runs it instead of BenchmarkDotNet when its switch is given.
/// </summary>
internal static class FaceEvaluationCommand
{
    public const string Switch = "--evaluate-faces";

    public static int FromCommandLine(CommandArguments args) => Run(args.Positional(1));

    public static int Run(string? labelsDirectory)
    {
        var assets = AssetDirectory.Locate();
        labelsDirectory ??= Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels");
        using var inspector = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        var results = FaceEvaluation.Run(inspector, assets, labelsDirectory);
        Console.WriteLine($"Evaluated {results.Count} images ({results.Count(r => r.Truth.Count > 0)} with labelled faces, {results.Count(r => r.Truth.Count == 0)} without people).");
        foreach (var score in new[] { inspector.Options.MinDetectionScore, 0.6 })
        {
            Console.WriteLine();
            Console.WriteLine(DetectionScorer.Score(results, score));
        }
        return 0;
    }
}
