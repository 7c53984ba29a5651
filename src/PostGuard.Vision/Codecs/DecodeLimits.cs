namespace PostGuard.Vision.Codecs;

/// <summary>What the decoders refuse before decoding: a file too big, or a header that declares too many pixels.</summary>
public sealed record DecodeLimits
{
    public static DecodeLimits Default { get; } = new();

    /// <summary>Largest accepted file, in bytes (default 40 MB).</summary>
    public long MaxBytes { get; init; } = 40L * 1024 * 1024;

    /// <summary>Largest accepted width × height as declared in the header (default 100 megapixels).</summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>Longest accepted side in pixels (default 20000).</summary>
    public int MaxSide { get; init; } = 20_000;

    internal void CheckBytes(long length)
    {
        if (length == 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Empty, "The file is empty (0 bytes).");
        }
        if (length > MaxBytes)
        {
            throw new ImageRejectedException(ImageRejectionReason.TooManyBytes, $"The file has {length} bytes; at most {MaxBytes} are accepted.");
        }
    }

    internal void CheckDimensions(ImageFormat format, int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The {format} header declares an impossible size {width}×{height}.");
        }
        if ((long)width * height > MaxPixels || width > MaxSide || height > MaxSide)
        {
            throw new ImageRejectedException(
                ImageRejectionReason.TooManyPixels,
                $"The {format} header declares {width}×{height} pixels; at most {MaxPixels} pixels and {MaxSide} per side are decoded.");
        }
    }
}
