using System.Runtime.InteropServices;

namespace PostGuard.Vision.Codecs;

/// <summary>PNG through libpng16's simplified API (png_image_*), which reports errors by return value.</summary>
public static partial class PngCodec
{
    private const string Library = "libpng16.so.16";
    private const uint ImageVersion = 1;  // PNG_IMAGE_VERSION
    private const uint FormatRgb = 0x02;  // PNG_FORMAT_RGB (PNG_FORMAT_FLAG_COLOR)

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct PngImage
    {
        public nint Opaque;
        public uint Version;
        public uint Width;
        public uint Height;
        public uint Format;
        public uint Flags;
        public uint ColormapEntries;
        public uint WarningOrError;
        public fixed byte Message[64];
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PngColor
    {
        public byte Red;
        public byte Green;
        public byte Blue;
    }

    [LibraryImport(Library, EntryPoint = "png_image_begin_read_from_memory")]
    private static unsafe partial int BeginReadFromMemory(PngImage* image, byte* memory, nuint size);

    [LibraryImport(Library, EntryPoint = "png_image_finish_read")]
    private static unsafe partial int FinishRead(PngImage* image, PngColor* background, byte* buffer, int rowStride, void* colormap);

    [LibraryImport(Library, EntryPoint = "png_image_free")]
    private static unsafe partial void Free(PngImage* image);

    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> png)
    {
        // IHDR is always the first chunk: width and height are big-endian at offsets 16 and 20.
        if (png.Length < 24 || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new ImageRejectedException(ImageRejectionReason.Corrupt, "The PNG has no IHDR header chunk.");
        }
        var width = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png[16..]);
        var height = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png[20..]);
        return ((int)Math.Min(width, int.MaxValue), (int)Math.Min(height, int.MaxValue));
    }

    public static unsafe RgbImage Decode(ReadOnlySpan<byte> png, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var (w, h) = ReadSize(png);
        limits.CheckDimensions(ImageFormat.Png, w, h);
        var image = new PngImage { Version = ImageVersion };
        fixed (byte* data = png)
        {
            try
            {
                if (BeginReadFromMemory(&image, data, (nuint)png.Length) == 0)
                {
                    throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The PNG header cannot be read: {Message(&image)}.");
                }
                limits.CheckDimensions(ImageFormat.Png, (int)Math.Min(image.Width, int.MaxValue), (int)Math.Min(image.Height, int.MaxValue));
                image.Format = FormatRgb;
                var result = new RgbImage((int)image.Width, (int)image.Height);
                var white = new PngColor { Red = 255, Green = 255, Blue = 255 };
                fixed (byte* pixels = result.Pixels)
                {
                    if (FinishRead(&image, &white, pixels, result.Stride, null) == 0)
                    {
                        throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The PNG is truncated or corrupt: {Message(&image)}.");
                    }
                }
                return result;
            }
            finally
            {
                Free(&image);
            }
        }
    }

    private static unsafe string Message(PngImage* image) =>
        Marshal.PtrToStringUTF8((nint)image->Message, new ReadOnlySpan<byte>(image->Message, 64).IndexOf((byte)0) is var n and >= 0 ? n : 64);
}
