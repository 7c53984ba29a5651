using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Benchmarks.Redaction;

/// <summary>
/// The baseline: PostGuard's face redactor before the running-sum one, kept unchanged here only to be measured
/// against it. Its blur radius is half the box side and its inner loop walks the whole window, so its cost grows
/// with the cube of the face size.
/// <para>
/// What it did: each (margin-grown) box is replaced by its mean colour and its edges box-blurred,
/// so three numbers per face survive and nothing of the original detail remains in the pixels (unlike a
/// Gaussian blur, which can be partly undone). A single cell rather than a grid: on the test photos a 3×3
/// grid still left head-shaped blobs the detector scored up to 0.62, a flat fill none.
/// </para>
/// </summary>
internal static class LegacyFaceRedactor
{
    /// <summary>Cells across the shorter side of a redacted box.</summary>
    public const int CellsAcross = 1;

    public static void Redact(RgbImage image, IEnumerable<FaceBox> faces, double margin)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        foreach (var face in faces)
        {
            var box = face.Expand(margin, image.Width, image.Height);
            var x0 = (int)Math.Floor(box.X);
            var y0 = (int)Math.Floor(box.Y);
            var x1 = Math.Min(image.Width, (int)Math.Ceiling(box.Right));
            var y1 = Math.Min(image.Height, (int)Math.Ceiling(box.Bottom));
            if (x1 - x0 < 1 || y1 - y0 < 1)
            {
                continue;
            }
            Pixelate(image, x0, y0, x1, y1);
            Blur(image, x0, y0, x1, y1, Math.Max(1, Math.Min(x1 - x0, y1 - y0) / (CellsAcross * 2)));
        }
    }

    private static void Pixelate(RgbImage image, int x0, int y0, int x1, int y1)
    {
        var cell = Math.Max(1, (int)Math.Ceiling(Math.Min(x1 - x0, y1 - y0) / (double)CellsAcross));
        var p = image.Pixels;
        for (var cy = y0; cy < y1; cy += cell)
        {
            for (var cx = x0; cx < x1; cx += cell)
            {
                var ex = Math.Min(x1, cx + cell);
                var ey = Math.Min(y1, cy + cell);
                long r = 0, g = 0, b = 0;
                var n = (ex - cx) * (ey - cy);
                for (var y = cy; y < ey; y++)
                {
                    for (var x = cx; x < ex; x++)
                    {
                        var i = ((y * image.Width) + x) * 3;
                        r += p[i];
                        g += p[i + 1];
                        b += p[i + 2];
                    }
                }
                var (mr, mg, mb) = ((byte)(r / n), (byte)(g / n), (byte)(b / n));
                for (var y = cy; y < ey; y++)
                {
                    for (var x = cx; x < ex; x++)
                    {
                        var i = ((y * image.Width) + x) * 3;
                        p[i] = mr;
                        p[i + 1] = mg;
                        p[i + 2] = mb;
                    }
                }
            }
        }
    }

    /// <summary>A separable box blur of the region only (its edges read pixels of the region, clamped).</summary>
    private static void Blur(RgbImage image, int x0, int y0, int x1, int y1, int radius)
    {
        var w = x1 - x0;
        var h = y1 - y0;
        var buffer = new int[w * h * 3];
        var p = image.Pixels;
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        var xx = Math.Clamp(x + k, 0, w - 1);
                        sum += p[((((y0 + y) * image.Width) + x0 + xx) * 3) + c];
                    }
                    buffer[(((y * w) + x) * 3) + c] = sum / ((2 * radius) + 1);
                }
            }
        }
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var sum = 0;
                    for (var k = -radius; k <= radius; k++)
                    {
                        var yy = Math.Clamp(y + k, 0, h - 1);
                        sum += buffer[(((yy * w) + x) * 3) + c];
                    }
                    p[((((y0 + y) * image.Width) + x0 + x) * 3) + c] = (byte)(sum / ((2 * radius) + 1));
                }
            }
        }
    }
}
