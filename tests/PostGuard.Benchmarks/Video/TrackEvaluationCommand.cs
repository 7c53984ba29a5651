using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Video;

namespace PostGuard.Benchmarks.Video;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --evaluate-tracks [sustain-seconds]</c>
/// makes the evaluation clips with ffmpeg (kept under the temporary directory), analyses them and prints track recall,
/// fragments, merged tracks and false tracks (on the clips without people), at the default policy (24 px @ 1080, 0.6)
/// and the given <see cref="VideoOptions.SustainedFaceSeconds"/> (default 1; 0 judges every analysed frame like a photo).
/// </summary>
internal static class TrackEvaluationCommand
{
    public const string Switch = "--evaluate-tracks";

    public static int FromCommandLine(CommandArguments args) => Run(args.Double(1, 1));

    public static int Run(double sustainSeconds)
    {
        var assets = AssetDirectory.Locate();
        var labelsDirectory = Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels");
        using var faces = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        var inspector = new ClipInspector(faces, new VideoOptions { SustainedFaceSeconds = sustainSeconds });
        var scripts = TrackEvaluation.LabelledScripts(assets, labelsDirectory).Concat(TrackEvaluation.PeopleLessScripts(assets));
        var report = TrackEvaluation.RunAsync(inspector, scripts, Path.Combine(Path.GetTempPath(), "postguard-evaluation-clips"), TrackEvaluation.DefaultRule)
            .GetAwaiter().GetResult();
        Console.WriteLine(report);
        return 0;
    }
}
