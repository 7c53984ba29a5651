using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PostGuard.Vision.Onnx;

namespace PostGuard.Vision.Tests.Onnx;

[Collection(VisionCollection.Name)]
public sealed class OnnxSessionTests(VisionFixture vision)
{
    private static readonly OnnxSessionFactory Sessions = new();

    private string BackModel => vision.Assets.PathOf("blazeface/face_detection_back_256x256.onnx");

    private string FrontModel => vision.Assets.PathOf("blazeface/face_detection_front_128x128.onnx");

    [Fact]
    public void The_runtime_is_the_one_the_package_brings()
    {
        Assert.Equal("1.31.1", OnnxSessionFactory.RuntimeVersion);
    }

    [Fact]
    public void Back_model_loads_with_its_declared_inputs_and_outputs()
    {
        using var session = Sessions.Create(BackModel);

        var input = Assert.Single(session.InputNames);
        Assert.Equal("input:0", input);
        Assert.Equal(TensorElementType.Float, session.InputMetadata[input].ElementDataType);
        Assert.Equal([1, 256, 256, 3], session.InputMetadata[input].Dimensions);
        Assert.Equal(["Identity:0", "Identity_1:0", "Identity_2:0", "Identity_3:0"], session.OutputNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_model_from_bytes_runs_on_caller_owned_buffers_and_writes_them_in_place()
    {
        using var session = Sessions.Create(File.ReadAllBytes(BackModel));
        var input = new float[256 * 256 * 3];
        var shapes = new Dictionary<string, long[]>
        {
            ["Identity:0"] = [1, 512, 1],
            ["Identity_1:0"] = [1, 384, 1],
            ["Identity_2:0"] = [1, 512, 16],
            ["Identity_3:0"] = [1, 384, 16],
        };
        var outputs = shapes.ToDictionary(p => p.Key, p => Enumerable.Repeat(float.NaN, (int)(p.Value[1] * p.Value[2])).ToArray());
        using var inputValue = OrtValue.CreateTensorValueFromMemory(input, [1, 256, 256, 3]);
        var outputValues = shapes.ToDictionary(p => p.Key, p => OrtValue.CreateTensorValueFromMemory(outputs[p.Key], p.Value));
        try
        {
            using var binding = session.CreateBinding();
            binding.BindInput("input:0", inputValue);
            foreach (var (name, value) in outputValues)
            {
                binding.BindOutput(name, value);
            }

            session.Run(binding);

            // ORT wrote every output straight into the arrays (they started as NaN).
            Assert.All(outputs.Values, o => Assert.All(o, v => Assert.True(float.IsFinite(v))));
        }
        finally
        {
            foreach (var value in outputValues.Values)
            {
                value.Dispose();
            }
        }
    }

    [Fact]
    public void Outputs_can_also_be_allocated_by_the_runtime()
    {
        using var session = Sessions.Create(FrontModel);
        using var input = OrtValue.CreateTensorValueFromMemory(new float[128 * 128 * 3], [1, 128, 128, 3]);

        using var outputs = session.Run(new Dictionary<string, OrtValue> { ["input:0"] = input }, ["Identity_2:0"]);

        var output = Assert.Single(outputs);
        Assert.Equal([1L, 512, 16], output.GetTensorTypeAndShape().Shape);
        Assert.All(output.GetTensorDataAsSpan<float>().ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Missing_model_file_gives_ORT_error_NoSuchFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-model-{Guid.NewGuid():N}.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => Sessions.Create(path));

        // ONNX Runtime keeps its code internal but leads the message with it.
        Assert.StartsWith("[ErrorCode:NoSuchFile]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_model_bytes_give_ORT_error_InvalidProtobuf()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);

        var error = Assert.Throws<OnnxRuntimeException>(() => Sessions.Create(garbage));

        // ONNX Runtime keeps its code internal but leads the message with it.
        Assert.StartsWith("[ErrorCode:InvalidProtobuf]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_input_shape_is_an_ORT_error_not_a_crash()
    {
        using var session = Sessions.Create(FrontModel);
        using var input = OrtValue.CreateTensorValueFromMemory(new float[3 * 64 * 64], [1, 64, 64, 3]);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OrtValue> { ["input:0"] = input }, ["Identity:0"]).Dispose());

        // ONNX Runtime keeps its code internal but leads the message with it.
        Assert.StartsWith("[ErrorCode:InvalidArgument]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fewer_than_one_thread_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxSessionFactory(new OnnxSessionSettings { IntraOpThreads = 0 }));
    }

    [Fact]
    public void One_session_runs_from_several_threads_with_identical_results()
    {
        using var session = new OnnxSessionFactory(new OnnxSessionSettings { IntraOpThreads = 2 }).Create(FrontModel);
        var data = new float[128 * 128 * 3];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (i % 255 / 127.5f) - 1f;
        }
        var expected = Scores(session, data);

        var results = new float[16][];
        Parallel.For(0, results.Length, i => results[i] = Scores(session, data));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void A_disposed_session_refuses_to_run()
    {
        var session = Sessions.Create(FrontModel);
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Scores(session, new float[128 * 128 * 3]));
    }

    [Fact]
    public async Task Disposing_while_runs_are_in_progress_lets_them_finish()
    {
        var session = Sessions.Create(FrontModel);
        var data = new float[128 * 128 * 3];
        var completed = 0;

        // Each runner runs until the session refuses it; a run that was already going when Dispose came must finish cleanly.
        var runners = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1_000_000; i++)
            {
                try
                {
                    Assert.Equal(512, Scores(session, data).Length);
                    Interlocked.Increment(ref completed);
                }
                catch (ObjectDisposedException)
                {
                    return true;
                }
            }
            return false;
        })).ToArray();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref completed) >= 8, TimeSpan.FromSeconds(60)), "the runners did not get going");
        session.Dispose();

        Assert.All(await Task.WhenAll(runners), Assert.True);
    }

    private static float[] Scores(OnnxSession session, float[] data)
    {
        using var input = OrtValue.CreateTensorValueFromMemory(data, [1, 128, 128, 3]);
        using var outputs = session.Run(new Dictionary<string, OrtValue> { ["input:0"] = input }, ["Identity:0"]);
        return outputs.Single().GetTensorDataAsSpan<float>().ToArray();
    }
}
