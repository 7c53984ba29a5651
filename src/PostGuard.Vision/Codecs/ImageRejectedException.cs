namespace PostGuard.Vision.Codecs;

/// <summary>Why an image was refused. Each is a reason to hold a post, never to approve it.</summary>
public enum ImageRejectionReason
{
    /// <summary>Zero bytes.</summary>
    Empty,

    /// <summary>More bytes than <see cref="DecodeLimits.MaxBytes"/>; refused before reading.</summary>
    TooManyBytes,

    /// <summary>The header declares more pixels (or a longer side) than allowed; refused before decoding (decompression bomb).</summary>
    TooManyPixels,

    /// <summary>The bytes are not a known image format (judged by magic bytes, never by file name).</summary>
    NotAnImage,

    /// <summary>A recognised but unsupported image format or variant (GIF, TIFF, CMYK JPEG, ...).</summary>
    UnsupportedFormat,

    /// <summary>The data ends early or is damaged.</summary>
    Corrupt,

    /// <summary>An animated image: every frame would need checking, so it is refused.</summary>
    Animated,
}

/// <summary>An image PostGuard will not analyse, with a machine-readable reason and a human message.</summary>
public sealed class ImageRejectedException : Exception
{
    public ImageRejectedException()
        : this(ImageRejectionReason.Corrupt, "The image could not be read.")
    {
    }

    public ImageRejectedException(string message)
        : this(ImageRejectionReason.Corrupt, message)
    {
    }

    public ImageRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = ImageRejectionReason.Corrupt;
    }

    public ImageRejectedException(ImageRejectionReason reason, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Reason = reason;
    }

    public ImageRejectionReason Reason { get; }
}
