namespace PostGuard.Vision.Video;

/// <summary>ffmpeg or ffprobe cannot be started or does not answer: an infrastructure failure (clips are held or refused with a 503), never the clip's fault.</summary>
public sealed class VideoToolUnavailableException : InvalidOperationException
{
    public VideoToolUnavailableException()
    {
    }

    public VideoToolUnavailableException(string message)
        : base(message)
    {
    }

    public VideoToolUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
