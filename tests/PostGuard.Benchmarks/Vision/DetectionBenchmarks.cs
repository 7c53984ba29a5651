using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Onnx;

namespace PostGuard.Benchmarks.Vision;

/// <summary>Face detection alone (whole image + tiles + second look) on already decoded images, one ORT thread.</summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class DetectionBenchmarks : IDisposable
{
    private FaceDetector _detector = null!;
    private RgbImage _photo12Mp = null!;
    private RgbImage _group12Mp = null!;
    private RgbImage _photo1080 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var assets = AssetDirectory.Locate();
        var sessions = new OnnxSessionFactory();
        _detector = new FaceDetector(
            new BlazeFaceModel(sessions.Create(assets.PathOf("blazeface/face_detection_back_256x256.onnx"))),
            new BlazeFaceModel(sessions.Create(assets.PathOf("blazeface/face_detection_front_128x128.onnx"))));
        var decoder = new ImageDecoder();
        // Decoded as the inspector decodes them: DCT-scaled to the detector's working width.
        _photo12Mp = decoder.Decode(VisionBenchmarkImages.TwelveMegapixelPhoto(assets), _detector.WorkingWidth).Pixels;
        _group12Mp = decoder.Decode(VisionBenchmarkImages.TwelveMegapixelGroup(assets), _detector.WorkingWidth).Pixels;
        _photo1080 = decoder.Decode(VisionBenchmarkImages.Photo1080(assets), _detector.WorkingWidth).Pixels;
    }

    [Benchmark(Description = "detect 12 MP photo (decoded 1/4: 1060 px)")]
    public int Detect12MpPhoto() => _detector.Detect(_photo12Mp).Count;

    [Benchmark(Description = "detect 12 MP group (decoded 1/4: 1000 px)")]
    public int Detect12MpGroup() => _detector.Detect(_group12Mp).Count;

    [Benchmark(Description = "detect 1080 px photo")]
    public int Detect1080() => _detector.Detect(_photo1080).Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _detector?.Dispose();
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
