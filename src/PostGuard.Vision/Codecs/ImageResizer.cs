namespace PostGuard.Vision.Codecs;

/// <summary>Resizes RGB images: area averaging when shrinking, bilinear when enlarging.</summary>
public static class ImageResizer
{
    public static RgbImage Resize(RgbImage source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        var result = new RgbImage(width, height);
        var sx = (double)source.Width / width;
        var sy = (double)source.Height / height;
        var src = source.Pixels;
        var dst = result.Pixels;
        for (var y = 0; y < height; y++)
        {
            var fy0 = y * sy;
            var fy1 = (y + 1) * sy;
            for (var x = 0; x < width; x++)
            {
                var fx0 = x * sx;
                var fx1 = (x + 1) * sx;
                var d = ((y * width) + x) * 3;
                if (sx <= 1 && sy <= 1)
                {
                    Bilinear(source, ((x + 0.5) * sx) - 0.5, ((y + 0.5) * sy) - 0.5, dst.AsSpan(d, 3));
                    continue;
                }
                var ya = (int)fy0;
                var yb = Math.Min(source.Height, Math.Max(ya + 1, (int)Math.Ceiling(fy1)));
                var xa = (int)fx0;
                var xb = Math.Min(source.Width, Math.Max(xa + 1, (int)Math.Ceiling(fx1)));
                int r = 0, g = 0, b = 0, n = 0;
                for (var yy = ya; yy < yb; yy++)
                {
                    var p = ((yy * source.Width) + xa) * 3;
                    for (var xx = xa; xx < xb; xx++, p += 3)
                    {
                        r += src[p];
                        g += src[p + 1];
                        b += src[p + 2];
                        n++;
                    }
                }
                dst[d] = (byte)(r / n);
                dst[d + 1] = (byte)(g / n);
                dst[d + 2] = (byte)(b / n);
            }
        }
        return result;
    }

    private static void Bilinear(RgbImage source, double x, double y, Span<byte> into)
    {
        x = Math.Clamp(x, 0, source.Width - 1);
        y = Math.Clamp(y, 0, source.Height - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var x1 = Math.Min(x0 + 1, source.Width - 1);
        var y1 = Math.Min(y0 + 1, source.Height - 1);
        var fx = x - x0;
        var fy = y - y0;
        var p = source.Pixels;
        for (var c = 0; c < 3; c++)
        {
            var top = (p[(((y0 * source.Width) + x0) * 3) + c] * (1 - fx)) + (p[(((y0 * source.Width) + x1) * 3) + c] * fx);
            var bottom = (p[(((y1 * source.Width) + x0) * 3) + c] * (1 - fx)) + (p[(((y1 * source.Width) + x1) * 3) + c] * fx);
            into[c] = (byte)Math.Round((top * (1 - fy)) + (bottom * fy));
        }
    }

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> with its top-left corner at (x, y), clipped.</summary>
    public static void Paste(RgbImage source, RgbImage target, int x, int y)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        for (var row = 0; row < source.Height; row++)
        {
            var ty = y + row;
            if (ty < 0 || ty >= target.Height)
            {
                continue;
            }
            var x0 = Math.Max(0, x);
            var x1 = Math.Min(target.Width, x + source.Width);
            if (x1 <= x0)
            {
                return;
            }
            source.Pixels.AsSpan(((row * source.Width) + (x0 - x)) * 3, (x1 - x0) * 3).CopyTo(target.Pixels.AsSpan(((ty * target.Width) + x0) * 3));
        }
    }
}
