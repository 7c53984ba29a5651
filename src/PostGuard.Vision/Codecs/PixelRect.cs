namespace PostGuard.Vision.Codecs;

/// <summary>An upright rectangle of whole pixels: top-left corner, width and height.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;
}
