using PostGuard.Vision.Codecs;

namespace PostGuard.Core.Submissions;

/// <summary>
/// Which uploads are accepted, judged by their first bytes (Vision's <see cref="FormatSniffer"/>),
/// whatever their name or declared type says: JPEG, PNG, WebP and HEIC.
/// </summary>
public static class ImageSniffer
{
    /// <summary>The content type of an accepted image, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) => FormatSniffer.Detect(bytes) switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.WebP => "image/webp",
        ImageFormat.Heic => "image/heic",
        _ => null,
    };
}
