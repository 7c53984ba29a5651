namespace PostGuard.Core.Checks.Images;

/// <summary>What inspecting one image found: size as displayed, faces, metadata; or why it could not be read.</summary>
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

    public bool Readable => Error is null;
}

/// <summary>A detected face in pixels of the image as displayed (after EXIF orientation).</summary>
public sealed record FaceReport(FaceBox Box, double Score, bool Identifiable);

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
