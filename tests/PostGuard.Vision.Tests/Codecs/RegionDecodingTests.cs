using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Tests.Codecs;

/// <summary>
/// Decoding only a part of a JPEG (cut out in the DCT domain, then decoded): the part's pixels must be those of the whole
/// decode there, for every EXIF orientation and chroma subsampling a camera writes, and a damaged file is refused as the
/// whole decode refuses it.
/// </summary>
[Collection(VisionCollection.Name)]
public sealed class RegionDecodingTests(VisionFixture vision)
{
    private const int Sample444 = 0;
    private const int Sample422 = 1;
    private const int Sample420 = 2;
    private const int SampleGrey = 3;
    private const int Sample440 = 4;
    private const int Sample411 = 5;

    private readonly ImageDecoder _decoder = new();

    public static TheoryData<int, int> OrientationsAndSubsamplings()
    {
        var data = new TheoryData<int, int>();
        foreach (var subsampling in new[] { Sample444, Sample422, Sample420, SampleGrey, Sample440, Sample411 })
        {
            for (var orientation = 1; orientation <= 8; orientation++)
            {
                data.Add(orientation, subsampling);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OrientationsAndSubsamplings))]
    public void A_part_decoded_alone_has_the_pixels_of_the_whole_decode_there(int orientation, int subsampling)
    {
        // 1280 × 832 stored: every side a multiple of 32, so the 3/4 and 1/2 scales put the part on the whole decode's pixel grid.
        var jpeg = WithOrientation(JpegCodec.Encode(Stored(1280, 832), 92, subsampling), orientation);
        var swap = Orientation.SwapsSides(orientation);
        var (displayWidth, displayHeight) = swap ? (832, 1280) : (1280, 832);
        foreach (var minimumWidth in new[] { 0, (int)(displayWidth * 0.7), displayWidth / 2 })
        {
            var whole = _decoder.Decode(jpeg, minimumWidth);
            var asked = new PixelRect((displayWidth * 3 / 10) + 5, (displayHeight / 4) + 3, displayWidth / 5, displayHeight / 3);

            var part = _decoder.DecodeRegion(jpeg, asked, minimumWidth);

            Assert.Equal(whole.Scale, part.Scale, 6);
            Assert.True(Contains(part.Area, asked), $"{part.Area} does not hold {asked}");
            Assert.True(part.Area.Width < displayWidth / 2 && part.Area.Height < displayHeight / 2, $"{part.Area}: more than the part was decoded");
            Assert.Equal((part.Area.Width * part.Scale, part.Area.Height * part.Scale), (part.Pixels.Width, part.Pixels.Height));
            var (x, y) = ((int)Math.Round(part.Area.X * part.Scale), (int)Math.Round(part.Area.Y * part.Scale));
            Assert.InRange(MeanDifference(whole.Pixels, part.Pixels, x, y), 0, 1.5);
            // The comparison can fail: the same part a few pixels off differs plainly from the whole decode.
            Assert.True(MeanDifference(whole.Pixels, part.Pixels, x + 3, y) > 4, "the test photo is too flat to tell a misplaced part");
        }
    }

