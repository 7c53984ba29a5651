using Microsoft.ML.OnnxRuntime;
using PostGuard.Vision.Onnx;

namespace PostGuard.Vision.Faces;

/// <summary>
/// One caller's input and output memory for a <see cref="BlazeFaceModel"/>: arrays on the pinned object heap,
/// wrapped as OrtValues and bound to the session once. Fill <see cref="Input"/>, run, read the outputs in place:
/// ONNX Runtime reads and writes this memory directly, nothing is copied. Not thread-safe: one per caller.
/// </summary>
public sealed class BlazeFaceBuffers : IDisposable
{
    private readonly List<OrtValue> _values = [];

    internal BlazeFaceBuffers(BlazeFaceModel model, OnnxSession session, string inputName, long[] inputShape, IReadOnlyList<string> outputNames, IReadOnlyList<long[]> outputShapes)
    {
        Model = model;
        Input = Allocate(inputShape);
        var outputs = new float[outputShapes.Count][];
        OrtIoBinding? binding = null;
        try
        {
            binding = session.CreateBinding();
            binding.BindInput(inputName, Wrap(Input, inputShape));
            for (var i = 0; i < outputs.Length; i++)
            {
                outputs[i] = Allocate(outputShapes[i]);
                binding.BindOutput(outputNames[i], Wrap(outputs[i], outputShapes[i]));
            }
        }
        catch
        {
            binding?.Dispose();
            DisposeValues();
            throw;
        }
        Binding = binding;
        Outputs = outputs;
    }

    /// <summary>The input tensor [1, S, S, 3], row-major: write it before each run.</summary>
    public float[] Input { get; }

    internal BlazeFaceModel Model { get; }

    /// <summary>The outputs, in the session's output order, written by each run.</summary>
    internal IReadOnlyList<float[]> Outputs { get; }

    internal OrtIoBinding Binding { get; }

    public void Dispose()
    {
        Binding.Dispose();
        DisposeValues();
    }

    private static float[] Allocate(long[] shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            count *= d;
        }
        return GC.AllocateArray<float>(checked((int)count), pinned: true);
    }

    private OrtValue Wrap(float[] data, long[] shape)
    {
        var value = OrtValue.CreateTensorValueFromMemory(data, shape);
        _values.Add(value);
        return value;
    }

    private void DisposeValues()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }
        _values.Clear();
    }
}
