using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Onnx;

namespace PostGuard.Benchmarks.Vision;

/// <summary>
/// One BlazeFace inference as the detector runs it (input already sampled; run, then decode the anchors above 0.5),
/// on one ONNX Runtime thread: the 256 back model and the 128 front model on sample1 squeezed to the input size.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Percentiles))]
public class InferenceBenchmarks : IDisposable
{
    private BlazeFaceModel _back = null!;
    private BlazeFaceModel _front = null!;
    private BlazeFaceBuffers _backBuffers = null!;
    private BlazeFaceBuffers _frontBuffers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var assets = AssetDirectory.Locate();
        var sessions = new OnnxSessionFactory();
        _back = new BlazeFaceModel(sessions.Create(assets.PathOf("blazeface/face_detection_back_256x256.onnx")));
        _front = new BlazeFaceModel(sessions.Create(assets.PathOf("blazeface/face_detection_front_128x128.onnx")));
        _backBuffers = _back.CreateBuffers();
        _frontBuffers = _front.CreateBuffers();
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(assets.PathOf("photos/face-api/sample1.jpg"))).Pixels;
        Fill(ImageResizer.Resize(photo, 256, 256), _backBuffers.Input);
        Fill(ImageResizer.Resize(photo, 128, 128), _frontBuffers.Input);
    }

    [Benchmark(Description = "one inference, 256 back model")]
    public int Back() => _back.Run(_backBuffers, 0.5).Count;

    [Benchmark(Description = "one inference, 128 front model")]
    public int Front() => _front.Run(_frontBuffers, 0.5).Count;

    [GlobalCleanup]
    public void Dispose()
    {
        _backBuffers?.Dispose();
        _frontBuffers?.Dispose();
        _back?.Dispose();
        _front?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>RGB bytes to the model's [-1, 1] floats, as the detector's sampler writes them.</summary>
    private static void Fill(RgbImage image, float[] input)
    {
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (image.Pixels[i] * (2f / 255f)) - 1f;
        }
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
