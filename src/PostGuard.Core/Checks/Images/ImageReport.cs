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
