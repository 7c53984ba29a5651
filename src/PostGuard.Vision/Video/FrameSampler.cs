using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace PostGuard.Vision.Video;

/// <summary>What a sampling run saw.</summary>
/// <param name="Frames">Frames analysed.</param>
/// <param name="LastSeconds">Time of the last frame analysed.</param>
/// <param name="Cuts">Times of the scene changes.</param>
public sealed record SamplingSummary(int Frames, double LastSeconds, IReadOnlyList<double> Cuts);

/// <summary>
/// Chooses the frames to analyse and has ffmpeg deliver them scaled to the working size as raw RGB through a pipe:
/// the first frame, every scene change (ffmpeg's scene score) and at least one frame every
/// <see cref="VideoOptions.SampleIntervalSeconds"/>. Each frame's time and scene score come from ffmpeg's
/// <c>metadata</c> filter on standard error, checked to arrive in sequence. Decoding errors, a non-zero exit, a frame cut
/// short or pictures ending before the declared duration refuse the clip (it is held, never approved on part of it).
/// </summary>
public sealed partial class FrameSampler(VideoOptions options)
{
    private readonly VideoOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    [GeneratedRegex(@"^\[Parsed_metadata_\d+ @ 0x[0-9a-fA-F]+\] \[info\] frame:(?<n>\d+)\s+pts:-?\d+\s+pts_time:(?<t>-?[0-9.eE+-]+)\s*$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex FrameLine();

    [GeneratedRegex(@"^\[Parsed_metadata_\d+ @ 0x[0-9a-fA-F]+\] \[info\] lavfi\.scene_score=(?<s>[0-9.eE+-]+)\s*$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex SceneLine();

    /// <summary>The size frames are analysed at: <paramref name="workingWidth"/> wide (never wider than the clip), the clip's shape.</summary>
    public static (int Width, int Height) WorkingSize(ClipHeader header, int workingWidth)
    {
        ArgumentNullException.ThrowIfNull(header);
        var width = Math.Clamp(workingWidth, 16, header.Width);
        var height = Math.Max(16, (int)Math.Round((double)header.Height * width / header.Width));
        return (width, height);
    }

    /// <summary>
    /// Decodes the clip and calls <paramref name="onFrame"/> with each chosen frame in order (the callee owns and disposes it);
    /// decoding waits while the callee is busy.
    /// </summary>
    /// <param name="skipNonReferenceFrames">
    /// Leave frames no other frame refers to (most B-frames) undecoded, about a fifth less decoding; frames are then
    /// chosen a little more often, and if two analysed frames still lie further apart than the interval the run stops
    /// with <see cref="SampledTooSparselyException"/> (decode again without skipping).
    /// </param>
    /// <exception cref="ClipRejectedException">Damaged, truncated, or too slow to decode.</exception>
    /// <exception cref="SampledTooSparselyException">Only when skipping: the interval could not be kept.</exception>
    public async Task<SamplingSummary> SampleAsync(
        string path, ClipHeader header, int width, int height, bool skipNonReferenceFrames, Func<SampledFrame, CancellationToken, ValueTask> onFrame,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(onFrame);
        var stamps = Channel.CreateUnbounded<(int Index, double Seconds, double Score)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var errors = new List<string>();
        var parser = new StampParser(stamps.Writer, errors);
        var pool = new FramePool(width, height);
        var cuts = new List<double>();
        var count = 0;
        var last = 0.0;
        using var tool = ToolProcess.Start(_options.FfmpegPath, Arguments(path, header, width, height, skipNonReferenceFrames), TimeSpan.FromSeconds(_options.AnalysisTimeoutSeconds), cancellationToken, parser.Offer, parser.End);
        tool.CloseInput();
        try
        {
            while (true)
            {
                var image = pool.Rent();
                var read = await tool.Output.ReadAtLeastAsync(image.Pixels, image.Pixels.Length, throwOnEndOfStream: false, tool.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    pool.Return(image);
                    break;
                }
                if (read < image.Pixels.Length)
                {
                    throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames", $"the decoder stopped in the middle of frame {count} ({Errors(errors, tool)}).");
                }
                (int Index, double Seconds, double Score) stamp;
                try
                {
                    stamp = await stamps.Reader.ReadAsync(tool.Token).ConfigureAwait(false);
                }
                catch (ChannelClosedException)
                {
                    throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames", $"the decoder gave frame {count} without its time.");
                }
                if (stamp.Index != count || !double.IsFinite(stamp.Seconds) || stamp.Seconds < last - 1e-6)
                {
                    throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames", $"the decoder's frame times are out of order at frame {count}.");
                }
                if (skipNonReferenceFrames && count > 0 && stamp.Seconds - last > _options.SampleIntervalSeconds + 1e-3)
                {
                    pool.Return(image);
                    throw new SampledTooSparselyException(last, stamp.Seconds);
                }
                var isCut = count > 0 && stamp.Score >= _options.SceneChangeThreshold;
                if (isCut)
                {
                    cuts.Add(stamp.Seconds);
                }
                last = stamp.Seconds;
                await onFrame(new SampledFrame(count, stamp.Seconds, stamp.Score, isCut, image, pool), tool.Token).ConfigureAwait(false);
                count++;
            }
        }
        catch (OperationCanceledException)
        {
            tool.ThrowIfStopped();
            throw;
        }
        var exit = await tool.WaitForExitAsync().ConfigureAwait(false);
        if (exit != 0 || errors.Count > 0)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames", $"the pictures could not all be decoded ({Errors(errors, tool)}).");
        }
        var slack = _options.SampleIntervalSeconds + (2 / header.FrameRate) + 0.5;
        if (count == 0 || last < header.VideoDurationSeconds - slack)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames",
                string.Create(CultureInfo.InvariantCulture, $"the pictures end at {last:F1} s but the clip declares {header.VideoDurationSeconds:F1} s (truncated?)."));
        }
        return new SamplingSummary(count, last, cuts);
    }

    private List<string> Arguments(string path, ClipHeader header, int width, int height, bool skipNonReferenceFrames)
    {
        var c = CultureInfo.InvariantCulture;
        // Frames at least this far apart are chosen: one frame less than the interval, so no gap exceeds it; two frames
        // less when non-reference frames are skipped, so one skipped frame after the due time still keeps the interval.
        var framesEarly = skipNonReferenceFrames ? 2 : 1;
        var gap = Math.Max(0, _options.SampleIntervalSeconds - (framesEarly / header.FrameRate) + 1e-3);
        var select = string.Create(c, $"select='isnan(prev_selected_t)+gte(scene,{_options.SceneChangeThreshold:0.###})+gte(t-prev_selected_t,{gap:0.######})'");
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+info",
            "-max_alloc", _options.MaxToolAllocationBytes.ToString(c),
        };
        if (_options.FastSampling)
        {
            arguments.AddRange(["-skip_loop_filter", "all"]);
        }
        if (skipNonReferenceFrames)
        {
            arguments.AddRange(["-skip_frame", "noref"]);
        }
        arguments.AddRange(
        [
            "-protocol_whitelist", "file", "-f", ClipSniffer.DemuxerName(header.Format), "-i", $"file:{path}",
            "-map", "0:v:0", "-an", "-sn", "-dn",
            "-vf", string.Create(c, $"setpts=PTS-STARTPTS,{select},scale={width}:{height}:flags=area,metadata=mode=print"),
            "-fps_mode", "passthrough", "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1",
        ]);
        return arguments;
    }

