using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Video;

/// <summary>
/// One frame chosen for analysis: its position among the chosen frames, its time from the start of the clip, ffmpeg's
/// scene score against the frame before it, and its pixels at the working size. Dispose it to give the buffer back.
/// </summary>
public sealed class SampledFrame : IDisposable
{
    private readonly FramePool? _pool;
    private bool _disposed;

    internal SampledFrame(int index, double seconds, double sceneScore, bool isCut, RgbImage image, FramePool? pool)
    {
        Index = index;
        Seconds = seconds;
        SceneScore = sceneScore;
        IsCut = isCut;
        Image = image;
        _pool = pool;
    }

    public int Index { get; }

    public double Seconds { get; }

    public double SceneScore { get; }

    /// <summary>The first frame of a new shot: no face track continues across it.</summary>
    public bool IsCut { get; }

    public RgbImage Image { get; }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _pool?.Return(Image);
        }
    }
}
