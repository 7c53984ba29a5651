using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Redaction;

namespace PostGuard.Vision.Tests.Redaction;

/// <summary>The redactor's pixel contract on generated images: what changes, what cannot, and bad rectangles.</summary>
public sealed class RegionRedactorTests
{
    [Fact]
    public void Every_pixel_outside_the_rectangles_is_unchanged()
    {
        var original = Noise(300, 200, seed: 1);
        var regions = new[] { new FaceBox(10, 20, 50, 40), new FaceBox(120.4, 80.6, 99.2, 70.1), new FaceBox(250, 150, 80, 80) };

        var redacted = original.Clone();
        RegionRedactor.Redact(redacted, regions);

        var changed = 0;
        for (var y = 0; y < original.Height; y++)
        {
            for (var x = 0; x < original.Width; x++)
            {
                // Any pixel a rectangle touches is covered: x 120.4 → column 120, right edge 219.6 → column 219.
                var covered = (x >= 10 && x < 60 && y >= 20 && y < 60) || (x >= 120 && x < 220 && y >= 80 && y < 151) || (x >= 250 && y >= 150);
                if (!covered)
                {
                    Assert.True(Pixel(original, x, y) == Pixel(redacted, x, y), $"pixel ({x}, {y}) outside every rectangle changed");
                }
                else if (Pixel(original, x, y) != Pixel(redacted, x, y))
                {
                    changed++;
                }
            }
        }
        Assert.True(changed > 0.95 * ((50 * 40) + (100 * 71) + (50 * 50)), $"only {changed} covered pixels changed");
    }

    [Fact]
    public void Nothing_inside_a_rectangle_survives_but_its_mean_colour()
    {
        // Two images that differ only by a reshuffle of the pixels inside the rectangle (same mean, other content)
        // must redact to the same bytes: the result cannot tell them apart, so it cannot give the content back.
        var region = new PixelBox(40, 30, 90, 70);
        var first = Noise(160, 120, seed: 2);
        var second = first.Clone();
        ShuffleInside(second, region, seed: 3);
        Assert.NotEqual(first.Pixels, second.Pixels);

        RegionRedactor.Redact(first, [region.AsFaceBox()]);
        RegionRedactor.Redact(second, [region.AsFaceBox()]);

        Assert.Equal(first.Pixels, second.Pixels);
    }

    [Fact]
    public void Overlapping_rectangles_are_both_redacted_and_keep_nothing_of_their_overlap()
    {
        var a = new PixelBox(20, 20, 80, 70);
        var b = new PixelBox(60, 40, 120, 100);
        var overlap = new PixelBox(60, 40, 80, 70);
        var original = Noise(150, 120, seed: 4);
        var reshuffled = original.Clone();
        ShuffleInside(reshuffled, overlap, seed: 5);

        var first = original.Clone();
        var second = reshuffled;
        RegionRedactor.Redact(first, [a.AsFaceBox(), b.AsFaceBox()]);
        RegionRedactor.Redact(second, [a.AsFaceBox(), b.AsFaceBox()]);

        Assert.Equal(first.Pixels, second.Pixels);
        Assert.True(Detail(first, a) < Detail(original, a) / 10);
        Assert.True(Detail(first, b) < Detail(original, b) / 10);
        Assert.Equal(Pixel(original, 10, 10), Pixel(first, 10, 10));
        Assert.Equal(Pixel(original, 130, 110), Pixel(first, 130, 110));
    }

    [Fact]
    public void The_inside_is_one_flat_colour_with_a_soft_band_at_the_border()
    {
        // Black all round, a white square: the fill is white, and the band just inside the border blends towards black.
        var image = new RgbImage(200, 200);
        var square = new PixelBox(50, 50, 150, 150);
        ForEach(square, (x, y) => Set(image, x, y, 255));

        RegionRedactor.Redact(image, [square.AsFaceBox()]);

        var band = (int)(100 * RegionRedactor.EdgeFraction);
        ForEach(new PixelBox(50 + band, 50 + band, 150 - band, 150 - band), (x, y) => Assert.Equal((255, 255, 255), Pixel(image, x, y)));
        var edge = Pixel(image, 50, 100).R;
        Assert.InRange(edge, 100, 160);
        Assert.True(Pixel(image, 50 + (band / 2), 100).R > edge, "the band does not ramp towards the fill");
        Assert.True(Pixel(image, 50, 50).R < edge, "a corner is not softer than an edge");
        Assert.Equal((0, 0, 0), Pixel(image, 49, 100));
    }

