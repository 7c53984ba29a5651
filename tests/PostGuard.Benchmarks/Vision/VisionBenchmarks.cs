using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;

namespace PostGuard.Benchmarks.Vision;

/// <summary>
/// Decode, detect and whole-image inspection for a 12-MP photo (3 faces), a 12-MP group mosaic (60 small faces)
/// and a 1080-px photo, on one ONNX Runtime thread. Run:
/// <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --filter '*VisionBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class VisionBenchmarks : IDisposable
{
    private ImageInspector _inspector = null!;
    private ImageDecoder _decoder = null!;
    private byte[] _photo12Mp = [];
    private byte[] _group12Mp = [];
    private byte[] _photo1080 = [];
    private int _workingWidth;

    [GlobalSetup]
    public void Setup()
    {
        var assets = AssetDirectory.Locate();
        _inspector = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        _decoder = new ImageDecoder();
        _photo12Mp = VisionBenchmarkImages.TwelveMegapixelPhoto(assets);
        _group12Mp = VisionBenchmarkImages.TwelveMegapixelGroup(assets);
        _photo1080 = VisionBenchmarkImages.Photo1080(assets);
        _workingWidth = (int)Math.Ceiling(14 / _inspector.Options.MinFaceWidthFraction);
    }

    [Benchmark(Description = "decode 12 MP JPEG, DCT-scaled for detection")]
    public int Decode12MpScaled() => _decoder.Decode(_photo12Mp, _workingWidth).Pixels.Width;

    [Benchmark(Description = "decode 12 MP JPEG, full size")]
    public int Decode12MpFull() => _decoder.Decode(_photo12Mp).Pixels.Width;

    [Benchmark(Description = "decode 1080 px JPEG")]
    public int Decode1080() => _decoder.Decode(_photo1080, _workingWidth).Pixels.Width;

    [Benchmark(Description = "inspect 12 MP photo (3 faces)")]
    public int Inspect12MpPhoto() => _inspector.Inspect(_photo12Mp).Faces.Count;

    [Benchmark(Description = "inspect 12 MP group (60 small faces)")]
    public int Inspect12MpGroup() => _inspector.Inspect(_group12Mp).Faces.Count;

    [Benchmark(Description = "inspect 1080 px photo")]
    public int Inspect1080() => _inspector.Inspect(_photo1080).Faces.Count;

    [Benchmark(Description = "inspect 2 × 12 MP photos on 2 threads")]
    public int Inspect12MpPhotoTwoThreads()
    {
        var counts = new int[2];
        Parallel.For(0, 2, i => counts[i] = _inspector.Inspect(_photo12Mp).Faces.Count);
        return counts.Sum();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _inspector?.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Percentiles : ManualConfig
    {
        public Percentiles()
        {
            AddJob(Job.ShortRun);
            AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        }
    }
}
