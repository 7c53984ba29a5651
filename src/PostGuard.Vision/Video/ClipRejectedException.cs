namespace PostGuard.Vision.Video;

/// <summary>Why a clip was refused. Each is a reason to refuse the upload or hold the post, never to approve it.</summary>
public enum ClipRejectionReason
{
    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>More bytes than <see cref="VideoOptions.MaxBytes"/>; refused unread.</summary>
    TooManyBytes,

    /// <summary>The bytes are not a clip container PostGuard knows (judged by magic bytes).</summary>
    NotAVideo,

    /// <summary>A known container with an unsupported variant or codec (Matroska that is not WebM, ProRes, ...).</summary>
    UnsupportedFormat,

    /// <summary>The header declares a clip longer than <see cref="VideoOptions.MaxDurationSeconds"/>, or no duration at all.</summary>
    TooLong,

    /// <summary>The header declares a picture larger than <see cref="VideoOptions.MaxPixels"/> or <see cref="VideoOptions.MaxSide"/>.</summary>
    TooManyPixels,

    /// <summary>The header declares more frames per second than <see cref="VideoOptions.MaxFrameRate"/>.</summary>
    FrameRateTooHigh,

    /// <summary>More streams than <see cref="VideoOptions.MaxStreams"/>.</summary>
    TooManyStreams,

    /// <summary>No video stream (an audio file in a video container).</summary>
    NoVideo,

    /// <summary>The header or the pictures are damaged, or the clip ends before its declared duration.</summary>
    Corrupt,

    /// <summary>Reading or decoding took longer than allowed; the tools were stopped.</summary>
    TimedOut,
}

/// <summary>
/// A clip PostGuard will not analyse or write, with a machine-readable reason, the property of the clip at fault
/// (<see cref="Field"/>: bytes, format, duration, resolution, frameRate, streams, codec, frames) and a human message naming it.
/// </summary>
public sealed class ClipRejectedException : Exception
{
    public ClipRejectedException()
        : this(ClipRejectionReason.Corrupt, "file", "The clip could not be read.")
    {
    }

    public ClipRejectedException(string message)
        : this(ClipRejectionReason.Corrupt, "file", message)
    {
    }

    public ClipRejectedException(string message, Exception innerException)
        : this(ClipRejectionReason.Corrupt, "file", message, innerException)
    {
    }

    public ClipRejectedException(ClipRejectionReason reason, string field, string message, Exception? innerException = null)
        : base($"{field}: {message}", innerException)
    {
        Reason = reason;
        Field = field;
    }

    public ClipRejectionReason Reason { get; }

    /// <summary>The property of the clip that is at fault, e.g. "duration".</summary>
    public string Field { get; }
}
