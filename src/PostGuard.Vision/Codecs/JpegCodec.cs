namespace PostGuard.Vision.Codecs;

/// <summary>JPEG through libturbojpeg: header, DCT-domain scaled decode (1/2, 1/4, 1/8 ...), encode.</summary>
public static class JpegCodec
{
    /// <summary>Reads the frame size without decoding.</summary>
    public static unsafe (int Width, int Height) ReadSize(ReadOnlySpan<byte> jpeg)
    {
        using var handle = NativeCodecs.Turbo(TurboJpegNative.InitDecompress());
        fixed (byte* data = jpeg)
        {
            if (TurboJpegNative.DecompressHeader3(handle.Value, data, (nuint)jpeg.Length, out var width, out var height, out _, out _) != 0)
            {
                throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The JPEG header cannot be read: {TurboJpegNative.ErrorMessage(handle.Value)}.");
            }
            return (width, height);
        }
    }

    /// <summary>
    /// Decodes to RGB, scaled in the DCT domain by the largest reduction libjpeg-turbo offers (7/8 … 1/8) that keeps the
    /// stored width and height at least <paramref name="minimumWidth"/> and <paramref name="minimumHeight"/> (0: full size).
    /// The size check happens before decoding.
    /// </summary>
    public static unsafe RgbImage Decode(ReadOnlySpan<byte> jpeg, DecodeLimits limits, int minimumWidth = 0, int minimumHeight = 0)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var handle = NativeCodecs.Turbo(TurboJpegNative.InitDecompress());
        fixed (byte* data = jpeg)
        {
            if (TurboJpegNative.DecompressHeader3(handle.Value, data, (nuint)jpeg.Length, out var width, out var height, out _, out var colorspace) != 0)
            {
                throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The JPEG header cannot be read: {TurboJpegNative.ErrorMessage(handle.Value)}.");
            }
            limits.CheckDimensions(ImageFormat.Jpeg, width, height);
            if (colorspace is 3 or 4) // TJCS_CMYK, TJCS_YCCK: no RGB conversion in libjpeg-turbo
            {
                throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat, "CMYK JPEGs are not supported; export the photo as RGB.");
            }
            var (scaledWidth, scaledHeight) = ChooseScale(width, height, minimumWidth, minimumHeight);
            var image = new RgbImage(scaledWidth, scaledHeight);
            fixed (byte* pixels = image.Pixels)
            {
                var flags = TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans;
                if (TurboJpegNative.Decompress2(handle.Value, data, (nuint)jpeg.Length, pixels, scaledWidth, image.Stride, scaledHeight, TurboJpegNative.PixelFormatRgb, flags) != 0)
                {
                    var message = TurboJpegNative.ErrorMessage(handle.Value);
                    throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The JPEG is truncated or corrupt: {message}.");
                }
            }
            return image;
        }
    }

    /// <summary>The smallest DCT-scaled size whose sides still reach the minimums (full size when none is smaller).</summary>
    public static unsafe (int Width, int Height) ChooseScale(int width, int height, int minimumWidth, int minimumHeight)
    {
        if (minimumWidth <= 0 && minimumHeight <= 0)
        {
            return (width, height);
        }
        var factors = TurboJpegNative.GetScalingFactors(out var count);
        var best = (width, height);
        for (var i = 0; i < count; i++)
        {
            var f = factors[i];
            if (f.Num > f.Denom)
            {
                continue;
            }
            var w = (int)(((long)width * f.Num + f.Denom - 1) / f.Denom);
            var h = (int)(((long)height * f.Num + f.Denom - 1) / f.Denom);
            if (w >= minimumWidth && h >= minimumHeight && (long)w * h < (long)best.width * best.height)
            {
                best = (w, h);
            }
        }
        return best;
    }

    /// <summary>Encodes RGB as a baseline JPEG (4:2:0) with no metadata segments at all.</summary>
    public static unsafe byte[] Encode(RgbImage image, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        using var handle = NativeCodecs.Turbo(TurboJpegNative.InitCompress());
        nint output = 0;
        nuint size = 0;
        try
        {
            fixed (byte* pixels = image.Pixels)
            {
                if (TurboJpegNative.Compress2(handle.Value, pixels, image.Width, image.Stride, image.Height, TurboJpegNative.PixelFormatRgb, ref output, ref size, TurboJpegNative.Subsampling420, quality, 0) != 0)
                {
                    throw new InvalidOperationException($"JPEG encoding failed: {TurboJpegNative.ErrorMessage(handle.Value)}.");
                }
            }
            return new ReadOnlySpan<byte>((void*)output, checked((int)size)).ToArray();
        }
        finally
        {
            if (output != 0)
            {
                TurboJpegNative.Free(output);
            }
        }
    }
}
