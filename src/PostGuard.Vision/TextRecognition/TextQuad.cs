namespace PostGuard.Vision.TextRecognition;

/// <summary>A point in pixels of an image.</summary>
public readonly record struct TextPoint(double X, double Y)
{
    public static double Distance(TextPoint a, TextPoint b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    /// <summary>The point a fraction <paramref name="t"/> of the way from <paramref name="a"/> to <paramref name="b"/>.</summary>
    public static TextPoint Lerp(TextPoint a, TextPoint b, double t) => new(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
}

/// <summary>
/// A (possibly rotated) rectangle around a line of text, its corners in reading order: top-left,
/// top-right, bottom-right, bottom-left as the words are read (so the top edge runs along the line).
/// </summary>
public sealed record TextQuad(TextPoint TopLeft, TextPoint TopRight, TextPoint BottomRight, TextPoint BottomLeft)
{
    /// <summary>Length along the line (the longer of the top and bottom edges).</summary>
    public double Width => Math.Max(TextPoint.Distance(TopLeft, TopRight), TextPoint.Distance(BottomLeft, BottomRight));

    /// <summary>Height across the line (the longer of the left and right edges).</summary>
    public double Height => Math.Max(TextPoint.Distance(TopLeft, BottomLeft), TextPoint.Distance(TopRight, BottomRight));

    public IEnumerable<TextPoint> Corners => [TopLeft, TopRight, BottomRight, BottomLeft];

    /// <summary>The upright rectangle around the four corners.</summary>
    public TextBox Bounds
    {
        get
        {
            var x0 = Corners.Min(p => p.X);
            var y0 = Corners.Min(p => p.Y);
            return new TextBox(x0, y0, Corners.Max(p => p.X) - x0, Corners.Max(p => p.Y) - y0);
        }
    }

    public TextQuad Scale(double factor) =>
        new(new(TopLeft.X * factor, TopLeft.Y * factor), new(TopRight.X * factor, TopRight.Y * factor),
            new(BottomRight.X * factor, BottomRight.Y * factor), new(BottomLeft.X * factor, BottomLeft.Y * factor));

    /// <summary>The same rectangle moved by (<paramref name="dx"/>, <paramref name="dy"/>).</summary>
    public TextQuad Shift(double dx, double dy) =>
        new(new(TopLeft.X + dx, TopLeft.Y + dy), new(TopRight.X + dx, TopRight.Y + dy), new(BottomRight.X + dx, BottomRight.Y + dy), new(BottomLeft.X + dx, BottomLeft.Y + dy));

    /// <summary>The same rectangle read a quarter turn anticlockwise (for a line written top to bottom).</summary>
    public TextQuad QuarterTurn() => new(TopRight, BottomRight, BottomLeft, TopLeft);

    /// <summary>The same rectangle read upside down.</summary>
    public TextQuad HalfTurn() => new(BottomRight, BottomLeft, TopLeft, TopRight);

    /// <summary>The part of the line between fractions <paramref name="from"/> and <paramref name="to"/> of its length (0 = start, 1 = end).</summary>
    public TextQuad Section(double from, double to)
    {
        from = Math.Clamp(from, 0, 1);
        to = Math.Clamp(to, from, 1);
        return new(TextPoint.Lerp(TopLeft, TopRight, from), TextPoint.Lerp(TopLeft, TopRight, to),
            TextPoint.Lerp(BottomLeft, BottomRight, to), TextPoint.Lerp(BottomLeft, BottomRight, from));
    }
}
