using SkiaSharp;

namespace PostGuard.TextEvaluation.Rendering;

/// <summary>The perspective transform taking a w × h rectangle's corners (clockwise from top-left) onto four points (Heckbert's square-to-quad).</summary>
internal static class Homography
{
    public static SKMatrix FromRectangle(float width, float height, SKPoint[] quad)
    {
        double x0 = quad[0].X, y0 = quad[0].Y, x1 = quad[1].X, y1 = quad[1].Y, x2 = quad[2].X, y2 = quad[2].Y, x3 = quad[3].X, y3 = quad[3].Y;
        double dx1 = x1 - x2, dx2 = x3 - x2, dx3 = x0 - x1 + x2 - x3;
        double dy1 = y1 - y2, dy2 = y3 - y2, dy3 = y0 - y1 + y2 - y3;
        double a, b, c, d, e, f, g, h;
        if (Math.Abs(dx3) < 1e-9 && Math.Abs(dy3) < 1e-9)
        {
            (a, b, c, d, e, f, g, h) = (x1 - x0, x3 - x0, x0, y1 - y0, y3 - y0, y0, 0, 0);
        }
        else
        {
            var det = (dx1 * dy2) - (dx2 * dy1);
            g = ((dx3 * dy2) - (dx2 * dy3)) / det;
            h = ((dx1 * dy3) - (dx3 * dy1)) / det;
            (a, b, c) = (x1 - x0 + (g * x1), x3 - x0 + (h * x3), x0);
            (d, e, f) = (y1 - y0 + (g * y1), y3 - y0 + (h * y3), y0);
        }
        // Unit square (u, v) = (x / width, y / height).
        return new SKMatrix((float)(a / width), (float)(b / height), (float)c, (float)(d / width), (float)(e / height), (float)f, (float)(g / width), (float)(h / height), 1);
    }
}
