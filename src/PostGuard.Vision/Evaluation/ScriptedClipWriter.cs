using System.Globalization;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Evaluation;

/// <summary>
/// Encodes a <see cref="ClipScript"/> with ffmpeg into a clip file as a phone would write one: H.264 (or VP8 for WebM),
/// a sound track (a tone), and the given container tags, e.g. <c>location</c> (written as QuickTime <c>©xyz</c>) or
/// <c>com.apple.quicktime.location.ISO6709</c> (written as an <c>mdta</c> key, as iPhones do).
/// </summary>
public static class ScriptedClipWriter
{
    public static async Task WriteAsync(
        ClipScript script, string path, VideoOptions options, ClipFormat container = ClipFormat.Mp4, IReadOnlyDictionary<string, string>? tags = null,
        bool withSound = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        var arguments = new List<string>
        {
            "-hide_banner", "-nostats", "-loglevel", "level+error", "-y",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", string.Create(c, $"{script.Width}x{script.Height}"),
            "-framerate", script.FramesPerSecond.ToString(c), "-i", "pipe:0",
        };
        if (withSound)
        {
            arguments.AddRange(["-f", "lavfi", "-i", string.Create(c, $"sine=frequency=440:sample_rate=48000:duration={script.DurationSeconds:0.###}"), "-map", "0:v", "-map", "1:a"]);
        }
        if (container == ClipFormat.WebM)
        {
            arguments.AddRange(["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "2M"]);
            arguments.AddRange(withSound ? ["-c:a", "libopus", "-b:a", "64k"] : []);
        }
        else
        {
            arguments.AddRange(["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p", "-g", (script.FramesPerSecond * 2).ToString(c)]);
            arguments.AddRange(withSound ? ["-c:a", "aac", "-b:a", "96k"] : []);
        }
        if (tags is not null)
        {
            if (container != ClipFormat.WebM && tags.Keys.Any(k => k.StartsWith("com.apple.", StringComparison.Ordinal)))
            {
                arguments.AddRange(["-movflags", "use_metadata_tags"]);
            }
            foreach (var (key, value) in tags)
            {
                arguments.AddRange(["-metadata", $"{key}={value}"]);
            }
        }
        arguments.AddRange(["-f", container switch { ClipFormat.WebM => "webm", ClipFormat.QuickTime => "mov", _ => "mp4" }, $"file:{path}"]);
        using var tool = ToolProcess.Start(options.FfmpegPath, arguments, TimeSpan.FromMinutes(10), cancellationToken);
        try
        {
            for (var frame = 0; frame < script.FrameCount; frame++)
            {
                await tool.Input.WriteAsync(script.Render(frame).Pixels, tool.Token).ConfigureAwait(false);
            }
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"ffmpeg stopped while encoding {script.Name}: {tool.ErrorTail}", e);
        }
        tool.CloseInput();
        var exit = await tool.WaitForExitAsync().ConfigureAwait(false);
        if (exit != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not encode {script.Name}: {tool.ErrorTail}");
        }
    }
}
