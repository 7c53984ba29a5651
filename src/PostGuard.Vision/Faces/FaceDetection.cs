namespace PostGuard.Vision.Faces;

/// <summary>A rectangle in pixels of the displayed image (x, y of the top-left corner).</summary>
public readonly record struct FaceBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    public double CenterX => X + (Width / 2);

    public double CenterY => Y + (Height / 2);

    /// <summary>Intersection over union.</summary>
    public double IntersectionOverUnion(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }
        var intersection = w * h;
        return intersection / (Area + other.Area - intersection);
    }

    /// <summary>The box grown by <paramref name="margin"/> × its size on every side, clipped to the image.</summary>
    public FaceBox Expand(double margin, int imageWidth, int imageHeight)
    {
        var x0 = Math.Max(0, X - (Width * margin));
        var y0 = Math.Max(0, Y - (Height * margin));
        var x1 = Math.Min(imageWidth, Right + (Width * margin));
        var y1 = Math.Min(imageHeight, Bottom + (Height * margin));
        return new FaceBox(x0, y0, Math.Max(0, x1 - x0), Math.Max(0, y1 - y0));
    }

    public FaceBox Scale(double factor) => new(X * factor, Y * factor, Width * factor, Height * factor);
}

/// <summary>A point in pixels of the displayed image.</summary>
public readonly record struct FacePoint(double X, double Y);

/// <summary>
/// A detected face: box and BlazeFace's six keypoints (right eye, left eye, nose tip, mouth centre,
/// right ear tragion, left ear tragion, from the subject's point of view) in displayed-image pixels, and the score in [0, 1]
/// (for an uncertain candidate, the mean of the first and second looks).
/// </summary>
public sealed record FaceDetection(FaceBox Box, IReadOnlyList<FacePoint> Keypoints, double Score);
