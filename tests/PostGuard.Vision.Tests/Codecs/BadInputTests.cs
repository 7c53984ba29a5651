using System.Diagnostics;
using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Tests.Codecs;

[Collection(VisionCollection.Name)]
public sealed class BadInputTests(VisionFixture vision)
{
    [Fact]
    public void Zero_byte_file_is_rejected_as_empty()
    {
        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect([]));

        Assert.Equal(ImageRejectionReason.Empty, error.Reason);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.02)]
    public void Truncated_jpeg_is_rejected_as_corrupt(double keep)
    {
        var jpeg = vision.Sample(3);

        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(jpeg.AsSpan(0, (int)(jpeg.Length * keep))));

        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
        Assert.Contains("JPEG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jpeg_with_damaged_entropy_data_is_rejected_not_approved()
    {
        var jpeg = vision.Sample(4);
        var damaged = (byte[])jpeg.Clone();
        // Overwrite a stretch in the middle of the scan with marker-like garbage.
        for (var i = damaged.Length / 2; i < (damaged.Length / 2) + 2000; i += 2)
        {
            damaged[i] = 0xFF;
            damaged[i + 1] = 0xD9;
        }

        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(damaged));

        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
    }

    [Fact]
    public void Png_renamed_jpg_is_decoded_as_png_by_its_magic_bytes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"holiday-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(path, VisionFixture.TestFile("sample1-640.png"));
        try
        {
            var inspection = vision.Inspector.Inspect(File.ReadAllBytes(path));

            Assert.Equal(ImageFormat.Png, inspection.Format);
            Assert.Equal((640, 427), (inspection.Width, inspection.Height));
            Assert.Equal(3, inspection.Faces.Count(f => f.Score >= 0.6));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Jpeg_header_declaring_30000_by_30000_is_refused_before_decoding()
    {
        var bomb = WithJpegSize(vision.Sample(1), 30000, 30000);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(bomb));

        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
        Assert.Contains("30000", error.Message, StringComparison.Ordinal);
        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore < 10_000_000, "a pixel buffer was allocated");
    }

    [Fact]
    public void Png_header_declaring_30000_by_30000_is_refused_before_decoding()
    {
        var png = (byte[])VisionFixture.TestFile("sample1-640.png").Clone();
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 30000);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 30000);

        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(png));

        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
    }

    [Fact]
    public void File_larger_than_the_byte_limit_is_refused_unread()
    {
        var decoder = new ImageDecoder(new DecodeLimits { MaxBytes = 100_000 });

        var error = Assert.Throws<ImageRejectedException>(() => decoder.Decode(vision.Sample(1)));

        Assert.Equal(ImageRejectionReason.TooManyBytes, error.Reason);
    }

    [Fact]
    public void Image_over_the_pixel_limit_is_refused()
    {
        var decoder = new ImageDecoder(new DecodeLimits { MaxPixels = 1_000_000 });

        var error = Assert.Throws<ImageRejectedException>(() => decoder.Decode(vision.Sample(1)));

        Assert.Equal(ImageRejectionReason.TooManyPixels, error.Reason);
        Assert.Contains("1920×1280", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_named_heic_are_rejected_as_corrupt_heic()
    {
        var bytes = new byte[50_000];
        new Random(11).NextBytes(bytes);
        "\0\0\0\u0018ftypheic"u8.CopyTo(bytes); // an ftyp box that claims HEIC, then noise

        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(bytes));

        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
        Assert.Contains("HEIC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Random_bytes_are_not_an_image()
    {
        var bytes = new byte[50_000];
        new Random(5).NextBytes(bytes);
        bytes[0] = 0x00;

        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(bytes));

        Assert.Equal(ImageRejectionReason.NotAnImage, error.Reason);
    }

    [Fact]
    public void Animated_webp_is_refused_as_animated()
    {
        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(VisionFixture.TestFile("animated.webp")));

        Assert.Equal(ImageRejectionReason.Animated, error.Reason);
    }

    [Theory]
    [InlineData("sample1-640.png")]
    [InlineData("sample1-640.webp")]
    [InlineData("sample1-640.heic")]
    public void Truncated_png_webp_and_heic_are_rejected_as_corrupt(string file)
    {
        var bytes = VisionFixture.TestFile(file);

        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect(bytes.AsSpan(0, bytes.Length / 2)));

        Assert.Equal(ImageRejectionReason.Corrupt, error.Reason);
    }

    [Fact]
    public void Gif_is_refused_as_unsupported()
    {
        var error = Assert.Throws<ImageRejectedException>(() => vision.Inspector.Inspect("GIF89a\u0001\0\u0001\0\0\0\0;"u8));

        Assert.Equal(ImageRejectionReason.UnsupportedFormat, error.Reason);
    }

    /// <summary>Rewrites the frame size in a JPEG's SOF marker.</summary>
    private static byte[] WithJpegSize(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        var i = 2;
        while (i + 9 < copy.Length && copy[i] == 0xFF)
        {
            var marker = copy[i + 1];
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                copy[i + 5] = (byte)(height >> 8);
                copy[i + 6] = (byte)height;
                copy[i + 7] = (byte)(width >> 8);
                copy[i + 8] = (byte)width;
                return copy;
            }
            i += 2 + ((copy[i + 2] << 8) | copy[i + 3]);
        }
        throw new InvalidOperationException("no SOF marker");
    }
}
