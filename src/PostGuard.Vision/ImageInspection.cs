using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.TextRecognition;

namespace PostGuard.Vision;

/// <summary>
/// What <see cref="ImageInspector.Inspect"/> found in one image. Sizes and face boxes are in pixels of the
/// full-resolution image as displayed (after EXIF orientation).
/// </summary>
/// <param name="Format">The format recognised by magic bytes.</param>
/// <param name="Width">Displayed width in pixels.</param>
/// <param name="Height">Displayed height in pixels.</param>
/// <param name="Faces">Every detection at or above <see cref="VisionOptions.MinDetectionScore"/>, top to bottom.</param>
/// <param name="GpsLatitude">EXIF GPS latitude in degrees, or null.</param>
/// <param name="GpsLongitude">EXIF GPS longitude in degrees, or null.</param>
/// <param name="CapturedAt">EXIF DateTimeOriginal with its offset when recorded, or null.</param>
/// <param name="TextLines">The lines of words read in the photo, top to bottom (empty when reading words is switched off).</param>
public sealed record ImageInspection(
    ImageFormat Format,
    int Width,
    int Height,
    IReadOnlyList<FaceDetection> Faces,
    double? GpsLatitude,
    double? GpsLongitude,
    Metadata.CaptureTime? CapturedAt,
    IReadOnlyList<TextLine> TextLines)
{
    public bool HasGps => GpsLatitude is not null && GpsLongitude is not null;
}