    [Fact]
    public void Rectangles_partly_outside_are_clipped_and_ones_wholly_outside_or_empty_change_nothing()
    {
        var original = Noise(100, 80, seed: 6);
        var ignored = new[]
        {
            new FaceBox(-50, -50, 40, 40), new FaceBox(100, 0, 30, 30), new FaceBox(0, 80, 10, 10), new FaceBox(500, 500, 10, 10),
            new FaceBox(20, 20, 0, 30), new FaceBox(20, 20, 30, 0), new FaceBox(20, 20, -10, 30), new FaceBox(-1e9, -1e9, 1e6, 1e6),
        };
        var untouched = original.Clone();
        RegionRedactor.Redact(untouched, ignored);
        Assert.Equal(original.Pixels, untouched.Pixels);

        var clipped = original.Clone();
        RegionRedactor.Redact(clipped, [new FaceBox(-30, -20, 60, 50), new FaceBox(80, 60, 1e9, 1e9)]);
        Assert.True(Detail(clipped, new PixelBox(0, 0, 30, 30)) < Detail(original, new PixelBox(0, 0, 30, 30)) / 10);
        Assert.True(Detail(clipped, new PixelBox(80, 60, 100, 80)) < Detail(original, new PixelBox(80, 60, 100, 80)) / 5);
        ForEach(new PixelBox(30, 30, 80, 60), (x, y) => Assert.Equal(Pixel(original, x, y), Pixel(clipped, x, y)));
    }

    [Fact]
    public void A_rectangle_larger_than_the_image_makes_it_one_colour()
    {
        var image = Noise(64, 48, seed: 7);
        RegionRedactor.Redact(image, [new FaceBox(-10, -10, 100, 100)]);
        var first = Pixel(image, 0, 0);
        ForEach(new PixelBox(0, 0, 64, 48), (x, y) => Assert.Equal(first, Pixel(image, x, y)));
    }

    [Fact]
    public void A_one_pixel_image_and_one_pixel_rectangles_are_handled()
    {
        var single = new RgbImage(1, 1, [10, 20, 30]);
        RegionRedactor.Redact(single, [new FaceBox(0, 0, 1, 1), new FaceBox(-5, -5, 20, 20), new FaceBox(0.2, 0.3, 0.1, 0.1)]);
        Assert.Equal(new byte[] { 10, 20, 30 }, single.Pixels);

        // A one-pixel rectangle is all border: it becomes the mean of its 3 × 3 neighbourhood; nothing else moves.
        var image = Noise(10, 10, seed: 8);
        var before = image.Clone();
        RegionRedactor.Redact(image, [new FaceBox(3, 3, 1, 1), new FaceBox(9, 9, 1, 1)]);
        ForEach(new PixelBox(0, 0, 10, 10), (x, y) =>
        {
            if ((x, y) is not ((3, 3) or (9, 9)))
            {
                Assert.Equal(Pixel(before, x, y), Pixel(image, x, y));
            }
        });
        Assert.Equal(NeighbourhoodMean(before, 3, 3), Pixel(image, 3, 3));
    }

