namespace PostGuard.Vision.TextRecognition;

/// <summary>The plane geometry text detection needs: convex hulls, the smallest rotated rectangle around points, point-in-polygon.</summary>
internal static class Geometry
{
    /// <summary>A rotated rectangle: centre, the unit vector along its first side, and its side lengths.</summary>
    internal readonly record struct RotatedRectangle(double CenterX, double CenterY, double AxisX, double AxisY, double Width, double Height)
    {
        public RotatedRectangle Grow(double distance) => this with { Width = Width + (2 * distance), Height = Height + (2 * distance) };

        /// <summary>Corners clockwise on screen starting from the one where -axis and -normal meet.</summary>
        public IReadOnlyList<TextPoint> Corners
        {
            get
            {
                var (ux, uy) = (AxisX * Width / 2, AxisY * Width / 2);
                var (vx, vy) = (-AxisY * Height / 2, AxisX * Height / 2);
                return
                [
                    new TextPoint(CenterX - ux - vx, CenterY - uy - vy),
                    new TextPoint(CenterX + ux - vx, CenterY + uy - vy),
                    new TextPoint(CenterX + ux + vx, CenterY + uy + vy),
                    new TextPoint(CenterX - ux + vx, CenterY - uy + vy),
                ];
            }
        }

        /// <summary>
        /// Corners in PaddleOCR's order: of the two leftmost corners the upper is top-left and the lower bottom-left;
        /// of the two rightmost the upper is top-right and the lower bottom-right.
        /// </summary>
        public TextQuad ToQuad()
        {
            var sorted = Corners.OrderBy(p => p.X).ThenBy(p => p.Y).ToArray();
            var (topLeft, bottomLeft) = sorted[0].Y <= sorted[1].Y ? (sorted[0], sorted[1]) : (sorted[1], sorted[0]);
            var (topRight, bottomRight) = sorted[2].Y <= sorted[3].Y ? (sorted[2], sorted[3]) : (sorted[3], sorted[2]);
            return new TextQuad(topLeft, topRight, bottomRight, bottomLeft);
        }
    }

    /// <summary>Andrew's monotone chain; returns the hull anticlockwise in a y-up frame, without repeated points.</summary>
    public static List<TextPoint> ConvexHull(List<TextPoint> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3)
        {
            return sorted;
        }
        var hull = new TextPoint[2 * sorted.Count];
        var k = 0;
        foreach (var p in sorted)
        {
            while (k >= 2 && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }
            hull[k++] = p;
        }
        var lower = k + 1;
        for (var i = sorted.Count - 2; i >= 0; i--)
        {
            var p = sorted[i];
            while (k >= lower && Cross(hull[k - 2], hull[k - 1], p) <= 0)
            {
                k--;
            }
            hull[k++] = p;
        }
        return [.. hull.Take(k - 1)];
    }

    /// <summary>The smallest-area rectangle around a convex polygon: one of its sides lies along a hull edge (rotating calipers).</summary>
    public static RotatedRectangle MinimumAreaRectangle(IReadOnlyList<TextPoint> hull)
    {
        var best = default(RotatedRectangle);
        var bestArea = double.MaxValue;
        for (var i = 0; i < hull.Count; i++)
        {
            var a = hull[i];
            var b = hull[(i + 1) % hull.Count];
            var length = TextPoint.Distance(a, b);
            if (length < 1e-9)
            {
                continue;
            }
            var (ux, uy) = ((b.X - a.X) / length, (b.Y - a.Y) / length);
            double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
            foreach (var p in hull)
            {
                var u = (p.X * ux) + (p.Y * uy);
                var v = (-p.X * uy) + (p.Y * ux);
                minU = Math.Min(minU, u);
                maxU = Math.Max(maxU, u);
                minV = Math.Min(minV, v);
                maxV = Math.Max(maxV, v);
            }
            var area = (maxU - minU) * (maxV - minV);
            if (area < bestArea)
            {
                bestArea = area;
                var cu = (minU + maxU) / 2;
                var cv = (minV + maxV) / 2;
                // Back from (u, v) to (x, y): x = u·ux − v·uy, y = u·uy + v·ux.
                best = new RotatedRectangle((cu * ux) - (cv * uy), (cu * uy) + (cv * ux), ux, uy, maxU - minU, maxV - minV);
            }
        }
        if (bestArea == double.MaxValue)
        {
            var p = hull[0];
            return new RotatedRectangle(p.X, p.Y, 1, 0, 0, 0);
        }
        // A region of whole pixels covers ±0.5 around each pixel centre.
        return best with { Width = best.Width + 1, Height = best.Height + 1 };
    }

    /// <summary>True when (x, y) lies inside or on a convex polygon given in either winding.</summary>
    public static bool InsideConvex(IReadOnlyList<TextPoint> polygon, double x, double y)
    {
        var sign = 0;
        for (var i = 0; i < polygon.Count; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % polygon.Count];
            var cross = ((b.X - a.X) * (y - a.Y)) - ((b.Y - a.Y) * (x - a.X));
            if (Math.Abs(cross) < 1e-9)
            {
                continue;
            }
            var s = Math.Sign(cross);
            if (sign == 0)
            {
                sign = s;
            }
            else if (s != sign)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The area two convex polygons share (Sutherland–Hodgman clipping, then the shoelace formula).</summary>
    public static double IntersectionArea(IReadOnlyList<TextPoint> subject, IReadOnlyList<TextPoint> clip)
    {
        var output = subject.ToList();
        var orientation = Math.Sign(SignedArea(clip));
        if (orientation == 0)
        {
            return 0;
        }
        for (var i = 0; i < clip.Count && output.Count > 0; i++)
        {
            var a = clip[i];
            var b = clip[(i + 1) % clip.Count];
            var input = output;
            output = [];
            for (var j = 0; j < input.Count; j++)
            {
                var p = input[j];
                var q = input[(j + 1) % input.Count];
                var pInside = orientation * Cross(a, b, p) >= 0;
                var qInside = orientation * Cross(a, b, q) >= 0;
                if (pInside)
                {
                    output.Add(p);
                }
                if (pInside != qInside)
                {
                    output.Add(Intersect(p, q, a, b));
                }
            }
        }
        return output.Count < 3 ? 0 : Math.Abs(SignedArea(output));
    }

    public static double SignedArea(IReadOnlyList<TextPoint> polygon)
    {
        double sum = 0;
        for (var i = 0; i < polygon.Count; i++)
        {
            var a = polygon[i];
            var b = polygon[(i + 1) % polygon.Count];
            sum += (a.X * b.Y) - (b.X * a.Y);
        }
        return sum / 2;
    }

    private static TextPoint Intersect(TextPoint p, TextPoint q, TextPoint a, TextPoint b)
    {
        var (x1, y1, x2, y2) = (p.X, p.Y, q.X, q.Y);
        var (x3, y3, x4, y4) = (a.X, a.Y, b.X, b.Y);
        var denominator = ((x1 - x2) * (y3 - y4)) - ((y1 - y2) * (x3 - x4));
        if (Math.Abs(denominator) < 1e-12)
        {
            return q;
        }
        var t = (((x1 - x3) * (y3 - y4)) - ((y1 - y3) * (x3 - x4))) / denominator;
        return new TextPoint(x1 + (t * (x2 - x1)), y1 + (t * (y2 - y1)));
    }

    private static double Cross(TextPoint o, TextPoint a, TextPoint b) => ((a.X - o.X) * (b.Y - o.Y)) - ((a.Y - o.Y) * (b.X - o.X));
}
