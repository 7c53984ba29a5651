using PostGuard.Tests.Shared;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

public sealed class ClipHeaderTests
{
    [Fact]
    public async Task Mp4_header_gives_duration_size_frame_rate_and_codecs()
    {
        var path = await TestClips.PathOf("pan");

        var header = await new ClipProbe(TestClips.Options()).ReadAsync(path);

        Assert.Equal(ClipFormat.Mp4, header.Format);
        Assert.Equal(6.0, header.DurationSeconds, 1);
        Assert.Equal((960, 540), (header.Width, header.Height));
        Assert.Equal(15.0, header.FrameRate, 3);
        Assert.Equal("h264", header.VideoCodec);
        Assert.Equal(["aac"], header.AudioCodecs);
        Assert.False(header.Metadata.HasGps);
    }

    [Fact]
    public async Task Clip_longer_than_allowed_is_refused_from_its_header_naming_the_duration()
    {
        var path = await TestClips.PathOf("pan");
        var options = TestClips.Options();
        options.MaxDurationSeconds = 5;

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => new ClipProbe(options).ReadAsync(path));

        Assert.Equal(ClipRejectionReason.TooLong, error.Reason);
        Assert.Equal("duration", error.Field);
        Assert.StartsWith("duration: the clip lasts 6.0 s; at most 5 s", error.Message, StringComparison.Ordinal);
        Assert.Contains("Video:MaxDurationSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clip_larger_than_allowed_is_refused_naming_the_resolution()
    {
        var path = await TestClips.PathOf("pan");
        var options = TestClips.Options();
        options.MaxSide = 720;

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => new ClipProbe(options).ReadAsync(path));

        Assert.Equal(ClipRejectionReason.TooManyPixels, error.Reason);
        Assert.Equal("resolution", error.Field);
        Assert.Contains("960×540", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clip_faster_than_allowed_is_refused_naming_the_frame_rate()
    {
        var path = await TestClips.PathOf("pan");
        var options = TestClips.Options();
        options.MaxFrameRate = 12;

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => new ClipProbe(options).ReadAsync(path));

        Assert.Equal(ClipRejectionReason.FrameRateTooHigh, error.Reason);
        Assert.Equal("frameRate", error.Field);
    }

    [Fact]
    public async Task Clip_bigger_than_allowed_is_refused_before_it_is_read()
    {
        var path = await TestClips.PathOf("pan");
        var options = TestClips.Options();
        options.MaxBytes = 1000;
        // No ffprobe at all: the size is judged first.
        options.FfprobePath = "/nonexistent/ffprobe";

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => new ClipProbe(options).ReadAsync(path));

        Assert.Equal(ClipRejectionReason.TooManyBytes, error.Reason);
        Assert.Equal("bytes", error.Field);
    }

    [Fact]
    public async Task Quarter_turned_phone_clip_reports_its_displayed_size()
    {
        var landscape = await TestClips.PathOf("pan");
        var rotated = Path.Combine(TestClips.Directory, "rotated.mp4");
        await Ffmpeg.Run("-y", "-i", landscape, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated);

        var header = await new ClipProbe(TestClips.Options()).ReadAsync(rotated);

        Assert.Equal((540, 960), (header.Width, header.Height));
        Assert.Equal(90, header.Rotation);
    }

    [Fact]
    public async Task WebM_clip_is_accepted()
    {
        var path = await TestClips.Write(TestClips.Still("webm-still"), "still.webm", ClipFormat.WebM);

        var header = await new ClipProbe(TestClips.Options()).ReadAsync(path);

        Assert.Equal(ClipFormat.WebM, header.Format);
        Assert.Equal("vp8", header.VideoCodec);
        Assert.Equal(["opus"], header.AudioCodecs);
    }

    [Fact]
    public async Task Sound_without_pictures_is_refused_as_no_video()
    {
        var path = Path.Combine(TestClips.Directory, "sound-only.m4a");
        Directory.CreateDirectory(TestClips.Directory);
        await Ffmpeg.Run("-y", "-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac", "-f", "mp4", path);

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => new ClipProbe(TestClips.Options()).ReadAsync(path));

        Assert.Equal(ClipRejectionReason.NoVideo, error.Reason);
        Assert.Equal("streams", error.Field);
    }

    [Theory]
    [InlineData("jpeg")]
    [InlineData("heic")]
    [InlineData("playlist")]
    [InlineData("mkv")]
    public void Files_that_are_not_accepted_clips_are_told_apart_by_their_first_bytes(string kind)
    {
        byte[] head = kind switch
        {
            "jpeg" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "sample1-640-orientation6.jpg"))[..64],
            "heic" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "sample1-640.heic"))[..64],
            "playlist" => "#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nfile:///etc/passwd\n"u8.ToArray(),
            _ => [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88, .. "matroska"u8, 0x42, 0x87, 0x81, 0x04],
        };

        var error = Assert.Throws<ClipRejectedException>(() => ClipSniffer.Detect(head));

        Assert.Equal("format", error.Field);
        Assert.Equal(kind is "jpeg" or "playlist" ? ClipRejectionReason.NotAVideo : ClipRejectionReason.UnsupportedFormat, error.Reason);
        Assert.False(ClipSniffer.LooksLikeClip(head));
    }
}
