namespace PostGuard.Vision.Codecs;

/// <summary>Applies an EXIF orientation (1–8) so pixels are as displayed.</summary>
public static class Orientation
{
    /// <summary>True when the orientation swaps width and height (5–8).</summary>
    public static bool SwapsSides(int orientation) => orientation is >= 5 and <= 8;

    /// <summary>
    /// Where a rectangle of the stored image (<paramref name="storedWidth"/> × <paramref name="storedHeight"/>) is shown once the
    /// orientation is applied (the rectangle as <see cref="Apply"/> moves its pixels).
    /// </summary>
    public static PixelRect ToDisplayed(int orientation, int storedWidth, int storedHeight, PixelRect stored)
    {
        var (x, y, w, h) = (stored.X, stored.Y, stored.Width, stored.Height);
        return orientation switch
        {
            2 => new(storedWidth - x - w, y, w, h),
            3 => new(storedWidth - x - w, storedHeight - y - h, w, h),
            4 => new(x, storedHeight - y - h, w, h),
            5 => new(y, x, h, w),
            6 => new(storedHeight - y - h, x, h, w),
            7 => new(storedHeight - y - h, storedWidth - x - w, h, w),
            8 => new(y, storedWidth - x - w, h, w),
            _ => stored,
        };
    }

    /// <summary>The rectangle of the stored image whose pixels are shown at <paramref name="displayed"/> (the inverse of <see cref="ToDisplayed"/>).</summary>
    public static PixelRect ToStored(int orientation, int storedWidth, int storedHeight, PixelRect displayed)
    {
        // Undoing an orientation is showing the displayed image with the inverse one: 6 and 8 (quarter turns) undo each
        // other, every other orientation undoes itself.
        var inverse = orientation switch { 6 => 8, 8 => 6, _ => orientation };
        return SwapsSides(orientation)
            ? ToDisplayed(inverse, storedHeight, storedWidth, displayed)
            : ToDisplayed(inverse, storedWidth, storedHeight, displayed);
    }

    public static RgbImage Apply(RgbImage image, int orientation)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (orientation is < 2 or > 8)
        {
            return image;
        }
        var w = image.Width;
        var h = image.Height;
        var swap = SwapsSides(orientation);
        var result = swap ? new RgbImage(h, w) : new RgbImage(w, h);
        var src = image.Pixels;
        var dst = result.Pixels;
        var outW = result.Width;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // Where stored pixel (x, y) lands when displayed.
                var (dx, dy) = orientation switch
                {
                    2 => (w - 1 - x, y),
                    3 => (w - 1 - x, h - 1 - y),
                    4 => (x, h - 1 - y),
                    5 => (y, x),
                    6 => (h - 1 - y, x),
                    7 => (h - 1 - y, w - 1 - x),
                    _ => (y, w - 1 - x), // 8
                };
                var s = ((y * w) + x) * 3;
                var d = ((dy * outW) + dx) * 3;
                dst[d] = src[s];
                dst[d + 1] = src[s + 1];
                dst[d + 2] = src[s + 2];
            }
        }
        return result;
    }
}
