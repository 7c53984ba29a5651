using System.Text;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

/// <summary>Container GPS and creation time are read (for R9 and R8); the copy to publish carries no metadata at all.</summary>
public sealed class ClipMetadataTests
{
    private static readonly Dictionary<string, string> AndroidTags = new()
    {
        ["location"] = "+51.5072-000.1276/",
        ["creation_time"] = "2026-06-12T10:15:00Z",
        ["title"] = "Sports day, Year 4",
    };

    private static readonly Dictionary<string, string> IPhoneTags = new()
    {
        ["com.apple.quicktime.location.ISO6709"] = "+48.8577+002.2950+035.000/",
        ["com.apple.quicktime.creationdate"] = "2026-06-12T11:15:00+0100",
        ["com.apple.quicktime.make"] = "Apple",
    };

    [Fact]
    public async Task Location_in_an_xyz_atom_of_an_android_mp4_and_the_creation_time_are_read()
    {
        // Android phones write QuickTime's ©xyz into an MP4's udta; ffmpeg writes ©xyz only in MOV mode, so the clip is
        // written as a MOV and given an MP4 brand, which is what such a phone file looks like.
        var path = await TestClips.Write(TestClips.Still("gps-xyz"), "gps-xyz.mp4", ClipFormat.QuickTime, AndroidTags);
        await using (var file = File.OpenWrite(path))
        {
            file.Position = 8;
            await file.WriteAsync("mp42"u8.ToArray());
        }
        Assert.Contains("\u00a9xyz", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path)), StringComparison.Ordinal);

        var header = await new ClipProbe(TestClips.Options()).ReadAsync(path);

        Assert.Equal(ClipFormat.Mp4, header.Format);
        Assert.True(header.Metadata.HasGps);
        Assert.Equal(51.5072, header.Metadata.GpsLatitude!.Value, 4);
        Assert.Equal(-0.1276, header.Metadata.GpsLongitude!.Value, 4);
        Assert.Equal("location", header.Metadata.GpsSource);
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 10, 15, 0, TimeSpan.Zero), header.Metadata.CapturedAt!.Instant);
    }

    [Fact]
    public async Task Location_in_a_3gpp_loci_box_of_an_mp4_is_read()
    {
        var path = await TestClips.Write(TestClips.Still("gps-loci"), "gps-loci.mp4", tags: AndroidTags);
        Assert.Contains("loci", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path)), StringComparison.Ordinal);

        var header = await new ClipProbe(TestClips.Options()).ReadAsync(path);

        Assert.Equal(51.5072, header.Metadata.GpsLatitude!.Value, 3);
        Assert.Equal(-0.1276, header.Metadata.GpsLongitude!.Value, 3);
    }

    [Fact]
    public async Task IPhone_location_key_and_local_creation_date_are_read_from_a_mov()
    {
        var path = await TestClips.Write(TestClips.Still("gps-iphone"), "gps-iphone.mov", ClipFormat.QuickTime, IPhoneTags);

        var header = await new ClipProbe(TestClips.Options()).ReadAsync(path);

        Assert.Equal(ClipFormat.QuickTime, header.Format);
        Assert.Equal((48.8577, 2.2950), (Math.Round(header.Metadata.GpsLatitude!.Value, 4), Math.Round(header.Metadata.GpsLongitude!.Value, 4)));
        Assert.Equal("com.apple.quicktime.location.ISO6709", header.Metadata.GpsSource);
        Assert.Equal(new DateTime(2026, 6, 12, 11, 15, 0, DateTimeKind.Unspecified), header.Metadata.CapturedAt!.Local);
        Assert.Equal(TimeSpan.FromHours(1), header.Metadata.CapturedAt.Offset);
    }

    [Fact]
    public async Task Clean_copy_of_an_mp4_carries_no_metadata_and_the_same_pictures_and_sound()
    {
        var path = await TestClips.Write(TestClips.Still("clean-mp4"), "clean-source.mp4", tags: AndroidTags);
        var copy = Path.Combine(TestClips.Directory, "clean-copy.mp4");

        await new ClipWriter(TestClips.Options()).WriteCleanCopyAsync(path, copy);

        AssertNoMetadata(copy);
        Assert.Equal(TestClips.PictureDigest(path), TestClips.PictureDigest(copy));
        var streams = TestClips.Probe(copy).GetProperty("streams").EnumerateArray().Select(s => s.GetProperty("codec_name").GetString()).ToList();
        Assert.Equal(["h264", "aac"], streams);
        Assert.False((await new ClipProbe(TestClips.Options()).ReadAsync(copy)).Metadata.HasGps);
    }

    [Fact]
    public async Task Clean_copy_of_an_iPhone_mov_is_an_mp4_without_its_location_keys()
    {
        var path = await TestClips.Write(TestClips.Still("clean-mov"), "clean-source.mov", ClipFormat.QuickTime, IPhoneTags);

        var copy = await new ClipWriter(TestClips.Options()).WriteCleanCopyAsync(await File.ReadAllBytesAsync(path));

        var file = Path.Combine(TestClips.Directory, "clean-copy-of-mov.mp4");
        await File.WriteAllBytesAsync(file, copy);
        AssertNoMetadata(file);
        Assert.Equal(ClipFormat.Mp4, ClipSniffer.Detect(copy));
        Assert.DoesNotContain("ISO6709", Encoding.Latin1.GetString(copy), StringComparison.Ordinal);
        Assert.DoesNotContain("Apple", Encoding.Latin1.GetString(copy), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_copy_of_a_webm_keeps_only_matroskas_technical_tags()
    {
        var path = await TestClips.Write(TestClips.Still("clean-webm"), "clean-source.webm", ClipFormat.WebM, AndroidTags);
        var copy = Path.Combine(TestClips.Directory, "clean-copy.webm");

        await new ClipWriter(TestClips.Options()).WriteCleanCopyAsync(path, copy);

        // The muxer must write a MuxingApp ("Lavf", no version under bitexact) and a DURATION per track; nothing else is left.
        Assert.All(TestClips.Tags(copy), t => Assert.Matches("^(format:encoder=Lavf|(video|audio):DURATION=[0-9:.]+)$", t));
        var text = Encoding.Latin1.GetString(await File.ReadAllBytesAsync(copy));
        Assert.DoesNotContain("51.5072", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sports day", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+51.5072-000.1276/", 51.5072, -0.1276)]
    [InlineData("+48.8577+002.2950+035.000/", 48.8577, 2.2950)]
    [InlineData("-33.8688+151.2093/", -33.8688, 151.2093)]
    [InlineData("+5130.432-00007.656/", 51.5072, -0.1276)]
    [InlineData("+513026-0000746/", 51.50722, -0.12944)]
    public void Iso6709_positions_are_read_in_every_form(string text, double latitude, double longitude)
    {
        var (lat, lon) = Iso6709.Parse(text)!.Value;

        Assert.Equal(latitude, lat, 4);
        Assert.Equal(longitude, lon, 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("London")]
    [InlineData("+95.0000+000.0000/")]
    [InlineData("+51.5072-190.0000/")]
    [InlineData("+5170.000-00007.656/")]
    public void Text_that_is_not_a_position_reads_as_no_position(string text) => Assert.Null(Iso6709.Parse(text));

    /// <summary>ffprobe sees no tags beyond the file-type brands and the constant handler names; no metadata box or time is left.</summary>
    internal static void AssertNoMetadata(string path)
    {
        Assert.All(TestClips.Tags(path), t => Assert.Matches(
            "^(format:(major_brand|minor_version|compatible_brands)=.*|(video|audio):(language=und|handler_name=(VideoHandler|SoundHandler)|vendor_id=\\[0\\]\\[0\\]\\[0\\]\\[0\\]))$", t));
        Assert.Empty(Mp4MetadataScrubber.FindMetadata(path));
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        // (An audio encoder's name inside copied sound packets, such as ffmpeg's own "Lavc" in AAC, is sound, not metadata.)
        foreach (var needle in (string[])["\u00a9xyz", "loci", "udta", "ISO6709", "creationdate", "Lavf", "x264", "Sports day", "51.5072"])
        {
            Assert.DoesNotContain(needle, text, StringComparison.Ordinal);
        }
    }
}
