namespace PostGuard.Vision.TextRecognition;

/// <summary>An upright rectangle in pixels of the displayed image (x, y of the top-left corner).</summary>
public readonly record struct TextBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);

    public TextBox Scale(double factor) => new(X * factor, Y * factor, Width * factor, Height * factor);

    /// <summary>The smallest rectangle holding both.</summary>
    public TextBox Union(TextBox other)
    {
        var x0 = Math.Min(X, other.X);
        var y0 = Math.Min(Y, other.Y);
        return new TextBox(x0, y0, Math.Max(Right, other.Right) - x0, Math.Max(Bottom, other.Bottom) - y0);
    }

    /// <summary>The area both share.</summary>
    public double IntersectionArea(TextBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /// <summary>The part both share (empty when none).</summary>
    public TextBox Intersect(TextBox other)
    {
        var x0 = Math.Max(X, other.X);
        var y0 = Math.Max(Y, other.Y);
        return new TextBox(x0, y0, Math.Max(0, Math.Min(Right, other.Right) - x0), Math.Max(0, Math.Min(Bottom, other.Bottom) - y0));
    }

    /// <summary>The rectangle cut to the image.</summary>
    public TextBox Clip(double imageWidth, double imageHeight)
    {
        var x0 = Math.Clamp(X, 0, imageWidth);
        var y0 = Math.Clamp(Y, 0, imageHeight);
        var x1 = Math.Clamp(Right, 0, imageWidth);
        var y1 = Math.Clamp(Bottom, 0, imageHeight);
        return new TextBox(x0, y0, x1 - x0, y1 - y0);
    }
}
