using System.Collections.Concurrent;
using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Video;

/// <summary>Reuses frame buffers of one exact size while a clip is decoded, so a long clip does not allocate a large array per frame.</summary>
internal sealed class FramePool(int width, int height)
{
    private readonly ConcurrentQueue<byte[]> _free = new();

    public int Width { get; } = width;

    public int Height { get; } = height;

    public int FrameBytes => checked(Width * Height * 3);

    public RgbImage Rent() => new(Width, Height, _free.TryDequeue(out var buffer) ? buffer : new byte[FrameBytes]);

    public void Return(RgbImage image)
    {
        if (image.Width == Width && image.Height == Height)
        {
            _free.Enqueue(image.Pixels);
        }
    }
}
