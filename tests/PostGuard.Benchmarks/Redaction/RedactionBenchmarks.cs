using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Redaction;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// The redactor on 1-, 4- and 16-MP close-ups and group photos (faces grown by the default margin), and the whole
/// redacted preview (decode the JPEG, redact, re-encode); single-threaded work. The baseline it replaced is
/// <see cref="LegacyRedactionBenchmarks"/>: run both in one go with
/// <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --filter '*RedactionBenchmarks*' --join</c>.
/// Redaction does the same work whatever the pixels hold, so the image is redacted again in place each time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class RedactionBenchmarks
{
    private RgbImage _image = null!;
    private IReadOnlyList<FaceBox> _faces = [];
    private ImageInspector _inspector = null!;
    private byte[] _jpeg = [];

    [Params(RedactionScene.CloseUp, RedactionScene.Group)]
    public RedactionScene Scene { get; set; }

    [Params(1, 4, 16)]
    public int Megapixels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var assets = AssetDirectory.Locate();
        (_image, _faces) = RedactionBenchmarkImages.Build(assets, Scene, Megapixels);
        _inspector = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        _jpeg = JpegCodec.Encode(_image, 90);
    }

    [Benchmark(Description = "redact (running-sum)")]
    public int Redact()
    {
        FaceRedactor.Redact(_image, _faces, ImageInspector.DefaultRedactionMargin);
        return _image.Pixels[0];
    }

    /// <summary>What the approver's preview and <c>check --redact-out</c> do per photo.</summary>
    [Benchmark(Description = "redacted preview: decode + redact + JPEG q90")]
    public int Preview() => _inspector.Redact(_jpeg, _faces).Length;

    [GlobalCleanup]
    public void Cleanup() => _inspector?.Dispose();

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(9).WithId("running-sum"));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
        }
    }
}