    [Fact]
    public void A_part_of_a_progressive_jpeg_has_the_pixels_of_the_whole_decode_there_and_a_truncated_one_is_rejected()
    {
        var jpeg = WithOrientation(JpegCodec.Encode(Stored(1280, 832), 90, Sample420, progressive: true), 6);
        Assert.Contains(DecodingTests.Markers(jpeg), m => m == 0xC2); // SOF2: progressive
        var whole = _decoder.Decode(jpeg, 600);
        var asked = new PixelRect(200, 500, 300, 200);

        var part = _decoder.DecodeRegion(jpeg, asked, 600);

        Assert.True(Contains(part.Area, asked) && part.Area.Width < 400, $"{part.Area} for {asked}");
        Assert.InRange(MeanDifference(whole.Pixels, part.Pixels, (int)Math.Round(part.Area.X * part.Scale), (int)Math.Round(part.Area.Y * part.Scale)), 0, 1.5);
        var error = Assert.Throws<ImageRejectedException>(() => _decoder.DecodeRegion(jpeg.AsSpan(0, jpeg.Length * 6 / 10), asked, 600));
        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    public void A_part_at_the_far_edges_of_an_odd_sized_photo_is_decoded_to_the_edge(int orientation)
    {
        var jpeg = WithOrientation(JpegCodec.Encode(Stored(1001, 667), 92), orientation);
        var whole = _decoder.Decode(jpeg);
        var (width, height) = (whole.DisplayWidth, whole.DisplayHeight);
        var asked = new PixelRect(width - 50, height - 40, 50, 40);

        var part = _decoder.DecodeRegion(jpeg, asked);

        Assert.True(Contains(part.Area, asked), $"{part.Area} does not hold {asked}");
        Assert.Equal((width, height), (part.Area.Right, part.Area.Bottom));
        Assert.InRange(MeanDifference(whole.Pixels, part.Pixels, part.Area.X, part.Area.Y), 0, 1.5);
    }

    [Fact]
    public void A_part_over_half_the_photo_is_decoded_with_the_whole_photo()
    {
        var jpeg = vision.Sample(1);

        var part = _decoder.DecodeRegion(jpeg, new PixelRect(100, 100, 1500, 1000), 960);

        Assert.Equal(new PixelRect(0, 0, 1920, 1280), part.Area);
        Assert.Equal((960, 640), (part.Pixels.Width, part.Pixels.Height));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void A_truncated_jpeg_is_rejected_even_where_the_part_lies_before_the_cut(double keep)
    {
        var jpeg = vision.Sample(3);

        var error = Assert.Throws<ImageRejectedException>(() => _decoder.DecodeRegion(jpeg.AsSpan(0, (int)(jpeg.Length * keep)), new PixelRect(0, 0, 64, 64), 200));

        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
        Assert.Contains("JPEG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_jpeg_with_damaged_entropy_data_is_rejected()
    {
        var damaged = (byte[])vision.Sample(4).Clone();
        for (var i = damaged.Length / 2; i < (damaged.Length / 2) + 2000; i += 2)
        {
            damaged[i] = 0xFF;
            damaged[i + 1] = 0xD9;
        }

        var error = Assert.Throws<ImageRejectedException>(() => _decoder.DecodeRegion(damaged, new PixelRect(10, 10, 100, 100), 300));

        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
    }

    [Fact]
    public void A_header_declaring_too_many_pixels_is_refused_before_decoding()
    {
        var small = new ImageDecoder(new DecodeLimits { MaxPixels = 1_000_000 });

        var error = Assert.Throws<ImageRejectedException>(() => small.DecodeRegion(vision.Sample(1), new PixelRect(0, 0, 64, 64)));

        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
    }

    [Fact]
    public void A_part_outside_the_photo_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _decoder.DecodeRegion(vision.Sample(1), new PixelRect(2000, 0, 50, 50)));

        Assert.Equal("area", error.ParamName);
    }

    [Fact]
    public void Other_formats_are_decoded_whole()
    {
        var png = VisionFixture.TestFile("sample1-640.png");

        var part = _decoder.DecodeRegion(png, new PixelRect(10, 10, 50, 50));

        Assert.Equal(new PixelRect(0, 0, 640, 427), part.Area);
        Assert.InRange(DecodingTests.MeanAbsoluteDifference(_decoder.Decode(png).Pixels, part.Pixels), 0, 0);
    }

    [Fact]
    public void Stored_and_displayed_rectangles_map_back_and_forth_for_every_orientation()
    {
        var stored = new PixelRect(10, 20, 30, 40);
        for (var orientation = 1; orientation <= 8; orientation++)
        {
            var shown = Orientation.ToDisplayed(orientation, 100, 70, stored);
            Assert.Equal(stored, Orientation.ToStored(orientation, 100, 70, shown));
            // The rectangle lands where Apply moves its pixels: mark it in a stored image and find it displayed.
            var image = new RgbImage(100, 70);
            for (var y = stored.Y; y < stored.Bottom; y++)
            {
                for (var x = stored.X; x < stored.Right; x++)
                {
                    image.Pixels[((y * 100) + x) * 3] = 255;
                }
            }
            var displayed = Orientation.Apply(image, orientation);
            for (var y = 0; y < displayed.Height; y++)
            {
                for (var x = 0; x < displayed.Width; x++)
                {
                    var inside = x >= shown.X && x < shown.Right && y >= shown.Y && y < shown.Bottom;
                    Assert.Equal(inside ? 255 : 0, displayed.Pixels[((y * displayed.Width) + x) * 3]);
                }
            }
        }
    }

    /// <summary>A real photo resized to the stored size.</summary>
    private RgbImage Stored(int width, int height) => ImageResizer.Resize(_decoder.Decode(vision.Sample(1)).Pixels, width, height);

    private static bool Contains(PixelRect outer, PixelRect inner) =>
        inner.X >= outer.X && inner.Y >= outer.Y && inner.Right <= outer.Right && inner.Bottom <= outer.Bottom;

    /// <summary>Mean absolute difference between <paramref name="part"/> and the same-sized window of <paramref name="whole"/> at (x, y).</summary>
    private static double MeanDifference(RgbImage whole, RgbImage part, int x, int y)
    {
        Assert.True(x >= 0 && y >= 0 && x + part.Width <= whole.Width + 3 && y + part.Height <= whole.Height, $"part {part.Width}×{part.Height} at ({x}, {y}) outside {whole.Width}×{whole.Height}");
        long sum = 0;
        long count = 0;
        for (var j = 0; j < part.Height; j++)
        {
            for (var i = 0; i < part.Width && x + i < whole.Width; i++)
            {
                for (var c = 0; c < 3; c++)
                {
                    sum += Math.Abs(part.Pixels[(((j * part.Width) + i) * 3) + c] - whole.Pixels[((((y + j) * whole.Width) + x + i) * 3) + c]);
                    count++;
                }
            }
        }
        return (double)sum / count;
    }

    /// <summary>The JPEG with an EXIF APP1 segment (little-endian TIFF, one IFD0 entry: Orientation) right after SOI.</summary>
    internal static byte[] WithOrientation(byte[] jpeg, int orientation)
    {
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, // header, IFD0 at offset 8
            1, 0,                                    // one entry
            0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte)orientation, 0, 0, 0, // Orientation, SHORT, count 1, value
            0, 0, 0, 0,                              // no next IFD
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}
