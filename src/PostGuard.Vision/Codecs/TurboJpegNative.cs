using System.Runtime.InteropServices;

namespace PostGuard.Vision.Codecs;

/// <summary>
/// libturbojpeg's TurboJPEG 2.x API (Debian libturbojpeg0 2.1.x; the tj3 API arrived in 3.0).
/// Every call returns an error code; libjpeg's classic API (whose default error handler exits) is never used.
/// <c>unsigned long</c> sizes are 64-bit on Linux x64.
/// </summary>
internal static partial class TurboJpegNative
{
    public const string Library = "libturbojpeg.so.0";

    public const int PixelFormatRgb = 0; // TJPF_RGB
    public const int Subsampling420 = 2; // TJSAMP_420
    public const int ErrorWarning = 0;   // TJERR_WARNING

    public const int TransformNone = 0;        // TJXOP_NONE
    public const int TransformCrop = 4;        // TJXOPT_CROP
    public const int TransformCopyNone = 64;   // TJXOPT_COPYNONE: no markers (EXIF, ICC) copied into the cropped JPEG

    public const int FlagFastUpsample = 256;   // TJFLAG_FASTUPSAMPLE
    public const int FlagFastDct = 2048;       // TJFLAG_FASTDCT
    public const int FlagProgressive = 16384;  // TJFLAG_PROGRESSIVE (encoding)
    public const int FlagStopOnWarning = 8192; // TJFLAG_STOPONWARNING: a truncated file is an error, not a grey half
    public const int FlagLimitScans = 32768;   // TJFLAG_LIMITSCANS: refuse progressive JPEGs with absurd scan counts

    [StructLayout(LayoutKind.Sequential)]
    public struct ScalingFactor
    {
        public int Num;
        public int Denom;
    }

    /// <summary>tjregion: a rectangle in the stored image's pixels.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Region
    {
        public int X;
        public int Y;
        public int Width;
        public int Height;
    }

    /// <summary>tjtransform (2.x layout): region, operation, options, then the custom filter's data and callback (unused, null).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Transform
    {
        public Region Region;
        public int Operation;
        public int Options;
        public nint Data;
        public nint CustomFilter;
    }

    /// <summary>The MCU (block of pixels one set of DCT blocks covers) per subsampling TJSAMP_444 … TJSAMP_411: tjMCUWidth and tjMCUHeight.</summary>
    public static (int Width, int Height) McuSize(int subsampling) => subsampling switch
    {
        0 => (8, 8),   // 4:4:4
        1 => (16, 8),  // 4:2:2
        2 => (16, 16), // 4:2:0
        3 => (8, 8),   // grey
        4 => (8, 16),  // 4:4:0
        5 => (32, 8),  // 4:1:1
        _ => throw new ImageRejectedException(ImageRejectionReason.Corrupt, $"The JPEG declares an unknown chroma subsampling ({subsampling})."),
    };

    [LibraryImport(Library, EntryPoint = "tjInitTransform")]
    public static partial nint InitTransform();

    [LibraryImport(Library, EntryPoint = "tjTransform")]
    public static unsafe partial int TransformImage(nint handle, byte* jpeg, nuint size, int count, nint* destinations, nuint* destinationSizes, Transform* transforms, int flags);

    [LibraryImport(Library, EntryPoint = "tjInitDecompress")]
    public static partial nint InitDecompress();

    [LibraryImport(Library, EntryPoint = "tjInitCompress")]
    public static partial nint InitCompress();

    [LibraryImport(Library, EntryPoint = "tjDestroy")]
    public static partial int Destroy(nint handle);

    [LibraryImport(Library, EntryPoint = "tjDecompressHeader3")]
    public static unsafe partial int DecompressHeader3(nint handle, byte* jpeg, nuint size, out int width, out int height, out int subsampling, out int colorspace);

    [LibraryImport(Library, EntryPoint = "tjDecompress2")]
    public static unsafe partial int Decompress2(nint handle, byte* jpeg, nuint size, byte* destination, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library, EntryPoint = "tjCompress2")]
    public static unsafe partial int Compress2(nint handle, byte* source, int width, int pitch, int height, int pixelFormat, ref nint jpeg, ref nuint size, int subsampling, int quality, int flags);

    [LibraryImport(Library, EntryPoint = "tjFree")]
    public static partial void Free(nint buffer);

    [LibraryImport(Library, EntryPoint = "tjGetErrorStr2")]
    public static partial nint GetErrorStr2(nint handle);

    [LibraryImport(Library, EntryPoint = "tjGetErrorCode")]
    public static partial int GetErrorCode(nint handle);

    [LibraryImport(Library, EntryPoint = "tjGetScalingFactors")]
    public static unsafe partial ScalingFactor* GetScalingFactors(out int count);

    public static string ErrorMessage(nint handle) => Marshal.PtrToStringUTF8(GetErrorStr2(handle)) ?? "unknown libjpeg-turbo error";
}
