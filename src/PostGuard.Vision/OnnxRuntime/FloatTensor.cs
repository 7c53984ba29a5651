namespace PostGuard.Vision.OnnxRuntime;

/// <summary>A dense float32 tensor in row-major order.</summary>
public sealed class FloatTensor
{
    public FloatTensor(float[] data, IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (var d in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(d, nameof(shape));
            count *= d;
        }
        if (count != data.Length)
        {
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {count} elements but the data has {data.Length}.", nameof(data));
        }
        Data = data;
        Shape = shape;
    }

    public float[] Data { get; }

    public IReadOnlyList<long> Shape { get; }
}

/// <summary>A model input or output: its name and declared shape (-1 for a dynamic dimension).</summary>
public sealed record TensorMetadata(string Name, IReadOnlyList<long> Shape, bool IsFloat);

/// <summary>How a session runs. One intra-op thread is the fastest and steadiest for small models on a shared machine.</summary>
public sealed record SessionSettings
{
    public static SessionSettings Default { get; } = new();

    /// <summary>Intra-op threads (1 by default). With more than one, spinning is switched off (p95 spikes otherwise).</summary>
    public int IntraOpThreads { get; init; } = 1;
}
