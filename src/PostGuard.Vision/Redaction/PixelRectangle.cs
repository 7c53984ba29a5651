using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Redaction;

/// <summary>Whole pixels [X0, X1) × [Y0, Y1) of an image, never empty and never outside it.</summary>
internal readonly record struct PixelRectangle(int X0, int Y0, int X1, int Y1)
{
    public int Width => X1 - X0;

    public int Height => Y1 - Y0;

    /// <summary>Every pixel <paramref name="box"/> touches, clipped to the image; null when none (empty, or wholly outside).</summary>
    public static PixelRectangle? Covering(FaceBox box, int imageWidth, int imageHeight)
    {
        if (!(box.Width > 0 && box.Height > 0))
        {
            return null;
        }
        var x0 = (int)Math.Clamp(Math.Floor(box.X), 0, imageWidth);
        var y0 = (int)Math.Clamp(Math.Floor(box.Y), 0, imageHeight);
        var x1 = (int)Math.Clamp(Math.Ceiling(box.Right), 0, imageWidth);
        var y1 = (int)Math.Clamp(Math.Ceiling(box.Bottom), 0, imageHeight);
        return x1 > x0 && y1 > y0 ? new PixelRectangle(x0, y0, x1, y1) : null;
    }
}
