namespace PostGuard.Vision.Video;

/// <summary>
/// What a clip's container header declares, read by <see cref="ClipProbe"/> before any picture is decoded.
/// <see cref="Width"/> and <see cref="Height"/> are the picture as shown: rotation and pixel aspect applied.
/// </summary>
/// <param name="Format">The container, recognised by magic bytes and confirmed by ffprobe.</param>
/// <param name="Bytes">File size.</param>
/// <param name="DurationSeconds">Declared duration of the whole clip (what the limit applies to).</param>
/// <param name="VideoDurationSeconds">Declared duration of the video stream (the pictures may end before the sound).</param>
/// <param name="Width">Displayed width in pixels.</param>
/// <param name="Height">Displayed height in pixels.</param>
/// <param name="FrameRate">Declared frames per second (average).</param>
/// <param name="FrameRateFraction">The same as ffmpeg writes it ("30000/1001"), to re-encode at exactly that rate.</param>
/// <param name="VideoCodec">ffmpeg's name of the video codec (h264, hevc, vp9, ...).</param>
/// <param name="AudioCodecs">ffmpeg's names of the audio streams' codecs (audio is carried, not checked).</param>
/// <param name="Rotation">Display rotation in degrees (0, 90, 180, 270), which ffmpeg applies when decoding.</param>
/// <param name="Metadata">Position and creation time from the container's tags.</param>
public sealed record ClipHeader(
    ClipFormat Format,
    long Bytes,
    double DurationSeconds,
    double VideoDurationSeconds,
    int Width,
    int Height,
    double FrameRate,
    string FrameRateFraction,
    string VideoCodec,
    IReadOnlyList<string> AudioCodecs,
    int Rotation,
    ClipMetadata Metadata);