    [Fact]
    public void A_rectangle_that_is_not_a_number_is_refused_before_anything_changes()
    {
        var image = Noise(20, 20, seed: 9);
        var before = image.Clone();
        var error = Assert.Throws<ArgumentException>(() => RegionRedactor.Redact(image, [new FaceBox(1, 1, 5, 5), new FaceBox(double.NaN, 0, 5, 5)]));
        Assert.Equal("regions", error.ParamName);
        Assert.Contains("Region 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RegionRedactor.Redact(image, [new FaceBox(0, 0, double.PositiveInfinity, 5)]));
        Assert.Equal(before.Pixels, image.Pixels);
    }

    [Fact]
    public void Faces_are_grown_by_the_margin_before_they_are_redacted()
    {
        var original = Noise(200, 200, seed: 10);
        var redacted = original.Clone();
        FaceRedactor.Redact(redacted, [new FaceBox(80, 80, 40, 40)], margin: 0.25);

        // Grown by 10 px on every side: 70..130.
        Assert.True(Detail(redacted, new PixelBox(70, 70, 130, 130)) < Detail(original, new PixelBox(70, 70, 130, 130)) / 10);
        ForEach(new PixelBox(0, 0, 200, 70), (x, y) => Assert.Equal(Pixel(original, x, y), Pixel(redacted, x, y)));
        ForEach(new PixelBox(0, 70, 70, 130), (x, y) => Assert.Equal(Pixel(original, x, y), Pixel(redacted, x, y)));
        ForEach(new PixelBox(130, 70, 200, 130), (x, y) => Assert.Equal(Pixel(original, x, y), Pixel(redacted, x, y)));
        ForEach(new PixelBox(0, 130, 200, 200), (x, y) => Assert.Equal(Pixel(original, x, y), Pixel(redacted, x, y)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FaceRedactor.Redact(redacted, [], margin: -0.1));
    }

    /// <summary>Whole pixels [X0, X1) × [Y0, Y1).</summary>
    private readonly record struct PixelBox(int X0, int Y0, int X1, int Y1)
    {
        public FaceBox AsFaceBox() => new(X0, Y0, X1 - X0, Y1 - Y0);
    }

    private static RgbImage Noise(int width, int height, int seed)
    {
        var image = new RgbImage(width, height);
        new Random(seed).NextBytes(image.Pixels);
        return image;
    }

    private static void ShuffleInside(RgbImage image, PixelBox box, int seed)
    {
        var pixels = new List<(byte, byte, byte)>();
        ForEach(box, (x, y) => pixels.Add(Pixel(image, x, y)));
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pixels));
        var k = 0;
        ForEach(box, (x, y) =>
        {
            var (r, g, b) = pixels[k++];
            var i = ((y * image.Width) + x) * 3;
            (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]) = (r, g, b);
        });
    }

    private static void ForEach(PixelBox box, Action<int, int> action)
    {
        for (var y = box.Y0; y < box.Y1; y++)
        {
            for (var x = box.X0; x < box.X1; x++)
            {
                action(x, y);
            }
        }
    }

    private static (byte R, byte G, byte B) Pixel(RgbImage image, int x, int y)
    {
        var i = ((y * image.Width) + x) * 3;
        return (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
    }

    private static (byte R, byte G, byte B) NeighbourhoodMean(RgbImage image, int cx, int cy)
    {
        int r = 0, g = 0, b = 0;
        ForEach(new PixelBox(cx - 1, cy - 1, cx + 2, cy + 2), (x, y) =>
        {
            var (pr, pg, pb) = Pixel(image, x, y);
            (r, g, b) = (r + pr, g + pg, b + pb);
        });
        return ((byte)Math.Round(r / 9.0), (byte)Math.Round(g / 9.0), (byte)Math.Round(b / 9.0));
    }

    private static void Set(RgbImage image, int x, int y, byte value) => image.Pixels.AsSpan(((y * image.Width) + x) * 3, 3).Fill(value);

    /// <summary>Mean absolute difference between horizontal neighbours (all channels): about 85 for noise, 0 for a flat fill.</summary>
    private static double Detail(RgbImage image, PixelBox box)
    {
        long sum = 0;
        var n = 0;
        for (var y = box.Y0; y < box.Y1; y++)
        {
            for (var x = box.X0; x < box.X1 - 1; x++)
            {
                var i = ((y * image.Width) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    sum += Math.Abs(image.Pixels[i + c] - image.Pixels[i + 3 + c]);
                    n++;
                }
            }
        }
        return (double)sum / n;
    }
}
