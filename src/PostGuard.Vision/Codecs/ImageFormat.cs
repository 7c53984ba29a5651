namespace PostGuard.Vision.Codecs;

public enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    WebP,
    Heic,
    Gif,
    Tiff,
    Bmp,
}

/// <summary>Recognises an image format by its magic bytes (a file's name or extension is never trusted).</summary>
public static class FormatSniffer
{
    private static readonly string[] HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    public static ImageFormat Detect(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        {
            return ImageFormat.Jpeg;
        }
        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }
        if (data.Length >= 12 && data.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(data.Slice(8, 4));
            if (HeifBrands.Contains(brand, StringComparer.Ordinal))
            {
                return ImageFormat.Heic;
            }
        }
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }
        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }
        if (data.StartsWith("BM"u8) && data.Length >= 26)
        {
            return ImageFormat.Bmp;
        }
        return ImageFormat.Unknown;
    }
}
