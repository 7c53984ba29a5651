using PostGuard.Vision.TextRecognition;

namespace PostGuard.Vision.Tests.TextRecognition;

public sealed class TextRegionFinderTests
{
    private static float[] Map(int width, int height) => new float[width * height];

    private static void Fill(float[] map, int width, int x0, int y0, int w, int h, float value)
    {
        for (var y = y0; y < y0 + h; y++)
        {
            for (var x = x0; x < x0 + w; x++)
            {
                map[(y * width) + x] = value;
            }
        }
    }

    [Fact]
    public void A_shrunk_text_region_is_grown_back_by_the_unclip_distance()
    {
        var map = Map(200, 100);
        Fill(map, 200, 40, 30, 100, 10, 0.9f);
        var result = TextRegionFinder.Find(map, 200, 100, new TextRegionFinder.Settings());
        var region = Assert.Single(result.Regions);
        // 100 × 10 grows by area × 1.5 / perimeter = 1000 × 1.5 / 220 ≈ 6.8 on every side.
        var distance = 100.0 * 10 * 1.5 / 220;
        Assert.Equal(100 + (2 * distance), region.Quad.Width, 0.5);
        Assert.Equal(10 + (2 * distance), region.Quad.Height, 0.5);
        Assert.Equal(0.9, region.Score, 3);
        Assert.Equal(39.5 - distance, region.Quad.TopLeft.X, 0.5);
    }

    [Fact]
    public void A_rotated_line_keeps_its_angle()
    {
        var map = Map(200, 200);
        // A 120 × 8 bar at 30 degrees.
        var (cos, sin) = (Math.Cos(Math.PI / 6), Math.Sin(Math.PI / 6));
        for (var y = 0; y < 200; y++)
        {
            for (var x = 0; x < 200; x++)
            {
                var (dx, dy) = (x - 100.0, y - 100.0);
                var along = (dx * cos) + (dy * sin);
                var across = (-dx * sin) + (dy * cos);
                if (Math.Abs(along) <= 60 && Math.Abs(across) <= 4)
                {
                    map[(y * 200) + x] = 0.95f;
                }
            }
        }
        var region = Assert.Single(TextRegionFinder.Find(map, 200, 200, new TextRegionFinder.Settings()).Regions);
        var top = region.Quad.TopRight with { X = region.Quad.TopRight.X - region.Quad.TopLeft.X, Y = region.Quad.TopRight.Y - region.Quad.TopLeft.Y };
        Assert.InRange(Math.Atan2(top.Y, top.X) * 180 / Math.PI, 29, 31);
        Assert.True(region.Quad.Width > 125 && region.Quad.Height < 30, $"{region.Quad.Width} × {region.Quad.Height}");
    }

    [Fact]
    public void Faint_or_tiny_areas_are_not_lines_but_are_reported_as_text_like()
    {
        var map = Map(100, 100);
        Fill(map, 100, 10, 10, 30, 10, 0.45f);   // above the pixel threshold, below the box threshold
        Fill(map, 100, 60, 60, 2, 2, 0.9f);      // too small for a line
        Fill(map, 100, 60, 20, 30, 10, 0.2f);    // below the pixel threshold
        var result = TextRegionFinder.Find(map, 100, 100, new TextRegionFinder.Settings());
        Assert.Empty(result.Regions);
        Assert.Equal(2, result.Active.Count);
    }

    [Fact]
    public void At_most_the_configured_number_of_regions_come_back_the_most_certain_first()
    {
        var map = Map(400, 400);
        for (var i = 0; i < 20; i++)
        {
            Fill(map, 400, 10 + ((i % 4) * 100), 10 + ((i / 4) * 70), 60, 8, 0.6f + (i * 0.01f));
        }
        var regions = TextRegionFinder.Find(map, 400, 400, new TextRegionFinder.Settings(MaxRegions: 5)).Regions;
        Assert.Equal(5, regions.Count);
        Assert.Equal([0.79, 0.78, 0.77, 0.76, 0.75], regions.Select(r => Math.Round(r.Score, 2)));
    }

    [Fact]
    public void A_map_of_the_wrong_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TextRegionFinder.Find(new float[10], 5, 5, new TextRegionFinder.Settings()));
    }
}
