namespace PostGuard.Vision.Video;

/// <summary>The clip containers PostGuard accepts, recognised by magic bytes (never by file name).</summary>
public enum ClipFormat
{
    /// <summary>ISO base media (MP4, M4V, 3GP): an <c>ftyp</c> box with an ISO or MP4 brand.</summary>
    Mp4,

    /// <summary>Apple QuickTime (MOV): <c>ftyp</c> brand <c>qt  </c>, or an old file starting with a <c>moov</c>/<c>mdat</c>/<c>wide</c> atom.</summary>
    QuickTime,

    /// <summary>WebM: an EBML header whose DocType is <c>webm</c>.</summary>
    WebM,
}
