using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Video;

/// <summary>
/// One detection of a track, in pixels of the clip as displayed. The face was seen at <see cref="Seconds"/>; it may have
/// been on screen since <see cref="FromSeconds"/> (the frame analysed before, or the cut that began the shot) and until
/// <see cref="UntilSeconds"/> (the frame analysed after, the next cut, or the end of the clip).
/// </summary>
public sealed record TrackedFace(double Seconds, double FromSeconds, double UntilSeconds, FaceBox Box, double Score);
