using System.Diagnostics;
using PostGuard.Tests.Shared;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

/// <summary>Damaged, truncated and hostile clips are refused (held), never crash, never look clean; stuck tools are stopped.</summary>
[Collection(VisionCollection.Name)]
public sealed class HostileClipTests(VisionFixture vision)
{
    private ClipInspector Inspector(VideoOptions? options = null) => new(vision.Inspector, options ?? TestClips.Options());

    [Fact]
    public async Task Clip_cut_short_in_its_pictures_is_refused_not_analysed_in_part()
    {
        // +faststart was not used: ffmpeg's MP4 muxer puts the index after the pictures, so rewrite it with the index first,
        // then cut the file in the middle of its pictures, as an interrupted upload would.
        var indexed = Path.Combine(TestClips.Directory, "pan-faststart.mp4");
        await Ffmpeg.Run("-y", "-i", await TestClips.PathOf("pan"), "-c", "copy", "-movflags", "+faststart", indexed);
        var bytes = await File.ReadAllBytesAsync(indexed);

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => Inspector().InspectAsync(bytes.AsMemory(0, bytes.Length / 2)));

        Assert.Equal(ClipRejectionReason.Corrupt, error.Reason);
        Assert.Equal("frames", error.Field);
    }

    [Fact]
    public async Task Clip_cut_before_its_index_is_refused_as_unreadable()
    {
        var bytes = await File.ReadAllBytesAsync(await TestClips.PathOf("pan"));

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => Inspector().InspectAsync(bytes.AsMemory(0, bytes.Length * 3 / 4)));

        Assert.Equal(ClipRejectionReason.Corrupt, error.Reason);
        Assert.Equal("file", error.Field);
    }

    [Fact]
    public async Task Garbage_after_a_valid_file_type_box_is_refused()
    {
        var bytes = (await File.ReadAllBytesAsync(await TestClips.PathOf("pan")))[..32].Concat(new byte[50_000].Select((_, i) => (byte)(i * 7919))).ToArray();

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => Inspector().InspectAsync(bytes));

        Assert.Equal(ClipRejectionReason.Corrupt, error.Reason);
    }

    [Fact]
    public async Task Playlist_dressed_as_an_mp4_is_read_as_mp4_and_refused_so_no_other_file_is_opened()
    {
        // A file type box, then an HLS playlist naming a local file: ffmpeg's own probing could follow it; the forced
        // MP4 demuxer and the file-only protocol list never do.
        var bytes = (byte[])[0, 0, 0, 16, .. "ftypisom"u8, 0, 0, 2, 0, .. "\n#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n"u8];

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => Inspector().InspectAsync(bytes));

        Assert.Equal(ClipRejectionReason.Corrupt, error.Reason);
    }

    [Fact]
    public async Task Damaged_pictures_never_crash_and_are_refused_or_analysed_whole()
    {
        var original = await File.ReadAllBytesAsync(await TestClips.PathOf("fast-pan"));
        var outcomes = new List<string>();
        for (var seed = 1; seed <= 6; seed++)
        {
            var damaged = (byte[])original.Clone();
            var random = new Random(seed);
            // Flip bytes in the middle half (the pictures; the index of a plain ffmpeg MP4 is at the end).
            for (var i = 0; i < 40; i++)
            {
                damaged[random.Next(damaged.Length / 4, damaged.Length * 3 / 4)] ^= (byte)random.Next(1, 256);
            }
            try
            {
                var inspection = await Inspector().InspectAsync(damaged);
                outcomes.Add($"analysed {inspection.FramesAnalysed} frames");
            }
            catch (ClipRejectedException e)
            {
                outcomes.Add(e.Reason.ToString());
            }
        }

        Assert.Equal(6, outcomes.Count);
        Assert.Contains(outcomes, o => o == nameof(ClipRejectionReason.Corrupt));
    }

    [Fact]
    public async Task Stuck_ffprobe_is_killed_at_its_time_limit_and_the_clip_refused()
    {
        var (tool, pidFile) = FakeTool("ffprobe");
        var options = TestClips.Options();
        options.FfprobePath = tool;
        options.ProbeTimeoutSeconds = 1;
        var clip = await TestClips.PathOf("pan");
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => new ClipProbe(options).ReadAsync(clip));

        Assert.Equal(ClipRejectionReason.TimedOut, error.Reason);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        AssertGone(pidFile);
    }

    [Fact]
    public async Task Stuck_ffmpeg_is_killed_when_the_analysis_is_cancelled()
    {
        var (tool, pidFile) = FakeTool("ffmpeg");
        var options = TestClips.Options();
        options.FfmpegPath = tool;
        using var cancel = new CancellationTokenSource();
        var inspection = Inspector(options).InspectAsync(await TestClips.PathOf("pan"), cancel.Token);
        await WaitFor(pidFile);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inspection);
        AssertGone(pidFile);
    }

    [Fact]
    public async Task Stuck_ffmpeg_is_killed_at_the_analysis_time_limit()
    {
        var (tool, pidFile) = FakeTool("ffmpeg");
        var options = TestClips.Options();
        options.FfmpegPath = tool;
        options.AnalysisTimeoutSeconds = 1;
        var clip = await TestClips.PathOf("pan");

        var error = await Assert.ThrowsAsync<ClipRejectedException>(() => Inspector(options).InspectAsync(clip));

        Assert.Equal(ClipRejectionReason.TimedOut, error.Reason);
        AssertGone(pidFile);
    }

    [Fact]
    public async Task Missing_ffmpeg_is_an_error_that_names_the_package()
    {
        var options = TestClips.Options();
        options.FfprobePath = "/nonexistent/ffprobe";
        var clip = await TestClips.PathOf("pan");

        var error = await Assert.ThrowsAsync<VideoToolUnavailableException>(() => new ClipProbe(options).ReadAsync(clip));

        Assert.Contains("apt-get install ffmpeg", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stand-in for ffmpeg or ffprobe that writes its process id and then hangs (as on a hostile file).</summary>
    private static (string Tool, string PidFile) FakeTool(string name)
    {
        var directory = Path.Combine(TestClips.Directory, "fake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var tool = Path.Combine(directory, name);
        var pidFile = Path.Combine(directory, "pid");
        File.WriteAllText(tool, $"#!/bin/sh\necho $$ > '{pidFile}.tmp' && mv '{pidFile}.tmp' '{pidFile}'\nexec sleep 300\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return (tool, pidFile);
    }

    private static async Task WaitFor(string pidFile)
    {
        for (var i = 0; i < 100 && !File.Exists(pidFile); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(File.Exists(pidFile), "the tool never started");
    }

    private static void AssertGone(string pidFile)
    {
        // Under load the time limit can end the tool before its first line wrote the pid: then nothing of it is left
        // to find, unless the write is merely late.
        for (var i = 0; i < 20 && !File.Exists(pidFile); i++)
        {
            Thread.Sleep(50);
        }
        if (!File.Exists(pidFile))
        {
            return;
        }
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        // The killed process may take a moment to be reaped.
        for (var i = 0; i < 200 && IsRunning(pid); i++)
        {
            Thread.Sleep(50);
        }
        Assert.False(IsRunning(pid), $"process {pid} still runs");
    }

    /// <summary>Alive and not a zombie; a process that vanishes while its stat is read is not running.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
