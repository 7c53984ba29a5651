using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// The baseline for <see cref="RedactionBenchmarks"/>: <see cref="LegacyFaceRedactor"/> on the same photos. It takes
/// minutes per 16-MP close-up, so each case is timed three times, once per iteration, without warm-up (the JIT's share
/// of a run that long is nothing), and without the memory diagnoser, whose extra run would add as long again (it
/// allocates 12 bytes per pixel of each box: 33 MB for the 4-MP close-up).
/// </summary>
[Config(typeof(Config))]
public class LegacyRedactionBenchmarks
{
    private RgbImage _image = null!;
    private IReadOnlyList<FaceBox> _faces = [];

    [Params(RedactionScene.CloseUp, RedactionScene.Group)]
    public RedactionScene Scene { get; set; }

    [Params(1, 4, 16)]
    public int Megapixels { get; set; }

    [GlobalSetup]
    public void Setup() => (_image, _faces) = RedactionBenchmarkImages.Build(AssetDirectory.Locate(), Scene, Megapixels);

    [Benchmark(Description = "redact (before: blur radius half the face)")]
    public int Redact()
    {
        LegacyFaceRedactor.Redact(_image, _faces, ImageInspector.DefaultRedactionMargin);
        return _image.Pixels[0];
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(3).WithId("before"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        }
    }
}
