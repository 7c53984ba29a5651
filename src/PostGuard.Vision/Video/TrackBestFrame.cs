using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Video;

/// <summary>
/// A track's evidence: the analysed frame where its face is largest and surest (width × score), as a JPEG of the whole
/// frame (<see cref="JpegWidth"/> × <see cref="JpegHeight"/>, no metadata), its time, and the face's box in pixels of the
/// clip as displayed (scale it by JpegWidth / the clip's width to draw it on the picture).
/// </summary>
public sealed record TrackBestFrame(double Seconds, FaceBox Box, double Score, byte[] Jpeg, int JpegWidth, int JpegHeight);
