using PostGuard.Vision.OnnxRuntime;

namespace PostGuard.Vision.Tests.OnnxRuntime;

[Collection(VisionCollection.Name)]
public sealed class InferenceSessionTests(VisionFixture vision)
{
    [Fact]
    public void Back_model_loads_with_its_declared_inputs_and_outputs()
    {
        using var session = InferenceSession.FromFile(vision.RuntimeLibrary, vision.Assets.PathOf("blazeface/face_detection_back_256x256.onnx"));

        Assert.Equal("1.30.0", session.RuntimeVersion);
        var input = Assert.Single(session.Inputs);
        Assert.Equal("input:0", input.Name);
        Assert.Equal([1L, 256, 256, 3], input.Shape);
        Assert.Equal(
            ["Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"],
            session.Outputs.Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Running_the_back_model_gives_scores_and_regressors_for_896_anchors()
    {
        using var session = InferenceSession.FromBytes(vision.RuntimeLibrary, File.ReadAllBytes(vision.Assets.PathOf("blazeface/face_detection_back_256x256.onnx")));
        var input = new FloatTensor(new float[256 * 256 * 3], [1, 256, 256, 3]);

        var outputs = session.Run(new Dictionary<string, FloatTensor> { ["input:0"] = input });

        var shapes = session.Outputs.Zip(outputs, (meta, tensor) => (meta.Name, Shape: string.Join("x", tensor.Shape))).ToDictionary(p => p.Name, p => p.Shape);
        Assert.Equal("1x512x1", shapes["Identity:0"]);
        Assert.Equal("1x384x1", shapes["Identity_1:0"]);
        Assert.Equal("1x512x16", shapes["Identity_2:0"]);
        Assert.Equal("1x384x16", shapes["Identity_3:0"]);
        Assert.All(outputs, o => Assert.All(o.Data, v => Assert.True(float.IsFinite(v))));
    }

    [Fact]
    public void Missing_model_file_gives_ORT_error_NoSuchFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.FromFile(vision.RuntimeLibrary, path));

        Assert.Equal(OrtErrorCode.NoSuchFile, error.ErrorCode);
        Assert.Contains("3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_model_bytes_give_ORT_error_InvalidProtobuf()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.FromBytes(vision.RuntimeLibrary, garbage));

        Assert.Equal(OrtErrorCode.InvalidProtobuf, error.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(error.OrtMessage));
    }

    [Fact]
    public void Wrong_input_shape_is_an_ORT_error_not_a_crash()
    {
        using var session = InferenceSession.FromFile(vision.RuntimeLibrary, vision.Assets.PathOf("blazeface/face_detection_front_128x128.onnx"));

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(new FloatTensor(new float[3 * 64 * 64], [1, 64, 64, 3])));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
    }

    [Fact]
    public void Missing_runtime_library_is_a_clear_error()
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => InferenceSession.FromFile("/nonexistent/libonnxruntime.so.1", "model.onnx"));

        Assert.Contains("models/fetch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_session_runs_from_several_threads_with_identical_results()
    {
        using var session = InferenceSession.FromFile(vision.RuntimeLibrary, vision.Assets.PathOf("blazeface/face_detection_front_128x128.onnx"), new SessionSettings { IntraOpThreads = 2 });
        var data = new float[128 * 128 * 3];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (i % 255 / 127.5f) - 1f;
        }
        var expected = session.Run(new FloatTensor(data, [1, 128, 128, 3]))[0].Data;

        var results = new float[16][];
        Parallel.For(0, results.Length, i => results[i] = session.Run(new FloatTensor(data, [1, 128, 128, 3]))[0].Data);

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void A_disposed_session_refuses_to_run()
    {
        var session = InferenceSession.FromFile(vision.RuntimeLibrary, vision.Assets.PathOf("blazeface/face_detection_front_128x128.onnx"));
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run(new FloatTensor(new float[128 * 128 * 3], [1, 128, 128, 3])));
    }
}
