using System.Runtime.InteropServices;

namespace PostGuard.Vision.Codecs;

/// <summary>
/// HEIC (iPhone photos) through libheif (Debian libheif1, HEVC via libde265). libheif applies the
/// container's rotation and mirroring (irot/imir) itself, so EXIF orientation is not applied again.
/// </summary>
public static partial class HeicCodec
{
    private const string Library = "libheif.so.1";
    private const int ColorspaceRgb = 1;            // heif_colorspace_RGB
    private const int ChromaInterleavedRgb = 10;    // heif_chroma_interleaved_RGB
    private const int ChannelInterleaved = 10;      // heif_channel_interleaved

    [StructLayout(LayoutKind.Sequential)]
    private struct HeifError
    {
        public int Code;
        public int Subcode;
        public nint Message;

        public readonly string Text => Marshal.PtrToStringUTF8(Message) ?? $"libheif error {Code}.{Subcode}";
    }

    [LibraryImport(Library, EntryPoint = "heif_context_alloc")]
    private static partial nint ContextAlloc();

    [LibraryImport(Library, EntryPoint = "heif_context_free")]
    private static partial void ContextFree(nint context);

    [LibraryImport(Library, EntryPoint = "heif_context_read_from_memory_without_copy")]
    private static unsafe partial HeifError ReadFromMemory(nint context, byte* memory, nuint size, nint options);

    [LibraryImport(Library, EntryPoint = "heif_context_get_primary_image_handle")]
    private static partial HeifError GetPrimaryImageHandle(nint context, out nint handle);

    [LibraryImport(Library, EntryPoint = "heif_image_handle_get_width")]
    private static partial int HandleWidth(nint handle);

    [LibraryImport(Library, EntryPoint = "heif_image_handle_get_height")]
    private static partial int HandleHeight(nint handle);

    [LibraryImport(Library, EntryPoint = "heif_image_handle_release")]
    private static partial void HandleRelease(nint handle);

    [LibraryImport(Library, EntryPoint = "heif_decode_image")]
    private static partial HeifError DecodeImage(nint handle, out nint image, int colorspace, int chroma, nint options);

    [LibraryImport(Library, EntryPoint = "heif_image_get_plane_readonly")]
    private static unsafe partial byte* GetPlaneReadonly(nint image, int channel, out int stride);

    [LibraryImport(Library, EntryPoint = "heif_image_get_width")]
    private static partial int ImageWidth(nint image, int channel);

    [LibraryImport(Library, EntryPoint = "heif_image_get_height")]
    private static partial int ImageHeight(nint image, int channel);

    [LibraryImport(Library, EntryPoint = "heif_image_release")]
    private static partial void ImageRelease(nint image);

    public static unsafe RgbImage Decode(ReadOnlySpan<byte> heic, DecodeLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var context = ContextAlloc();
        if (context == 0)
        {
            throw new InvalidOperationException("libheif could not allocate a context.");
        }
        nint handle = 0;
        nint image = 0;
        try
        {
            fixed (byte* data = heic)
            {
                var error = ReadFromMemory(context, data, (nuint)heic.Length, 0);
                if (error.Code != 0)
                {
                    throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The HEIC container cannot be read: {error.Text}.");
                }
                error = GetPrimaryImageHandle(context, out handle);
                if (error.Code != 0)
                {
                    throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The HEIC has no readable primary image: {error.Text}.");
                }
                limits.CheckDimensions(ImageFormat.Heic, HandleWidth(handle), HandleHeight(handle));
                error = DecodeImage(handle, out image, ColorspaceRgb, ChromaInterleavedRgb, 0);
                if (error.Code != 0)
                {
                    throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The HEIC image cannot be decoded: {error.Text}.");
                }
            }
            var width = ImageWidth(image, ChannelInterleaved);
            var height = ImageHeight(image, ChannelInterleaved);
            limits.CheckDimensions(ImageFormat.Heic, width, height);
            var plane = GetPlaneReadonly(image, ChannelInterleaved, out var stride);
            if (plane is null)
            {
                throw new ImageRejectedException(ImageRejectionReason.Corrupt, "The HEIC decoded to no RGB plane.");
            }
            var result = new RgbImage(width, height);
            for (var y = 0; y < height; y++)
            {
                new ReadOnlySpan<byte>(plane + ((long)y * stride), result.Stride).CopyTo(result.Row(y));
            }
            return result;
        }
        finally
        {
            if (image != 0)
            {
                ImageRelease(image);
            }
            if (handle != 0)
            {
                HandleRelease(handle);
            }
            ContextFree(context);
        }
    }
}
