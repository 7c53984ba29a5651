using System.Runtime.InteropServices;

namespace PostGuard.Vision.Codecs;

/// <summary>
/// WebP through libwebp (Debian libwebp7). Animated WebP is refused (<see cref="ImageRejectionReason.Animated"/>):
/// a post's animation would need every frame checked, and WebPGetFeatures already tells us, so libwebpdemux is not needed.
/// </summary>
public static partial class WebPCodec
{
    private const string Library = "libwebp.so.7";

    /// <summary>WEBP_DECODER_ABI_VERSION of libwebp 1.2 (WebPGetFeatures is a header inline over this).</summary>
    private const int DecoderAbiVersion = 0x0209;

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct BitstreamFeatures
    {
        public int Width;
        public int Height;
        public int HasAlpha;
        public int HasAnimation;
        public int Format;
        public fixed uint Pad[5];
    }

    [LibraryImport(Library, EntryPoint = "WebPGetFeaturesInternal")]
    private static unsafe partial int GetFeaturesInternal(byte* data, nuint size, BitstreamFeatures* features, int version);

    [LibraryImport(Library, EntryPoint = "WebPDecodeRGBInto")]
    private static unsafe partial byte* DecodeRgbInto(byte* data, nuint size, byte* output, nuint outputSize, int stride);

    public static unsafe (int Width, int Height, bool Animated) ReadFeatures(ReadOnlySpan<byte> webp)
    {
        BitstreamFeatures features;
        int status;
        fixed (byte* data = webp)
        {
            status = GetFeaturesInternal(data, (nuint)webp.Length, &features, DecoderAbiVersion);
        }
        return status switch
        {
            0 => (features.Width, features.Height, features.HasAnimation != 0),
            7 => throw new ImageRejectedException(ImageRejectionReason.Corrupt, "The WebP header is truncated."),
            4 => throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat, "The WebP uses a feature libwebp does not support."),
            _ => throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The WebP header is corrupt (libwebp status {status})."),
        };
    }

    public static unsafe RgbImage Decode(ReadOnlySpan<byte> webp, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var (width, height, animated) = ReadFeatures(webp);
        if (animated)
        {
            throw new ImageRejectedException(ImageRejectionReason.Animated, "Animated WebP is not accepted: upload a still image.");
        }
        limits.CheckDimensions(ImageFormat.WebP, width, height);
        var image = new RgbImage(width, height);
        fixed (byte* data = webp)
        fixed (byte* pixels = image.Pixels)
        {
            if (DecodeRgbInto(data, (nuint)webp.Length, pixels, (nuint)image.Pixels.Length, image.Stride) is null)
            {
                throw new ImageRejectedException(ImageRejectionReason.Corrupt, "The WebP is truncated or corrupt.");
            }
        }
        return image;
    }
}
