using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Video;

namespace PostGuard.Benchmarks.Video;

/// <summary>
/// Issue target: a 60-second 1080p clip analysed (header, sampling, face detection on two threads, tracks and their
/// best frames) in at most 20 s on the two-core machine; also writing its clean copy (re-mux without metadata).
/// Run: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --filter '*ClipBenchmarks*'</c>.
/// Managed allocations are BenchmarkDotNet's; ffmpeg runs in its own process (its memory is not counted here).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ClipBenchmarks : IDisposable
{
    private ImageInspector _faces = null!;
    private ClipInspector _inspector = null!;
    private ClipWriter _writer = null!;
    private string _clip = "";
    private string _output = "";

    [GlobalSetup]
    public void Setup()
    {
        var assets = AssetDirectory.Locate();
        _faces = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        var options = new VideoOptions();
        _inspector = new ClipInspector(_faces, options);
        _writer = new ClipWriter(options);
        _clip = BenchmarkClips.SixtySeconds1080p(assets);
        _output = Path.Combine(Path.GetTempPath(), $"postguard-bench-{Guid.NewGuid():N}.mp4");
    }

    [Benchmark(Description = "analyse a 60-s 1080p30 clip (16 Mbit/s)")]
    public int Inspect() => _inspector.InspectAsync(_clip).GetAwaiter().GetResult().Tracks.Count;

    [Benchmark(Description = "clean copy of the 60-s clip (re-mux, no metadata)")]
    public long CleanCopy()
    {
        _writer.WriteCleanCopyAsync(_clip, _output).GetAwaiter().GetResult();
        return new FileInfo(_output).Length;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _faces?.Dispose();
        if (File.Exists(_output))
        {
            File.Delete(_output);
        }
        GC.SuppressFinalize(this);
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(1).WithIterationCount(5).WithInvocationCount(1).WithUnrollFactor(1));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        }
    }
}
