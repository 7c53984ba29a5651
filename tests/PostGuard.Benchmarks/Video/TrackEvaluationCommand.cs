using System.Runtime.CompilerServices;
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
        var sustain = at + 1 < args.Length && double.TryParse(args[at + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1;
        Environment.Exit(Run(sustain));
    }

    /// <summary>Synchronous: it runs inside this assembly's module initializer (see <see cref="ClipMeasureCommand.Run"/>).</summary>
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
