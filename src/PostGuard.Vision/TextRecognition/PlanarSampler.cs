using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// Fills PaddleOCR input tensors, planar [3, H, W] in B, G, R order (the models were trained on OpenCV's BGR images),
/// each channel mapped by <c>value / 255 × scale + offset</c>. Either an upright window of the image, area-averaged
/// (the detector: no aliasing when a 12-MP photo shrinks), or a rotated rectangle straightened out, supersampled
/// bilinearly (a text line for the recogniser).
/// </summary>
internal static class PlanarSampler
{
    /// <summary>Per-channel normalisation in B, G, R order.</summary>
    internal readonly record struct Normalisation(float ScaleB, float ScaleG, float ScaleR, float OffsetB, float OffsetG, float OffsetR)
    {
        /// <summary>(v − mean) / std with mean and std given in the order B, G, R.</summary>
        public static Normalisation MeanStd(double meanB, double meanG, double meanR, double stdB, double stdG, double stdR) =>
            new((float)(1 / stdB), (float)(1 / stdG), (float)(1 / stdR), (float)(-meanB / stdB), (float)(-meanG / stdG), (float)(-meanR / stdR));
    }

    /// <summary>
    /// Area-averages the window (x, y, width, height, image pixels; parts outside the image are left as they are in the tensor)
    /// into the top-left <paramref name="contentWidth"/> × <paramref name="contentHeight"/> of a tensor <paramref name="tensorWidth"/> wide.
    /// </summary>
    public static unsafe void SampleWindow(RgbImage image, double x, double y, double width, double height, int contentWidth, int contentHeight, int tensorWidth, int tensorHeight, Normalisation norm, float[] tensor)
    {
        var plane = tensorWidth * tensorHeight;
        if (tensor.Length < 3 * plane)
        {
            throw new ArgumentException("tensor too small", nameof(tensor));
        }
        var stepX = width / contentWidth;
        var stepY = height / contentHeight;
        var x0 = new int[contentWidth];
        var x1 = new int[contentWidth];
        for (var o = 0; o < contentWidth; o++)
        {
            var a = (int)Math.Floor(x + (o * stepX));
            var b = Math.Max(a + 1, (int)Math.Floor(x + ((o + 1) * stepX)));
            x0[o] = Math.Clamp(a, 0, image.Width);
            x1[o] = Math.Clamp(b, 0, image.Width);
        }
        var sums = new int[contentWidth * 3];
        var stride = image.Stride;
        fixed (byte* pixels = image.Pixels)
        fixed (float* output = tensor)
        {
            for (var oy = 0; oy < contentHeight; oy++)
            {
                var top = (int)Math.Floor(y + (oy * stepY));
                var ya = Math.Clamp(top, 0, image.Height);
                var yb = Math.Clamp(Math.Max(top + 1, (int)Math.Floor(y + ((oy + 1) * stepY))), 0, image.Height);
                if (yb <= ya)
                {
                    continue;
                }
                Array.Clear(sums);
                for (var yy = ya; yy < yb; yy++)
                {
                    var row = pixels + ((long)yy * stride);
                    for (var ox = 0; ox < contentWidth; ox++)
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
                var blue = output + (oy * tensorWidth);
                var green = blue + plane;
                var red = green + plane;
                for (var ox = 0; ox < contentWidth; ox++)
                {
                    var count = rows * (x1[ox] - x0[ox]);
                    if (count == 0)
                    {
                        continue;
                    }
                    var k = 1f / (255f * count);
                    red[ox] = (sums[ox * 3] * k * norm.ScaleR) + norm.OffsetR;
                    green[ox] = (sums[(ox * 3) + 1] * k * norm.ScaleG) + norm.OffsetG;
                    blue[ox] = (sums[(ox * 3) + 2] * k * norm.ScaleB) + norm.OffsetB;
                }
            }
        }
    }

    /// <summary>
    /// Straightens the rotated rectangle <paramref name="quad"/> (image pixels, reading order) into the first
    /// <paramref name="contentWidth"/> columns of tensor item <paramref name="item"/> ([n, 3, height, tensorWidth]).
    /// Each output pixel averages k×k bilinear samples, k = source pixels per output pixel, so shrinking does not alias.
    /// </summary>
    public static void SampleQuad(RgbImage image, TextQuad quad, int contentWidth, int height, int tensorWidth, int item, Normalisation norm, float[] tensor)
    {
        var plane = tensorWidth * height;
        var baseIndex = item * 3 * plane;
        var (ax, ay) = ((quad.TopRight.X - quad.TopLeft.X) / contentWidth, (quad.TopRight.Y - quad.TopLeft.Y) / contentWidth);
        var (bx, by) = ((quad.BottomLeft.X - quad.TopLeft.X) / height, (quad.BottomLeft.Y - quad.TopLeft.Y) / height);
        var stepAlong = Math.Sqrt((ax * ax) + (ay * ay));
        var stepAcross = Math.Sqrt((bx * bx) + (by * by));
        var k = Math.Clamp((int)Math.Ceiling(Math.Max(stepAlong, stepAcross)), 1, 8);
        var pixels = image.Pixels;
        var w = image.Width;
        var h = image.Height;
        Span<float> rgb = stackalloc float[3];
        for (var v = 0; v < height; v++)
        {
            for (var u = 0; u < contentWidth; u++)
            {
                rgb.Clear();
                for (var sv = 0; sv < k; sv++)
                {
                    var fv = v + ((sv + 0.5) / k);
                    for (var su = 0; su < k; su++)
                    {
                        var fu = u + ((su + 0.5) / k);
                        var sx = quad.TopLeft.X + (fu * ax) + (fv * bx) - 0.5;
                        var sy = quad.TopLeft.Y + (fu * ay) + (fv * by) - 0.5;
                        Bilinear(pixels, w, h, sx, sy, rgb);
                    }
                }
                var scale = 1f / (255f * k * k);
                var at = baseIndex + (v * tensorWidth) + u;
                tensor[at] = (rgb[2] * scale * norm.ScaleB) + norm.OffsetB;
                tensor[at + plane] = (rgb[1] * scale * norm.ScaleG) + norm.OffsetG;
                tensor[at + (2 * plane)] = (rgb[0] * scale * norm.ScaleR) + norm.OffsetR;
            }
        }
    }

    private static void Bilinear(byte[] pixels, int w, int h, double x, double y, Span<float> into)
    {
        x = Math.Clamp(x, 0, w - 1);
        y = Math.Clamp(y, 0, h - 1);
        var x0 = (int)x;
        var y0 = (int)y;
        var x1 = Math.Min(x0 + 1, w - 1);
        var y1 = Math.Min(y0 + 1, h - 1);
        var fx = (float)(x - x0);
        var fy = (float)(y - y0);
        var a = ((y0 * w) + x0) * 3;
        var b = ((y0 * w) + x1) * 3;
        var c = ((y1 * w) + x0) * 3;
        var d = ((y1 * w) + x1) * 3;
        for (var ch = 0; ch < 3; ch++)
        {
            var top = pixels[a + ch] + ((pixels[b + ch] - pixels[a + ch]) * fx);
            var bottom = pixels[c + ch] + ((pixels[d + ch] - pixels[c + ch]) * fx);
            into[ch] += top + ((bottom - top) * fy);
        }
    }
}
