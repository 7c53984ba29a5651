using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Faces;

/// <summary>
/// Fills a BlazeFace input tensor [1, S, S, 3] (RGB in [-1, 1]) from a square window of an image.
/// The window may reach outside the image (letterboxing): those pixels are black (−1).
/// Shrinking averages each output pixel's whole footprint (no aliasing on 12-MP photos); enlarging is bilinear.
/// </summary>
internal static class TensorSampler
{
    private const float Scale = 2f / 255f;

    public static void Sample(RgbImage image, double windowX, double windowY, double windowSide, int size, float[] tensor)
    {
        if (tensor.Length != size * size * 3)
        {
            throw new ArgumentException("tensor size mismatch", nameof(tensor));
        }
        Array.Fill(tensor, -1f);
        SampleInto(image, windowX, windowY, windowSide, new Cell(size, 0, 0, size), tensor);
    }

    /// <summary>Fills one square cell of a larger tensor (several crops in one model run); the cell must be pre-filled with −1.</summary>
    public static void SampleInto(RgbImage image, double windowX, double windowY, double windowSide, Cell cell, float[] tensor)
    {
        var step = windowSide / cell.Size;
        if (step >= 1)
        {
            SampleByArea(image, windowX, windowY, step, cell, tensor);
        }
        else
        {
            SampleBilinear(image, windowX, windowY, step, cell, tensor);
        }
    }

    /// <summary>A square of side <paramref name="Size"/> at (<paramref name="X"/>, <paramref name="Y"/>) inside a tensor of side <paramref name="TensorSize"/>.</summary>
    internal readonly record struct Cell(int TensorSize, int X, int Y, int Size);

    private static unsafe void SampleByArea(RgbImage image, double windowX, double windowY, double step, Cell cell, float[] tensor)
    {
        var size = cell.Size;
        var w = image.Width;
        var h = image.Height;
        var x0 = stackalloc int[size];
        var x1 = stackalloc int[size];
        for (var o = 0; o < size; o++)
        {
            var a = (int)Math.Floor(windowX + (o * step));
            var b = Math.Max(a + 1, (int)Math.Floor(windowX + ((o + 1) * step)));
            x0[o] = Math.Clamp(a, 0, w);
            x1[o] = Math.Clamp(b, 0, w);
        }
        var sums = stackalloc int[size * 3];
        var stride = image.Stride;
        fixed (byte* pixels = image.Pixels)
        fixed (float* output = tensor)
        {
            for (var oy = 0; oy < size; oy++)
            {
                var top = (int)Math.Floor(windowY + (oy * step));
                var ya = Math.Clamp(top, 0, h);
                var yb = Math.Clamp(Math.Max(top + 1, (int)Math.Floor(windowY + ((oy + 1) * step))), 0, h);
                if (yb <= ya)
                {
                    continue;
                }
                new Span<int>(sums, size * 3).Clear();
                for (var y = ya; y < yb; y++)
                {
                    var row = pixels + ((long)y * stride);
                    for (var ox = 0; ox < size; ox++)
                    {
                        int r = 0, g = 0, b = 0;
                        var end = row + (x1[ox] * 3);
                        for (var p = row + (x0[ox] * 3); p < end; p += 3)
                        {
                            r += p[0];
                            g += p[1];
                            b += p[2];
                        }
                        sums[ox * 3] += r;
                        sums[(ox * 3) + 1] += g;
                        sums[(ox * 3) + 2] += b;
                    }
                }
                var rows = yb - ya;
                var t = output + ((((cell.Y + oy) * cell.TensorSize) + cell.X) * 3);
                for (var ox = 0; ox < size; ox++)
                {
                    var count = rows * (x1[ox] - x0[ox]);
                    if (count == 0)
                    {
                        continue;
                    }
                    var k = Scale / count;
                    t[ox * 3] = (sums[ox * 3] * k) - 1f;
                    t[(ox * 3) + 1] = (sums[(ox * 3) + 1] * k) - 1f;
                    t[(ox * 3) + 2] = (sums[(ox * 3) + 2] * k) - 1f;
                }
            }
        }
    }

    private static void SampleBilinear(RgbImage image, double windowX, double windowY, double step, Cell cell, float[] tensor)
    {
        var size = cell.Size;
        var w = image.Width;
        var h = image.Height;
        var pixels = image.Pixels;
        for (var oy = 0; oy < size; oy++)
        {
            var sy = windowY + ((oy + 0.5) * step) - 0.5;
            if (sy < -0.5 || sy > h - 0.5)
            {
                continue;
            }
            var yA = Math.Clamp((int)Math.Floor(sy), 0, h - 1);
            var yB = Math.Min(yA + 1, h - 1);
            var fy = (float)Math.Clamp(sy - yA, 0, 1);
            for (var ox = 0; ox < size; ox++)
            {
                var sx = windowX + ((ox + 0.5) * step) - 0.5;
                if (sx < -0.5 || sx > w - 0.5)
                {
                    continue;
                }
                var xA = Math.Clamp((int)Math.Floor(sx), 0, w - 1);
                var xB = Math.Min(xA + 1, w - 1);
                var fx = (float)Math.Clamp(sx - xA, 0, 1);
                var t = ((((cell.Y + oy) * cell.TensorSize) + cell.X + ox) * 3);
                for (var c = 0; c < 3; c++)
                {
                    var top = (pixels[(((yA * w) + xA) * 3) + c] * (1 - fx)) + (pixels[(((yA * w) + xB) * 3) + c] * fx);
                    var bottom = (pixels[(((yB * w) + xA) * 3) + c] * (1 - fx)) + (pixels[(((yB * w) + xB) * 3) + c] * fx);
                    tensor[t + c] = (((top * (1 - fy)) + (bottom * fy)) * Scale) - 1f;
                }
            }
        }
    }
}
