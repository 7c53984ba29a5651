using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// The baseline for <see cref="RedactionBenchmarks"/>: <see cref="LegacyFaceRedactor"/> on the same photos. A 16-MP
/// close-up takes many minutes per redaction, so this is a single-shot job, stated as such: each case is timed once
/// (cold start, one launch, no warm-up and no pilot: the JIT's share of a run that long is nothing), in the host
/// process (no project to build per run, so it can run beside other benchmarks), and without the memory diagnoser,
/// whose extra run would add as long again. What it allocates follows from the code: one buffer of three ints per
/// pixel of each grown box (12 bytes per pixel).
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
            AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithToolchain(InProcessEmitToolchain.Instance).WithId("before, single shot"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        }
    }
}
