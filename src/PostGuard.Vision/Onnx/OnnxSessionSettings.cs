namespace PostGuard.Vision.Onnx;

/// <summary>How the project runs every ONNX model. One intra-op thread is the fastest and steadiest for small models on a shared machine.</summary>
public sealed record OnnxSessionSettings
{
    public static OnnxSessionSettings Default { get; } = new();

    /// <summary>Intra-op threads (1 by default). With more than one, spinning is switched off (p95 latency spikes otherwise).</summary>
    public int IntraOpThreads { get; init; } = 1;
}
