using System.Diagnostics;
using System.Globalization;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Redaction;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --redaction-cpu-time [rounds]</c>
/// times <see cref="LegacyFaceRedactor"/> <b>once</b> per photo (a single shot: it takes minutes of CPU at 16 MP) and
/// the running-sum redactor over <c>rounds</c> rounds (median and range), as process CPU time beside wall time, on
/// the benchmarks' photos. On a machine shared with other builds CPU time moves far less than wall time (a
/// descheduled thread burns none). The cheap photos go first and the 16-MP close-up's baseline last; each line is
/// printed as soon as it is measured. Run by Program.cs when its switch is given, like
/// <see cref="RedactionPhotosCommand"/>.
/// </summary>
internal static class RedactionCpuTimeCommand
{
    public const string Switch = "--redaction-cpu-time";

    public static int FromCommandLine(CommandArguments args) => Run(args.Int(1, 9) is > 0 and var rounds ? rounds : 9);

    public static int Run(int rounds)
    {
        var assets = AssetDirectory.Locate();
        var cases = new[] { (RedactionScene.Group, 1), (RedactionScene.Group, 4), (RedactionScene.Group, 16), (RedactionScene.CloseUp, 1), (RedactionScene.CloseUp, 4), (RedactionScene.CloseUp, 16) };
        Console.WriteLine("| photo | before (once): CPU | wall | now: CPU ms/op, median (range) | wall ms/op, median |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (scene, megapixels) in cases)
        {
            var (image, faces) = RedactionBenchmarkImages.Build(assets, scene, megapixels);
            var margin = ImageInspector.DefaultRedactionMargin;

            // Running-sum redactor: a warm-up, then rounds of enough operations to take a measurable time.
            FaceRedactor.Redact(image, faces, margin);
            var perRound = Math.Max(1, 8 / megapixels);
            var cpu = new List<double>();
            var wall = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var (c, w) = Measure(() =>
                {
                    for (var i = 0; i < perRound; i++)
                    {
                        FaceRedactor.Redact(image, faces, margin);
                    }
                });
                cpu.Add(c / perRound);
                wall.Add(w / perRound);
            }
            cpu.Sort();
            wall.Sort();

            // The baseline on a fresh copy of the same photo, once.
            (image, faces) = RedactionBenchmarkImages.Build(assets, scene, megapixels);
            var (legacyCpu, legacyWall) = Measure(() => LegacyFaceRedactor.Redact(image, faces, margin));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {scene} {megapixels} MP, {faces.Count} face(s) | {Seconds(legacyCpu)} | {Seconds(legacyWall)} | {cpu[cpu.Count / 2]:0.0} ({cpu[0]:0.0}–{cpu[^1]:0.0}) | {wall[wall.Count / 2]:0.0} |"));
        }
        return 0;
    }

    /// <summary>Process CPU time and wall time of one call, in milliseconds.</summary>
    private static (double CpuMs, double WallMs) Measure(Action work)
    {
        using var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var wallStart = Stopwatch.GetTimestamp();
        work();
        var wallMs = Stopwatch.GetElapsedTime(wallStart).TotalMilliseconds;
        process.Refresh();
        return ((process.TotalProcessorTime - cpuStart).TotalMilliseconds, wallMs);
    }

    private static string Seconds(double ms) =>
        ms >= 60_000 ? string.Create(CultureInfo.InvariantCulture, $"{ms / 60_000:0.00} min") : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s");
}
