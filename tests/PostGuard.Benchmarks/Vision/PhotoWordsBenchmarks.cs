using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision;
using PostGuard.Vision.Assets;

namespace PostGuard.Benchmarks.Vision;

/// <summary>
/// What reading the words in a photo adds to its inspection, on one ONNX Runtime thread: the 12-MP benchmark photo
/// (three faces, no words), a 12-MP rendered certificate held up in front of a pupil, and a 12-MP coach sign, each inspected
/// (and the other five face-api photos enlarged to 12 MP, no words) with words read and without (Vision:ReadWords off, the inspection before this feature). Run:
/// <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --filter '*PhotoWordsBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class PhotoWordsBenchmarks : IDisposable
{
    private ImageInspector _withWords = null!;
    private ImageInspector _withoutWords = null!;
    private byte[] _photo = [];
    private byte[] _certificate = [];
    private byte[] _sign = [];
    private IReadOnlyList<byte[]> _others = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var assets = AssetDirectory.Locate();
        _withWords = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root });
        _withoutWords = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root, ReadWords = false });
        _photo = VisionBenchmarkImages.TwelveMegapixelPhoto(assets);
        _others = VisionBenchmarkImages.OtherTwelveMegapixelPhotos(assets);
        using var renderer = new SceneRenderer(assets, Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels"));
        _certificate = renderer.Render(SceneKind.Certificate, 101, heldOut: false).Jpeg;
        _sign = renderer.Render(SceneKind.CoachSign, 101, heldOut: false).Jpeg;
    }

    [Benchmark(Baseline = true, Description = "12 MP photo, 3 faces, no words: inspect without reading words")]
    public int PhotoWithoutReading() => _withoutWords.Inspect(_photo).Faces.Count;

    [Benchmark(Description = "12 MP photo, 3 faces, no words: inspect and read words")]
    public int PhotoReading() => _withWords.Inspect(_photo).TextLines.Count;

    /// <summary>The next of the other five 12-MP photos without words (in turn): five calls inspect each once.</summary>
    [Benchmark(Description = "12 MP photos sample2–6 (people, no words), in turn: inspect without reading words")]
    public int OthersWithoutReading() => _withoutWords.Inspect(_others[_next++ % _others.Count]).Faces.Count;

    [Benchmark(Description = "12 MP photos sample2–6 (people, no words), in turn: inspect and read words")]
    public int OthersReading() => _withWords.Inspect(_others[_next++ % _others.Count]).TextLines.Count;

    [Benchmark(Description = "12 MP certificate photo: inspect without reading words")]
    public int CertificateWithoutReading() => _withoutWords.Inspect(_certificate).Faces.Count;

    [Benchmark(Description = "12 MP certificate photo: inspect and read words")]
    public int CertificateReading() => _withWords.Inspect(_certificate).TextLines.Count;

    [Benchmark(Description = "12 MP coach sign: inspect without reading words")]
    public int SignWithoutReading() => _withoutWords.Inspect(_sign).Faces.Count;

    [Benchmark(Description = "12 MP coach sign: inspect and read words")]
    public int SignReading() => _withWords.Inspect(_sign).TextLines.Count;

    public void Dispose()
    {
        _withWords?.Dispose();
        _withoutWords?.Dispose();
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
