using System.Globalization;
using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Video;

/// <summary>
/// Encodes RGB frames written to it into an H.264 MP4 through ffmpeg (frames piped to its standard input at a fixed
/// rate), optionally carrying the sound of another clip, with <b>no metadata</b>: no container or stream tags, no
/// chapters, no encoder name, no SEI user data (x264 writes its settings there), no data or subtitle streams.
/// </summary>
internal sealed class FrameEncoder : IDisposable
{
    private readonly ToolProcess _tool;
    private readonly int _frameBytes;

    private FrameEncoder(ToolProcess tool, int frameBytes)
    {
        _tool = tool;
        _frameBytes = frameBytes;
    }

    /// <summary>Where sound is copied from: a clip file, its demuxer, and its audio codecs.</summary>
    public sealed record AudioSource(string Path, ClipFormat Format, IReadOnlyList<string> Codecs);

    /// <summary>Audio codecs an MP4 carries as they are; anything else is re-encoded to AAC.</summary>
    private static readonly string[] Mp4Audio = ["aac", "mp3", "alac", "ac3", "eac3"];

    public static FrameEncoder Start(VideoOptions options, string outputPath, int width, int height, string frameRate, AudioSource? audio, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = CultureInfo.InvariantCulture;
        var arguments = new List<string>
        {
            "-hide_banner", "-nostats", "-loglevel", "level+error", "-y",
            "-max_alloc", options.MaxToolAllocationBytes.ToString(c),
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-video_size", string.Create(c, $"{width}x{height}"), "-framerate", frameRate, "-i", "pipe:0",
        };
        if (audio is { Codecs.Count: > 0 })
        {
            arguments.AddRange(["-protocol_whitelist", "file", "-f", ClipSniffer.DemuxerName(audio.Format), "-i", $"file:{audio.Path}", "-map", "0:v:0", "-map", "1:a:0"]);
            arguments.AddRange(Mp4Audio.Contains(audio.Codecs[0]) ? ["-c:a", "copy"] : ["-c:a", "aac", "-b:a", "160k"]);
        }
        else
        {
            arguments.AddRange(["-map", "0:v:0"]);
        }
        arguments.AddRange(
        [
            "-c:v", "libx264", "-preset", options.EncoderPreset, "-crf", options.OutputQuality.ToString(c), "-pix_fmt", "yuv420p",
            "-threads", "2", "-x264-params", "log-level=error",
        ]);
        arguments.AddRange(ClipWriter.NoMetadataArguments("h264"));
        arguments.AddRange(["-movflags", "+faststart", "-f", "mp4", $"file:{outputPath}"]);
        var tool = ToolProcess.Start(options.FfmpegPath, arguments, timeout, cancellationToken);
        return new FrameEncoder(tool, checked(width * height * 3));
    }

    public async ValueTask WriteAsync(RgbImage frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Pixels.Length != _frameBytes)
        {
            throw new ArgumentException($"Frames are {_frameBytes} bytes; got {frame.Pixels.Length}.", nameof(frame));
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _tool.Token);
        try
        {
            await _tool.Input.WriteAsync(frame.Pixels, linked.Token).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"the encoder stopped early ({_tool.ErrorTail}).", e);
        }
        catch (OperationCanceledException)
        {
            _tool.ThrowIfStopped();
            throw;
        }
    }

    /// <summary>Ends the input and waits for the file to be written.</summary>
    /// <exception cref="ClipRejectedException">The encoder failed or took too long.</exception>
    public async Task CompleteAsync()
    {
        _tool.CloseInput();
        var exit = await _tool.WaitForExitAsync().ConfigureAwait(false);
        if (exit != 0)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"the clip could not be encoded ({_tool.ErrorTail}).");
        }
    }

    public void Dispose() => _tool.Dispose();
}