    private static string Errors(List<string> errors, ToolProcess tool)
    {
        lock (errors)
        {
            return errors.Count > 0 ? string.Join(" | ", errors.Take(3)) : tool.ErrorTail;
        }
    }

    /// <summary>Turns ffmpeg's metadata-filter lines into (frame, time, scene score) and collects error lines.</summary>
    private sealed class StampParser(ChannelWriter<(int Index, double Seconds, double Score)> stamps, List<string> errors)
    {
        private int? _index;
        private double _seconds;

        public void Offer(string line)
        {
            if (line.Contains("[error] ", StringComparison.Ordinal) || line.Contains("[fatal] ", StringComparison.Ordinal) || line.Contains("[panic] ", StringComparison.Ordinal))
            {
                lock (errors)
                {
                    if (errors.Count < 20)
                    {
                        errors.Add(line.Length > 300 ? line[..300] : line);
                    }
                }
                return;
            }
            if (!line.StartsWith("[Parsed_metadata_", StringComparison.Ordinal))
            {
                return;
            }
            var frame = FrameLine().Match(line);
            if (frame.Success)
            {
                Flush();
                _index = int.Parse(frame.Groups["n"].Value, CultureInfo.InvariantCulture);
                _seconds = double.Parse(frame.Groups["t"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                return;
            }
            var scene = SceneLine().Match(line);
            if (scene.Success && _index is { } index)
            {
                stamps.TryWrite((index, _seconds, double.Parse(scene.Groups["s"].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
                _index = null;
            }
        }

        public void End()
        {
            Flush();
            stamps.TryComplete();
        }

        private void Flush()
        {
            if (_index is { } index)
            {
                stamps.TryWrite((index, _seconds, 0));
                _index = null;
            }
        }
    }
}
