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
            var header = ReadHeader(handle.Value, data, jpeg.Length, limits);
            var (scaledWidth, scaledHeight) = ChooseScale(header.Width, header.Height, minimumWidth, minimumHeight);
            return DecompressScaled(handle.Value, data, jpeg.Length, scaledWidth, scaledHeight);
        }
    }

    /// <summary>
    /// Decodes only a part of the stored image (stored pixels, before EXIF orientation), at the DCT scale
    /// <see cref="Decode"/> would choose for the whole image with the same minimums, so its pixels are those of the whole decode
    /// there. The part is first cut out losslessly (TurboJPEG's crop transform: its left and top edges moved out to the
    /// nearest MCU boundary, its right and bottom ones too unless at the image's edge), then only it is decoded.
    /// The size check happens before decoding; a truncated or corrupt file is rejected as the whole decode rejects it.
    /// </summary>
    /// <returns>
    /// The pixels and the stored rectangle they cover (full-resolution stored pixels, at least the part asked for; the whole image
    /// when the part is over <see cref="WholeDecodeFraction"/> of it).
    /// </returns>
    public static unsafe JpegRegion DecodeRegion(ReadOnlySpan<byte> jpeg, DecodeLimits limits, int x, int y, int width, int height, int minimumWidth = 0, int minimumHeight = 0)
    {
        ArgumentNullException.ThrowIfNull(limits);
        using var handle = NativeCodecs.Turbo(TurboJpegNative.InitDecompress());
        fixed (byte* data = jpeg)
        {
            var header = ReadHeader(handle.Value, data, jpeg.Length, limits);
            var x0 = Math.Clamp(x, 0, header.Width);
            var y0 = Math.Clamp(y, 0, header.Height);
            var x1 = Math.Clamp((long)x + width, 0, header.Width);
            var y1 = Math.Clamp((long)y + height, 0, header.Height);
            if (x1 <= x0 || y1 <= y0)
            {
                throw new ArgumentOutOfRangeException(nameof(width), $"The part {width}×{height} at ({x}, {y}) lies outside the {header.Width}×{header.Height} image.");
            }
            var (mcuWidth, mcuHeight) = TurboJpegNative.McuSize(header.Subsampling);
            var (left, right) = Aligned(x0, (int)x1, mcuWidth, header.Width);
            var (top, bottom) = Aligned(y0, (int)y1, mcuHeight, header.Height);
            var (num, denom) = ChooseFactor(header.Width, header.Height, minimumWidth, minimumHeight);
            var factor = (double)num / denom;
            // Cutting reads every DCT coefficient of the file and writes the part's out again: for a part this large, decoding
            // the whole image costs no more.
            if ((long)(right - left) * (bottom - top) > (long)header.Width * header.Height * WholeDecodeFraction)
            {
                return new JpegRegion(DecompressScaled(handle.Value, data, jpeg.Length, Scaled(header.Width, num, denom), Scaled(header.Height, num, denom)), 0, 0, header.Width, header.Height, factor);
            }
            var cropped = Crop(data, jpeg.Length, left, top, right - left, bottom - top);
            try
            {
                var image = DecompressScaled(handle.Value, (byte*)cropped.Buffer, checked((int)cropped.Size), Scaled(right - left, num, denom), Scaled(bottom - top, num, denom));
                return new JpegRegion(image, left, top, right - left, bottom - top, factor);
            }
            finally
            {
                TurboJpegNative.Free(cropped.Buffer);
            }
        }
    }

    /// <summary>A part covering more than this fraction of the image is decoded with the whole image (and the whole returned).</summary>
    private const double WholeDecodeFraction = 0.5;

    /// <summary>A part of a JPEG decoded: its pixels, the stored rectangle they cover, and pixels per stored pixel.</summary>
    public sealed record JpegRegion(RgbImage Pixels, int X, int Y, int Width, int Height, double Scale);

    private readonly record struct Header(int Width, int Height, int Subsampling);

    private static unsafe Header ReadHeader(nint handle, byte* data, int length, DecodeLimits limits)
    {
        if (TurboJpegNative.DecompressHeader3(handle, data, (nuint)length, out var width, out var height, out var subsampling, out var colorspace) != 0)
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The JPEG header cannot be read: {TurboJpegNative.ErrorMessage(handle)}.");
        }
        limits.CheckDimensions(ImageFormat.Jpeg, width, height);
        if (colorspace is 3 or 4) // TJCS_CMYK, TJCS_YCCK: no RGB conversion in libjpeg-turbo
        {
            throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat, "CMYK JPEGs are not supported; export the photo as RGB.");
        }
        return new Header(width, height, subsampling);
    }

    private static unsafe RgbImage DecompressScaled(nint handle, byte* data, int length, int scaledWidth, int scaledHeight)
    {
        var image = new RgbImage(scaledWidth, scaledHeight);
        fixed (byte* pixels = image.Pixels)
        {
            var flags = TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans;
            if (TurboJpegNative.Decompress2(handle, data, (nuint)length, pixels, scaledWidth, image.Stride, scaledHeight, TurboJpegNative.PixelFormatRgb, flags) != 0)
            {
                var message = TurboJpegNative.ErrorMessage(handle);
                throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The JPEG is truncated or corrupt: {message}.");
            }
        }
        return image;
    }

    /// <summary>A lossless cut of the JPEG (no markers copied); the buffer is libturbojpeg's, freed with tjFree.</summary>
    private static unsafe (nint Buffer, nuint Size) Crop(byte* data, int length, int x, int y, int width, int height)
    {
        using var handle = NativeCodecs.Turbo(TurboJpegNative.InitTransform());
        var transform = new TurboJpegNative.Transform
        {
            Region = new TurboJpegNative.Region { X = x, Y = y, Width = width, Height = height },
            Operation = TurboJpegNative.TransformNone,
            Options = TurboJpegNative.TransformCrop | TurboJpegNative.TransformCopyNone,
        };
        nint buffer = 0;
        nuint size = 0;
        var flags = TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans;
        if (TurboJpegNative.TransformImage(handle.Value, data, (nuint)length, 1, &buffer, &size, &transform, flags) != 0)
        {
            var message = TurboJpegNative.ErrorMessage(handle.Value);
            if (buffer != 0)
            {
                TurboJpegNative.Free(buffer);
            }
            throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The JPEG is truncated or corrupt: {message}.");
        }
        return (buffer, size);
    }

    /// <summary>
    /// [from, to) grown out to MCU boundaries (the end stays at the image's edge when it reaches it), and to at least two MCUs
    /// where the image has them, so a sliver at the edge still scales by the chosen factor.
    /// </summary>
    private static (int From, int To) Aligned(int from, int to, int mcu, int size)
    {
        var start = from / mcu * mcu;
        var end = (int)Math.Min(size, ((long)to + mcu - 1) / mcu * mcu);
        if (end - start < 2 * mcu)
        {
            end = Math.Min(size, start + (2 * mcu));
            start = Math.Min(start, Math.Max(0, end - (2 * mcu)) / mcu * mcu);
        }
        return (start, end);
    }

    private static int Scaled(int side, int num, int denom) => (int)(((long)side * num + denom - 1) / denom);

    /// <summary>The smallest DCT-scaled size whose sides still reach the minimums (full size when none is smaller).</summary>
    public static (int Width, int Height) ChooseScale(int width, int height, int minimumWidth, int minimumHeight)
    {
        var (num, denom) = ChooseFactor(width, height, minimumWidth, minimumHeight);
        return (Scaled(width, num, denom), Scaled(height, num, denom));
    }

    /// <summary>The DCT scaling factor (numerator, denominator) giving the smallest size whose sides still reach the minimums (1/1 when none is smaller).</summary>
    private static unsafe (int Num, int Denom) ChooseFactor(int width, int height, int minimumWidth, int minimumHeight)
    {
        if (minimumWidth <= 0 && minimumHeight <= 0)
        {
            return (1, 1);
        }
        var factors = TurboJpegNative.GetScalingFactors(out var count);
        var best = (Num: 1, Denom: 1);
        var bestArea = (long)width * height;
        for (var i = 0; i < count; i++)
        {
            var f = factors[i];
            if (f.Num > f.Denom)
            {
                continue;
            }
            var w = Scaled(width, f.Num, f.Denom);
            var h = Scaled(height, f.Num, f.Denom);
            if (w >= minimumWidth && h >= minimumHeight && (long)w * h < bestArea)
            {
                best = (f.Num, f.Denom);
                bestArea = (long)w * h;
            }
        }
        return best;
    }

    /// <summary>Encodes RGB as a baseline JPEG (4:2:0) with no metadata segments at all.</summary>
    public static byte[] Encode(RgbImage image, int quality = 90) => Encode(image, quality, TurboJpegNative.Subsampling420);

    /// <summary>Encodes with the given chroma subsampling (TJSAMP_*), progressive if asked: the codec's tests make JPEGs of every kind cameras and editors write.</summary>
    internal static unsafe byte[] Encode(RgbImage image, int quality, int subsampling, bool progressive = false)
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
                if (TurboJpegNative.Compress2(handle.Value, pixels, image.Width, image.Stride, image.Height, TurboJpegNative.PixelFormatRgb, ref output, ref size, subsampling, quality, progressive ? TurboJpegNative.FlagProgressive : 0) != 0)
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
