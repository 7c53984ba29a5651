using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PostGuard.Vision.Video;

/// <summary>
/// Reads and validates a clip's container header with ffprobe, before any picture is decoded: the size in bytes
/// and the magic bytes first (in .NET), then ffprobe with the demuxer forced, local files only, a time limit and a
/// bounded answer; then the limits of <see cref="VideoOptions"/> (duration, resolution, frame rate, streams, codec).
/// Anything out of bounds is refused with a <see cref="ClipRejectedException"/> naming the field.
/// </summary>
public sealed class ClipProbe(VideoOptions options)
{
    /// <summary>Codecs PostGuard decodes and can copy into the cleaned clip unchanged.</summary>
    public static readonly IReadOnlyList<string> VideoCodecs = ["h264", "hevc", "vp8", "vp9", "av1", "mpeg4"];

    private const int MaxAnswerBytes = 1024 * 1024;

    private readonly VideoOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Reads the header of the clip file at <paramref name="path"/>.</summary>
    /// <exception cref="ClipRejectedException">Not an acceptable clip (see the reason and field).</exception>
    /// <exception cref="VideoToolUnavailableException">ffprobe is not installed.</exception>
    public async Task<ClipHeader> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("No clip at this path.", path);
        }
        CheckBytes(info.Length);
        var head = new byte[ClipSniffer.HeadLength];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        }
        var format = ClipSniffer.Detect(head.AsSpan(0, read));
        var json = await RunProbe(path, format, cancellationToken).ConfigureAwait(false);
        return Validate(format, info.Length, json);
    }

    /// <summary>The first line ffprobe prints for <c>-version</c> ("ffprobe version 5.1.9-0+deb12u1 …"): whether clips can be read at all.</summary>
    /// <exception cref="VideoToolUnavailableException">ffprobe is not installed or does not answer.</exception>
    public async Task<string> ToolVersionAsync(CancellationToken cancellationToken = default)
    {
        using var tool = ToolProcess.Start(_options.FfprobePath, ["-hide_banner", "-version"], TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), cancellationToken);
        tool.CloseInput();
        var buffer = new byte[4096];
        int read;
        try
        {
            read = await tool.Output.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, tool.Token).ConfigureAwait(false);
            await tool.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ClipRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new VideoToolUnavailableException($"{_options.FfprobePath} -version did not answer in {_options.ProbeTimeoutSeconds} s.", e);
        }
        var first = Encoding.UTF8.GetString(buffer, 0, read).Split('\n')[0].Trim();
        return first.StartsWith("ffprobe version", StringComparison.Ordinal)
            ? first
            : throw new VideoToolUnavailableException($"{_options.FfprobePath} is not ffprobe (it answered '{Trim(first)}').");
    }

    /// <summary>Refuses an empty or oversized file before reading it.</summary>
    public void CheckBytes(long length)
    {
        if (length == 0)
        {
            throw new ClipRejectedException(ClipRejectionReason.Empty, "bytes", "the file is empty (0 bytes).");
        }
        if (length > _options.MaxBytes)
        {
            throw new ClipRejectedException(ClipRejectionReason.TooManyBytes, "bytes",
                $"the clip has {length} bytes; at most {_options.MaxBytes} are accepted (Video:MaxBytes).");
        }
    }

    private async Task<string> RunProbe(string path, ClipFormat format, CancellationToken cancellationToken)
    {
        string[] arguments =
        [
            "-hide_banner", "-v", "error", "-max_alloc", _options.MaxToolAllocationBytes.ToString(CultureInfo.InvariantCulture),
            "-protocol_whitelist", "file", "-f", ClipSniffer.DemuxerName(format),
            "-show_format", "-show_streams", "-of", "json", $"file:{path}",
        ];
        using var tool = ToolProcess.Start(_options.FfprobePath, arguments, TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds), cancellationToken);
        tool.CloseInput();
        var answer = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int n;
            while ((n = await tool.Output.ReadAsync(buffer, tool.Token).ConfigureAwait(false)) > 0)
            {
                if (answer.Length + n > MaxAnswerBytes)
                {
                    throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"the clip's header describes more than {MaxAnswerBytes} bytes of streams and tags.");
                }
                answer.Write(buffer, 0, n);
            }
        }
        catch (OperationCanceledException)
        {
            tool.ThrowIfStopped();
            throw;
        }
        var exit = await tool.WaitForExitAsync().ConfigureAwait(false);
        if (exit != 0)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"the clip's header cannot be read ({Trim(tool.ErrorTail)}).");
        }
        return Encoding.UTF8.GetString(answer.GetBuffer(), 0, (int)answer.Length);
    }

    internal ClipHeader Validate(ClipFormat format, long bytes, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", "ffprobe's description of the clip could not be read.", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var container) || !root.TryGetProperty("streams", out var streams) || streams.ValueKind != JsonValueKind.Array)
            {
                throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", "the clip's header declares no streams.");
            }
            var formatName = String(container, "format_name") ?? "";
            if (!ClipSniffer.ProbedNameMatches(format, formatName))
            {
                throw new ClipRejectedException(ClipRejectionReason.UnsupportedFormat, "format", $"the file starts like {format} but reads as '{Trim(formatName)}'.");
            }
            var all = streams.EnumerateArray().ToList();
            if (all.Count > _options.MaxStreams)
            {
                throw new ClipRejectedException(ClipRejectionReason.TooManyStreams, "streams",
                    $"the clip has {all.Count} streams; at most {_options.MaxStreams} are accepted (Video:MaxStreams).");
            }
            var videos = all.Where(s => String(s, "codec_type") == "video" && !IsAttachedPicture(s)).ToList();
            if (videos.Count == 0)
            {
                throw new ClipRejectedException(ClipRejectionReason.NoVideo, "streams", "the clip has no video stream.");
            }
            if (videos.Count > 1)
            {
                throw new ClipRejectedException(ClipRejectionReason.UnsupportedFormat, "streams", $"the clip has {videos.Count} video streams; one is accepted.");
            }
            var video = videos[0];
            var codec = String(video, "codec_name") ?? "unknown";
            if (!VideoCodecs.Contains(codec))
            {
                throw new ClipRejectedException(ClipRejectionReason.UnsupportedFormat, "codec",
                    $"video coded as '{Trim(codec)}' is not accepted; accepted: {string.Join(", ", VideoCodecs)}.");
            }
            var duration = Number(container, "duration") ?? Number(video, "duration");
            if (duration is not > 0)
            {
                throw new ClipRejectedException(ClipRejectionReason.TooLong, "duration", "the clip's header declares no duration, so its length cannot be checked before decoding.");
            }
            if (duration > _options.MaxDurationSeconds)
            {
                throw new ClipRejectedException(ClipRejectionReason.TooLong, "duration",
                    string.Create(CultureInfo.InvariantCulture, $"the clip lasts {duration:F1} s; at most {_options.MaxDurationSeconds:F0} s are accepted (Video:MaxDurationSeconds)."));
            }
            var (width, height, rotation) = DisplaySize(video);
            if (width < 16 || height < 16)
            {
                throw new ClipRejectedException(ClipRejectionReason.Corrupt, "resolution", $"the clip declares an impossible picture size {width}×{height}.");
            }
            if (width > _options.MaxSide || height > _options.MaxSide || (long)width * height > _options.MaxPixels)
            {
                throw new ClipRejectedException(ClipRejectionReason.TooManyPixels, "resolution",
                    $"the clip is {width}×{height}; at most {_options.MaxSide} px per side and {_options.MaxPixels} pixels are accepted (Video:MaxSide, Video:MaxPixels).");
            }
            var fraction = Rate(String(video, "avg_frame_rate")) is not null ? String(video, "avg_frame_rate")! : String(video, "r_frame_rate") ?? "";
            var frameRate = Rate(fraction);
            if (frameRate is not > 0)
            {
                throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frameRate", "the clip's header declares no frame rate.");
            }
            if (frameRate > _options.MaxFrameRate)
            {
                throw new ClipRejectedException(ClipRejectionReason.FrameRateTooHigh, "frameRate",
                    string.Create(CultureInfo.InvariantCulture, $"the clip has {frameRate:F1} frames per second; at most {_options.MaxFrameRate:F0} are accepted (Video:MaxFrameRate)."));
            }
            var audio = all.Where(s => String(s, "codec_type") == "audio").Select(s => String(s, "codec_name") ?? "unknown").ToList();
            var metadata = ClipMetadata.From(Tags(container), Tags(video));
            var videoDuration = Number(video, "duration") is { } d && d > 0 && d <= duration ? d : duration.Value;
            return new ClipHeader(format, bytes, duration.Value, videoDuration, width, height, frameRate.Value, fraction, codec, audio, rotation, metadata);
        }
    }

    private static bool IsAttachedPicture(JsonElement stream) =>
        stream.TryGetProperty("disposition", out var d) && d.ValueKind == JsonValueKind.Object
        && d.TryGetProperty("attached_pic", out var a) && a.ValueKind == JsonValueKind.Number && a.GetInt32() == 1;

    /// <summary>The picture as shown: coded size, stretched by the pixel aspect ratio, sides swapped for a quarter turn.</summary>
    private static (int Width, int Height, int Rotation) DisplaySize(JsonElement video)
    {
        var width = Integer(video, "width") ?? 0;
        var height = Integer(video, "height") ?? 0;
        if (String(video, "sample_aspect_ratio") is { } sar && Rate(sar.Replace(':', '/')) is { } aspect && aspect is > 0.1 and < 10 && Math.Abs(aspect - 1) > 1e-3)
        {
            // ffmpeg's scale filter keeps the height and widens or narrows the width by the pixel aspect.
            width = (int)Math.Round(width * aspect / 2) * 2;
        }
        var rotation = 0;
        if (video.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("rotation", out var r) && r.ValueKind == JsonValueKind.Number)
                {
                    rotation = r.GetInt32();
                }
            }
        }
        else if (Tags(video).TryGetValue("rotate", out var rotate) && int.TryParse(rotate, NumberStyles.Integer, CultureInfo.InvariantCulture, out var tagged))
        {
            rotation = tagged;
        }
        rotation = ((rotation % 360) + 360) % 360;
        return rotation is 90 or 270 ? (height, width, rotation) : (width, height, rotation);
    }

    private static IReadOnlyDictionary<string, string> Tags(JsonElement element)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (element.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in t.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String)
                {
                    tags[p.Name] = p.Value.GetString()!;
                }
            }
        }
        return tags;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Number(JsonElement element, string name) =>
        String(element, name) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    /// <summary>"30000/1001" → 29.97; "0/0" and garbage → null.</summary>
    internal static double? Rate(string? text)
    {
        if (text is null)
        {
            return null;
        }
        var parts = text.Split('/');
        if (parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 && n > 0)
        {
            return n / d;
        }
        return null;
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
