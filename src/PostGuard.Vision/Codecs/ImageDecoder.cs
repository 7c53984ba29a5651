using PostGuard.Vision.Metadata;

namespace PostGuard.Vision.Codecs;

/// <summary>A decoded image as displayed (EXIF orientation applied), with the size it had at full resolution.</summary>
public sealed record DecodedImage(ImageFormat Format, RgbImage Pixels, int DisplayWidth, int DisplayHeight, PhotoMetadata Metadata)
{
    /// <summary>Decoded pixels per displayed full-resolution pixel (1 unless DCT-scaled, e.g. 0.25).</summary>
    public double Scale => (double)Pixels.Width / DisplayWidth;
}

/// <summary>
/// Sniffs the format by magic bytes, refuses before decoding what exceeds the limits, decodes through
/// native libraries, and applies EXIF orientation. Thread-safe and stateless.
/// </summary>
public sealed class ImageDecoder
{
    public ImageDecoder(DecodeLimits? limits = null)
    {
        Limits = limits ?? DecodeLimits.Default;
    }

    public DecodeLimits Limits { get; }

    /// <summary>
    /// Decodes an image. With <paramref name="minimumDisplayWidth"/> &gt; 0 a JPEG may be decoded smaller in the DCT domain
    /// (its width as displayed stays at least that); other formats are decoded at full size.
    /// </summary>
    /// <exception cref="ImageRejectedException">Empty, too large, not an image, unsupported, animated, truncated or corrupt.</exception>
    public DecodedImage Decode(ReadOnlySpan<byte> data, int minimumDisplayWidth = 0)
    {
        Limits.CheckBytes(data.Length);
        var format = FormatSniffer.Detect(data);
        RgbImage stored;
        int fullWidth, fullHeight;
        PhotoMetadata metadata;
        try
        {
            switch (format)
            {
                case ImageFormat.Jpeg:
                    (fullWidth, fullHeight) = JpegCodec.ReadSize(data);
                    Limits.CheckDimensions(format, fullWidth, fullHeight);
                    metadata = PhotoMetadataReader.Read(data);
                    stored = Orientation.SwapsSides(metadata.Orientation)
                        ? JpegCodec.Decode(data, Limits, 0, minimumDisplayWidth)
                        : JpegCodec.Decode(data, Limits, minimumDisplayWidth, 0);
                    break;
                case ImageFormat.Png:
                    (fullWidth, fullHeight) = PngCodec.ReadSize(data);
                    Limits.CheckDimensions(format, fullWidth, fullHeight);
                    metadata = PhotoMetadataReader.Read(data);
                    stored = PngCodec.Decode(data, Limits);
                    break;
                case ImageFormat.WebP:
                    (fullWidth, fullHeight, var animated) = WebPCodec.ReadFeatures(data);
                    if (animated)
                    {
                        throw new ImageRejectedException(ImageRejectionReason.Animated, "Animated WebP is not accepted: upload a still image.");
                    }
                    Limits.CheckDimensions(format, fullWidth, fullHeight);
                    metadata = PhotoMetadataReader.Read(data);
                    stored = WebPCodec.Decode(data, Limits);
                    break;
                case ImageFormat.Heic:
                    stored = HeicCodec.Decode(data, Limits);
                    (fullWidth, fullHeight) = (stored.Width, stored.Height);
                    // libheif already applied the container's rotation; keep GPS and time, not EXIF orientation.
                    metadata = PhotoMetadataReader.Read(data) with { Orientation = 1 };
                    break;
                case ImageFormat.Gif:
                case ImageFormat.Tiff:
                case ImageFormat.Bmp:
                    throw new ImageRejectedException(ImageRejectionReason.UnsupportedFormat, $"{format} images are not supported: upload a JPEG, PNG, WebP or HEIC photo.");
                default:
                    throw new ImageRejectedException(ImageRejectionReason.NotAnImage, "The file is not an image PostGuard can read (its first bytes match no JPEG, PNG, WebP or HEIC signature).");
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            var package = format switch
            {
                ImageFormat.Jpeg => "libturbojpeg0",
                ImageFormat.Png => "libpng16-16",
                ImageFormat.WebP => "libwebp7",
                _ => "libheif1",
            };
            throw new InvalidOperationException($"The system library for {format} images is missing or too old: install the Debian package '{package}'. ({e.Message})", e);
        }
        var displayed = Orientation.Apply(stored, metadata.Orientation);
        var swap = Orientation.SwapsSides(metadata.Orientation);
        return new DecodedImage(format, displayed, swap ? fullHeight : fullWidth, swap ? fullWidth : fullHeight, metadata);
    }

    /// <summary>
    /// Decodes only the part <paramref name="area"/> of the image as displayed (full-resolution displayed pixels), at the scale
    /// <see cref="Decode"/> would give the whole image for <paramref name="minimumDisplayWidth"/>: a JPEG's part is cut out in the DCT
    /// domain (see <see cref="JpegCodec.DecodeRegion"/>), so the rest is never decoded to pixels. Other formats are decoded whole
    /// (the region returned is the whole image).
    /// </summary>
    /// <exception cref="ImageRejectedException">As for <see cref="Decode"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The area lies outside the image.</exception>
    public DecodedRegion DecodeRegion(ReadOnlySpan<byte> data, PixelRect area, int minimumDisplayWidth = 0)
    {
        Limits.CheckBytes(data.Length);
        if (FormatSniffer.Detect(data) != ImageFormat.Jpeg)
        {
            var whole = Decode(data, minimumDisplayWidth);
            return new DecodedRegion(whole.Pixels, new PixelRect(0, 0, whole.DisplayWidth, whole.DisplayHeight), whole.Scale);
        }
        try
        {
            var (storedWidth, storedHeight) = JpegCodec.ReadSize(data);
            Limits.CheckDimensions(ImageFormat.Jpeg, storedWidth, storedHeight);
            var orientation = PhotoMetadataReader.Read(data).Orientation;
            var swap = Orientation.SwapsSides(orientation);
            var (displayWidth, displayHeight) = swap ? (storedHeight, storedWidth) : (storedWidth, storedHeight);
            var x0 = Math.Clamp(area.X, 0, displayWidth);
            var y0 = Math.Clamp(area.Y, 0, displayHeight);
            var clipped = new PixelRect(x0, y0, Math.Clamp(area.Right, 0, displayWidth) - x0, Math.Clamp(area.Bottom, 0, displayHeight) - y0);
            if (clipped.Width <= 0 || clipped.Height <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(area), $"The area {area} lies outside the {displayWidth}×{displayHeight} image.");
            }
            var stored = Orientation.ToStored(orientation, storedWidth, storedHeight, clipped);
            var part = swap
                ? JpegCodec.DecodeRegion(data, Limits, stored.X, stored.Y, stored.Width, stored.Height, 0, minimumDisplayWidth)
                : JpegCodec.DecodeRegion(data, Limits, stored.X, stored.Y, stored.Width, stored.Height, minimumDisplayWidth, 0);
            var shown = Orientation.ToDisplayed(orientation, storedWidth, storedHeight, new PixelRect(part.X, part.Y, part.Width, part.Height));
            return new DecodedRegion(Orientation.Apply(part.Pixels, orientation), shown, part.Scale);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new InvalidOperationException($"The system library for JPEG images is missing or too old: install the Debian package 'libturbojpeg0'. ({e.Message})", e);
        }
    }
}
