namespace PostGuard.Vision.Video;

/// <summary>
/// Raised by <see cref="FrameSampler"/> when, with non-reference frames skipped, two analysed frames lie further apart
/// than <see cref="VideoOptions.SampleIntervalSeconds"/> (a long run of B-frames, or a variable frame rate):
/// <see cref="ClipInspector"/> then analyses the clip again with every frame decoded, so the interval always holds.
/// </summary>
internal sealed class SampledTooSparselyException(double fromSeconds, double toSeconds)
    : Exception($"Analysed frames at {fromSeconds:F3} s and {toSeconds:F3} s are further apart than the sampling interval.")
{
    public double FromSeconds { get; } = fromSeconds;

    public double ToSeconds { get; } = toSeconds;
}
