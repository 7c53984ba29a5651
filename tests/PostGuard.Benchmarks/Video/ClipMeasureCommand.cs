using System.Diagnostics;
using System.Globalization;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Video;

namespace PostGuard.Benchmarks.Video;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --measure-clip [runs]</c> analyses the
/// 60-s 1080p benchmark clip (default 5 times after one warm-up) and prints, per run, the wall time, the CPU seconds of
/// this process and of ffmpeg, the managed allocations, and the peak resident memory of this process and of ffmpeg.
/// Wall time on two idle cores is at least (CPU seconds) / 2; the CPU seconds hold however busy the machine is.
/// </summary>
internal static class ClipMeasureCommand
{
    public const string Switch = "--measure-clip";

    public static int FromCommandLine(CommandArguments args) => Run(args.Int(1, 5));

    public static int Run(int runs)
    {
        var c = CultureInfo.InvariantCulture;
        var assets = AssetDirectory.Locate();
        var clip = BenchmarkClips.SixtySeconds1080p(assets);
        using var faces = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        var options = new VideoOptions();
        var inspector = new ClipInspector(faces, options);
        Console.WriteLine(string.Create(c, $"{clip}: {new FileInfo(clip).Length / 1e6:F1} MB; sampling every {options.SampleIntervalSeconds} s and at cuts, {options.DetectionThreads} detection threads, {Environment.ProcessorCount} cores"));
        Console.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine("run  wall s  self CPU s  ffmpeg CPU s  allocated MB  frames  tracks  load(1 min)");
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var before = ResourceUsage.Now();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var inspection = inspector.InspectAsync(clip).GetAwaiter().GetResult();
            watch.Stop();
            var after = ResourceUsage.Now();
            var self = (after.SelfCpu - before.SelfCpu).TotalSeconds;
            var tool = (after.ChildrenCpu - before.ChildrenCpu).TotalSeconds;
            var label = run == 0 ? "warm" : run.ToString(c);
            Console.WriteLine(string.Create(c,
                $"{label,-4} {watch.Elapsed.TotalSeconds,6:F1} {self,11:F1} {tool,13:F1} {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6,13:F0} {inspection.FramesAnalysed,7} {inspection.Tracks.Count,7}  {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            if (run > 0)
            {
                walls.Add(watch.Elapsed.TotalSeconds);
                cpus.Add(self + tool);
            }
        }
        var peak = ResourceUsage.Now();
        walls.Sort();
        cpus.Sort();
        Console.WriteLine(string.Create(c, $"wall: median {walls[walls.Count / 2]:F1} s (range {walls[0]:F1}-{walls[^1]:F1}); CPU (self + ffmpeg): median {cpus[cpus.Count / 2]:F1} s (range {cpus[0]:F1}-{cpus[^1]:F1})"));
        Console.WriteLine(string.Create(c, $"peak resident memory: this process {peak.SelfPeakKilobytes / 1024.0:F0} MB, largest ffmpeg/ffprobe {peak.ChildPeakKilobytes / 1024.0:F0} MB"));
        return 0;
    }
}
