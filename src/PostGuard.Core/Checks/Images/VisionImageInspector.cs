using Microsoft.Extensions.Logging;
using PostGuard.Vision;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Video;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// Inspects photos with PostGuard.Vision (codecs, EXIF, BlazeFace, words read by PaddleOCR) and clips with its clip
/// inspector (ffmpeg, the same face detector, face tracks), and applies the policy's identifiability rule: to each face
/// of a photo, and to the size and score each track of a clip sustains. A rejected image or clip (corrupt, too large,
/// truncated, not an image) becomes a report with its reason, never an exception, so the draft is held rather than approved.
/// </summary>
public sealed class VisionImageInspector(Lazy<ImageInspector> inspector, Lazy<ClipInspector> clips, ILogger<VisionImageInspector> logger) : IImageInspector
{
    public ImageReport Inspect(int index, string fileName, ReadOnlyMemory<byte> content, IdentifiabilityRule identifiability, TimeZoneInfo schoolTimeZone, CancellationToken cancellationToken)
    {
        var rule = new Identifiability(identifiability.DisplayWidth, identifiability.MinFacePixels, identifiability.MinScore);
        if (ClipSniffer.LooksLikeClip(content.Span))
        {
            return InspectClip(index, fileName, content, rule, schoolTimeZone, cancellationToken);
        }
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
        return new ImageReport
        {
            Index = index,
            FileName = fileName,
            Format = inspection.Format.ToString(),
            Width = inspection.Width,
            Height = inspection.Height,
            Faces = [.. inspection.Faces.Select(f => new FaceReport(Round(f.Box), Math.Round(f.Score, 3), rule.IsIdentifiable(f, inspection.Width)))],
            GpsLatitude = inspection.GpsLatitude,
            GpsLongitude = inspection.GpsLongitude,
            CapturedAt = inspection.CapturedAt?.ToInstant(schoolTimeZone),
            TextLines = [.. inspection.TextLines.Select(l => new TextLineReport(l.Text, l.Confidence, Box(l.Box, inspection), [.. l.Words.Select(w => new TextWordReport(w.Text, Box(w.Box, inspection)))]))],
        };
    }

    /// <summary>A clip: each face track becomes one face of the report, boxed on its best frame, carrying its path.</summary>
    private ImageReport InspectClip(int index, string fileName, ReadOnlyMemory<byte> content, Identifiability rule, TimeZoneInfo schoolTimeZone, CancellationToken cancellationToken)
    {
        ClipInspection inspection;
        try
        {
            inspection = clips.Value.InspectAsync(content, cancellationToken).GetAwaiter().GetResult();
        }
        catch (ClipRejectedException ex)
        {
            logger.LogInformation("Clip {Index} ({FileName}) rejected: {Reason} {Message}", index, fileName, ex.Reason, ex.Message);
            return new ImageReport { Index = index, FileName = fileName, Error = ex.Message };
        }
        var sustain = clips.Value.Options.SustainedFaceSeconds;
        return new ImageReport
        {
            Index = index,
            FileName = fileName,
            Format = inspection.Header.Format.ToString(),
            Width = inspection.Width,
            Height = inspection.Height,
            DurationSeconds = Math.Round(inspection.Header.DurationSeconds, 3),
            Faces = [.. inspection.Tracks.Select(t => new FaceReport(Round(t.Best.Box), Math.Round(t.Best.Score, 3), t.IsIdentifiable(rule, inspection.Width, sustain))
            {
                Track = new FaceTrackReport(Math.Round(t.Best.Seconds, 3), [.. t.Faces.Select(f => new TrackPoint(
                    Math.Round(f.Seconds, 3), Math.Round(f.FromSeconds, 3), Math.Round(f.UntilSeconds, 3), Round(f.Box), Math.Round(f.Score, 3)))]),
            })],
            GpsLatitude = inspection.Metadata.GpsLatitude,
            GpsLongitude = inspection.Metadata.GpsLongitude,
            CapturedAt = inspection.Metadata.CapturedAt?.ToInstant(schoolTimeZone),
        };
    }

    private static FaceBox Round(Vision.Faces.FaceBox box) =>
        new((int)Math.Round(box.X), (int)Math.Round(box.Y), (int)Math.Round(box.Width), (int)Math.Round(box.Height));

    /// <summary>Whole pixels, cut to the image.</summary>
    private static RegionBox Box(Vision.TextRecognition.TextBox box, ImageInspection inspection)
    {
        var clipped = box.Clip(inspection.Width, inspection.Height);
        var x0 = (int)Math.Floor(clipped.X);
        var y0 = (int)Math.Floor(clipped.Y);
        return new RegionBox(x0, y0, (int)Math.Ceiling(clipped.Right) - x0, (int)Math.Ceiling(clipped.Bottom) - y0);
    }
}
