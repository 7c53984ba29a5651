namespace PostGuard.Vision.Video;

/// <summary>
/// What <see cref="ClipInspector"/> found in one clip. Sizes and boxes are in pixels of the clip as displayed.
/// </summary>
/// <param name="Header">The container header: format, duration, size, frame rate, codecs.</param>
/// <param name="Tracks">Every face track, in order of appearance.</param>
/// <param name="FramesAnalysed">Frames the face detector looked at.</param>
/// <param name="AnalysedWidth">Width of the frames as analysed.</param>
/// <param name="Cuts">Times of the scene changes, in seconds.</param>
/// <param name="FrameTimes">Times of the frames analysed, in seconds.</param>
public sealed record ClipInspection(
    ClipHeader Header,
    IReadOnlyList<FaceTrack> Tracks,
    int FramesAnalysed,
    int AnalysedWidth,
    IReadOnlyList<double> Cuts,
    IReadOnlyList<double> FrameTimes)
{
    public int Width => Header.Width;

    public int Height => Header.Height;

    public ClipMetadata Metadata => Header.Metadata;

    public bool HasGps => Header.Metadata.HasGps;
}
