namespace PostGuard.Core.Checks.Images;

/// <summary>
/// What inspecting one image or clip found: size as displayed, faces, metadata; or why it could not be read.
/// For a clip each face is a face track (with <see cref="FaceReport.Track"/>): tags, consent and redaction treat a
/// track exactly as a face in a photo.
/// </summary>
public sealed record ImageReport
{
    public required int Index { get; init; }
    public required string FileName { get; init; }
    public string? Format { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public IReadOnlyList<FaceReport> Faces { get; init; } = [];
    public double? GpsLatitude { get; init; }
    public double? GpsLongitude { get; init; }
    public DateTimeOffset? CapturedAt { get; init; }
    /// <summary>The lines of words read in the photo (a certificate, a badge, a sign), top to bottom.</summary>
    public IReadOnlyList<TextLineReport> TextLines { get; init; } = [];
    /// <summary>Null when the image was read; otherwise why not (the draft is then held, fail closed).</summary>
    public string? Error { get; init; }
    /// <summary>A clip's length in seconds; null for a photo.</summary>
    public double? DurationSeconds { get; init; }

    public bool Readable => Error is null;

    public bool IsClip => DurationSeconds is not null;
}

/// <summary>
/// A detected face in pixels of the image as displayed (after EXIF orientation). In a clip: a face track, with its
/// best frame's box and score, identifiable by the size and score it sustains (R3), and its path through the clip.
/// </summary>
public sealed record FaceReport(FaceBox Box, double Score, bool Identifiable)
{
    public FaceTrackReport? Track { get; init; }
}

/// <summary>
/// A face track of a clip: the time of its best frame (the evidence shown to the approver, boxed by the face's
/// <see cref="FaceReport.Box"/>), and where the face was on each analysed frame, which redaction follows.
/// </summary>
public sealed record FaceTrackReport(double Seconds, IReadOnlyList<TrackPoint> Path)
{
    public double FirstSeconds => Path.Count == 0 ? Seconds : Path[0].Seconds;

    public double LastSeconds => Path.Count == 0 ? Seconds : Path[^1].Seconds;
}

/// <summary>The face on one analysed frame at <paramref name="Seconds"/>, on screen from <paramref name="From"/> until <paramref name="Until"/> as far as the analysis knows.</summary>
public sealed record TrackPoint(double Seconds, double From, double Until, FaceBox Box, double Score);

public sealed record FaceBox(int X, int Y, int Width, int Height)
{
    /// <summary>Intersection over union: 1 for the same box, 0 for boxes that do not touch.</summary>
    public double IntersectionOverUnion(FaceBox other)
    {
        var width = Math.Min(X + Width, other.X + other.Width) - Math.Max(X, other.X);
        var height = Math.Min(Y + Height, other.Y + other.Height) - Math.Max(Y, other.Y);
        if (width <= 0 || height <= 0)
        {
            return 0;
        }
        var intersection = (double)width * height;
        var union = ((double)Width * Height) + ((double)other.Width * other.Height) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}

/// <summary>A line of words read in a photo, the recogniser's confidence (0–1), and where the line and each word are, in pixels of the image as displayed.</summary>
public sealed record TextLineReport(string Text, double Confidence, RegionBox Box, IReadOnlyList<TextWordReport> Words);

/// <summary>A word of a <see cref="TextLineReport"/> and its box.</summary>
public sealed record TextWordReport(string Text, RegionBox Box);

/// <summary>An upright rectangle in pixels of the image as displayed.</summary>
public sealed record RegionBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    /// <summary>The smallest rectangle holding all of them.</summary>
    public static RegionBox Around(IEnumerable<RegionBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var list = boxes.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("no boxes", nameof(boxes));
        }
        var x0 = list.Min(b => b.X);
        var y0 = list.Min(b => b.Y);
        return new RegionBox(x0, y0, list.Max(b => b.Right) - x0, list.Max(b => b.Bottom) - y0);
    }
}
