using PostGuard.Vision.Video;

namespace PostGuard.Core.Submissions;

/// <summary>Which uploads are video clips, judged by their first bytes (Vision's <see cref="ClipSniffer"/>): MP4, MOV and WebM.</summary>
public static class ClipSniffing
{
    /// <summary>The content type of an accepted clip, or null.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (!ClipSniffer.LooksLikeClip(bytes))
        {
            return null;
        }
        return ClipSniffer.Detect(bytes) switch
        {
            ClipFormat.QuickTime => "video/quicktime",
            ClipFormat.WebM => "video/webm",
            _ => "video/mp4",
        };
    }

    public static bool IsClip(string contentType) => contentType.StartsWith("video/", StringComparison.Ordinal);
}
