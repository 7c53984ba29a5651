using Microsoft.Extensions.Logging;
using PostGuard.Vision;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// Inspects images with PostGuard.Vision (codecs, EXIF, BlazeFace, words read by PaddleOCR) and applies the policy's
/// identifiability rule. A rejected image (corrupt, too large, not an image) becomes a report with
/// its reason, never an exception, so the draft is held rather than approved.
/// </summary>
public sealed class VisionImageInspector(Lazy<ImageInspector> inspector, ILogger<VisionImageInspector> logger) : IImageInspector
{
    public ImageReport Inspect(int index, string fileName, ReadOnlyMemory<byte> content, IdentifiabilityRule identifiability, TimeZoneInfo schoolTimeZone, CancellationToken cancellationToken)
    {
        ImageInspection inspection;
        try
        {
            inspection = inspector.Value.Inspect(content.Span, cancellationToken);
        }
        catch (ImageRejectedException ex)
        {
            logger.LogInformation("Image {Index} ({FileName}) rejected: {Reason} {Message}", index, fileName, ex.Reason, ex.Message);
            return new ImageReport { Index = index, FileName = fileName, Error = ex.Message };
        }
        var rule = new Identifiability(identifiability.DisplayWidth, identifiability.MinFacePixels, identifiability.MinScore);
        return new ImageReport
        {
            Index = index,
            FileName = fileName,
            Format = inspection.Format.ToString(),
            Width = inspection.Width,
            Height = inspection.Height,
            Faces = [.. inspection.Faces.Select(f => new FaceReport(
                new FaceBox((int)Math.Round(f.Box.X), (int)Math.Round(f.Box.Y), (int)Math.Round(f.Box.Width), (int)Math.Round(f.Box.Height)),
                Math.Round(f.Score, 3),
                rule.IsIdentifiable(f, inspection.Width)))],
            GpsLatitude = inspection.GpsLatitude,
            GpsLongitude = inspection.GpsLongitude,
            CapturedAt = inspection.CapturedAt?.ToInstant(schoolTimeZone),
            TextLines = [.. inspection.TextLines.Select(l => new TextLineReport(l.Text, l.Confidence, Box(l.Box, inspection), [.. l.Words.Select(w => new TextWordReport(w.Text, Box(w.Box, inspection)))]))],
        };
    }

    /// <summary>Whole pixels, cut to the image.</summary>
    private static RegionBox Box(Vision.TextRecognition.TextBox box, ImageInspection inspection)
    {
        var clipped = box.Clip(inspection.Width, inspection.Height);
        var x0 = (int)Math.Floor(clipped.X);
        var y0 = (int)Math.Floor(clipped.Y);
        return new RegionBox(x0, y0, (int)Math.Ceiling(clipped.Right) - x0, (int)Math.Ceiling(clipped.Bottom) - y0);
    }
}
