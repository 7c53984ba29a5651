using System.Globalization;
using PostGuard.Vision.Redaction;

namespace PostGuard.Vision.Video;

/// <summary>
/// Writes the copies of a clip that may be published, with <b>every metadata atom removed</b> (container and stream
/// tags such as <c>©xyz</c>, <c>com.apple.quicktime.location.ISO6709</c> and creation times, chapters, encoder names,
/// SEI user data, data, subtitle and timecode streams): <see cref="WriteCleanCopyAsync(string, string, CancellationToken)"/>
/// re-muxes the pictures and sound as they are; <see cref="WriteRedactedAsync(string, IReadOnlyList{FaceTrack}, string, double, CancellationToken)"/>
/// decodes every frame, hides the chosen tracks' faces with the photo redactor, and re-encodes (H.264 MP4, sound carried).
/// </summary>
public sealed class ClipWriter(VideoOptions options)
{
    private readonly VideoOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly ClipProbe _probe = new(options);

    /// <summary>The container a clean copy is written in: WebM stays WebM, MP4 and MOV become MP4.</summary>
    public static ClipFormat CleanCopyFormat(ClipFormat input) => input == ClipFormat.WebM ? ClipFormat.WebM : ClipFormat.Mp4;

    /// <summary>The clean copy of a clip given as bytes.</summary>
    /// <exception cref="ClipRejectedException">Not an acceptable clip, or it could not be re-muxed.</exception>
    public async Task<byte[]> WriteCleanCopyAsync(ReadOnlyMemory<byte> clip, CancellationToken cancellationToken = default)
    {
        _probe.CheckBytes(clip.Length);
        using var input = ClipWorkFile.Write(_options.WorkDirectory, clip.Span);
        using var output = ClipWorkFile.Create(_options.WorkDirectory);
        await WriteCleanCopyAsync(input.Path, output.Path, cancellationToken).ConfigureAwait(false);
        return await File.ReadAllBytesAsync(output.Path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Re-muxes <paramref name="inputPath"/> to <paramref name="outputPath"/> without metadata; pictures and sound unchanged.</summary>
    /// <returns>The input's header.</returns>
    public async Task<ClipHeader> WriteCleanCopyAsync(string inputPath, string outputPath, CancellationToken cancellationToken = default)
    {
        var header = await _probe.ReadAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var format = CleanCopyFormat(header.Format);
        var arguments = Start(header, inputPath);
        arguments.AddRange(["-map", "0:v:0", "-map", "0:a?", "-c:v", "copy"]);
        if (header.AudioCodecs.Count > 0)
        {
            string[] carried = format == ClipFormat.WebM ? ["opus", "vorbis"] : ["aac", "mp3", "alac", "ac3", "eac3"];
            arguments.AddRange(header.AudioCodecs.All(carried.Contains) ? ["-c:a", "copy"] : format == ClipFormat.WebM ? ["-c:a", "libopus", "-b:a", "128k"] : ["-c:a", "aac", "-b:a", "160k"]);
        }
        arguments.AddRange(NoMetadataArguments(header.VideoCodec));
        arguments.AddRange(format == ClipFormat.WebM ? ["-f", "webm"] : ["-movflags", "+faststart", "-f", "mp4"]);
        arguments.Add($"file:{outputPath}");
        using var tool = ToolProcess.Start(_options.FfmpegPath, arguments, TimeSpan.FromSeconds(_options.WriteTimeoutSeconds), cancellationToken);
        tool.CloseInput();
        var exit = await tool.WaitForExitAsync().ConfigureAwait(false);
        if (exit != 0)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"the clip could not be re-muxed ({tool.ErrorTail}).");
        }
        if (format == ClipFormat.Mp4)
        {
            ScrubMp4(outputPath);
        }
        return header;
    }

    /// <summary>Removes what ffmpeg's MP4 muxer still writes (an empty udta/meta) and checks that nothing is left.</summary>
    private static void ScrubMp4(string path)
    {
        Mp4MetadataScrubber.Scrub(path);
        var left = Mp4MetadataScrubber.FindMetadata(path);
        if (left.Count > 0)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"metadata is left in the written clip: {string.Join(", ", left)}.");
        }
    }

    /// <summary>The redacted copy of a clip given as bytes (an H.264 MP4).</summary>
    public async Task<byte[]> WriteRedactedAsync(ReadOnlyMemory<byte> clip, IReadOnlyList<FaceTrack> tracks, double margin = ImageInspector.DefaultRedactionMargin, CancellationToken cancellationToken = default)
    {
        _probe.CheckBytes(clip.Length);
        using var input = ClipWorkFile.Write(_options.WorkDirectory, clip.Span);
        using var output = ClipWorkFile.Create(_options.WorkDirectory, ".mp4");
        await WriteRedactedAsync(input.Path, tracks, output.Path, margin, cancellationToken).ConfigureAwait(false);
        return await File.ReadAllBytesAsync(output.Path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Decodes every frame of <paramref name="inputPath"/> at its displayed size and constant frame rate, hides the faces of
    /// <paramref name="tracks"/> wherever they may be (<see cref="TrackCoverage"/>, each box grown by <paramref name="margin"/>),
    /// and encodes the result to <paramref name="outputPath"/> (H.264 MP4, the first sound stream carried, no metadata).
    /// </summary>
    /// <returns>The input's header.</returns>
    public async Task<ClipHeader> WriteRedactedAsync(string inputPath, IReadOnlyList<FaceTrack> tracks, string outputPath, double margin = ImageInspector.DefaultRedactionMargin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var header = await _probe.ReadAsync(inputPath, cancellationToken).ConfigureAwait(false);
        var c = CultureInfo.InvariantCulture;
        var arguments = Start(header, inputPath);
        arguments.AddRange(
        [
            "-map", "0:v:0", "-an", "-sn", "-dn",
            "-vf", string.Create(c, $"setpts=PTS-STARTPTS,scale={header.Width}:{header.Height}"),
            "-fps_mode", "cfr", "-r", header.FrameRateFraction, "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1",
        ]);
        var timeout = TimeSpan.FromSeconds(_options.WriteTimeoutSeconds);
        using var decoder = ToolProcess.Start(_options.FfmpegPath, arguments, timeout, cancellationToken);
        decoder.CloseInput();
        var audio = header.AudioCodecs.Count > 0 ? new FrameEncoder.AudioSource(inputPath, header.Format, header.AudioCodecs) : null;
        using var encoder = FrameEncoder.Start(_options, outputPath, header.Width, header.Height, header.FrameRateFraction, audio, timeout, cancellationToken);
        var pool = new FramePool(header.Width, header.Height);
        var frame = pool.Rent();
        var index = 0L;
        try
        {
            while (true)
            {
                var read = await decoder.Output.ReadAtLeastAsync(frame.Pixels, frame.Pixels.Length, throwOnEndOfStream: false, decoder.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }
                if (read < frame.Pixels.Length)
                {
                    throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames", $"the decoder stopped in the middle of frame {index} ({decoder.ErrorTail}).");
                }
                var seconds = index / header.FrameRate;
                FaceRedactor.Redact(frame, TrackCoverage.BoxesAt(tracks, seconds), margin);
                await encoder.WriteAsync(frame, decoder.Token).ConfigureAwait(false);
                index++;
            }
        }
        catch (OperationCanceledException)
        {
            decoder.ThrowIfStopped();
            throw;
        }
        var exit = await decoder.WaitForExitAsync().ConfigureAwait(false);
        if (exit != 0 || index == 0)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames", $"the pictures could not all be decoded ({decoder.ErrorTail}).");
        }
        await encoder.CompleteAsync().ConfigureAwait(false);
        ScrubMp4(outputPath);
        return header;
    }

    /// <summary>
    /// One frame of a clip given as bytes, as a JPEG without metadata at most <paramref name="maxWidth"/> wide: the frame
    /// shown at <paramref name="seconds"/>, with the faces of <paramref name="hide"/> hidden where they may be at that moment
    /// (a track's best frame as evidence, or a preview of the redacted clip).
    /// </summary>
    public async Task<byte[]> WriteFrameAsync(
        ReadOnlyMemory<byte> clip, double seconds, IReadOnlyList<FaceTrack> hide, int maxWidth = 640, double margin = ImageInspector.DefaultRedactionMargin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hide);
        _probe.CheckBytes(clip.Length);
        using var input = ClipWorkFile.Write(_options.WorkDirectory, clip.Span);
        var header = await _probe.ReadAsync(input.Path, cancellationToken).ConfigureAwait(false);
        var c = CultureInfo.InvariantCulture;
        var at = Math.Clamp(seconds, 0, Math.Max(0, header.VideoDurationSeconds - (0.5 / header.FrameRate)));
        // Seeking before the input decodes from the keyframe before the moment and delivers the frame shown at it.
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+error", "-y",
            "-max_alloc", _options.MaxToolAllocationBytes.ToString(c),
            "-protocol_whitelist", "file", "-f", ClipSniffer.DemuxerName(header.Format), "-ss", at.ToString("0.###", c), "-i", $"file:{input.Path}",
            "-map", "0:v:0", "-an", "-sn", "-dn", "-frames:v", "1",
            "-vf", string.Create(c, $"scale={header.Width}:{header.Height}"), "-pix_fmt", "rgb24", "-f", "rawvideo", "pipe:1",
        };
        using var decoder = ToolProcess.Start(_options.FfmpegPath, arguments, TimeSpan.FromSeconds(_options.ProbeTimeoutSeconds * 2), cancellationToken);
        decoder.CloseInput();
        var frame = new Codecs.RgbImage(header.Width, header.Height);
        int read;
        try
        {
            read = await decoder.Output.ReadAtLeastAsync(frame.Pixels, frame.Pixels.Length, throwOnEndOfStream: false, decoder.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            decoder.ThrowIfStopped();
            throw;
        }
        var exit = await decoder.WaitForExitAsync().ConfigureAwait(false);
        if (exit != 0 || read < frame.Pixels.Length)
        {
            throw new ClipRejectedException(ClipRejectionReason.Corrupt, "frames", string.Create(c, $"the frame at {at:F2} s could not be decoded ({decoder.ErrorTail})."));
        }
        FaceRedactor.Redact(frame, TrackCoverage.BoxesAt(hide, at), margin);
        var width = Math.Min(maxWidth, frame.Width);
        var shown = width == frame.Width ? frame : Codecs.ImageResizer.Resize(frame, width, Math.Max(1, (int)Math.Round((double)frame.Height * width / frame.Width)));
        return Codecs.JpegCodec.Encode(shown, 85);
    }

    /// <summary>
    /// ffmpeg output options that write no metadata: no tags, chapters, encoder names or data/subtitle streams, and the
    /// codec's SEI/metadata units removed from the pictures (H.264 SEI 6, HEVC SEI 39/40, AV1 metadata OBUs 5).
    /// </summary>
    internal static IEnumerable<string> NoMetadataArguments(string videoCodec)
    {
        string[] common =
        [
            "-map_metadata", "-1", "-map_chapters", "-1", "-dn", "-sn",
            "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        ];
        var units = videoCodec switch
        {
            "h264" => "filter_units=remove_types=6",
            "hevc" => "filter_units=remove_types=39|40",
            "av1" => "filter_units=remove_types=5",
            _ => null,
        };
        return units is null ? common : [.. common, "-bsf:v", units];
    }

    private List<string> Start(ClipHeader header, string inputPath) =>
    [
        "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+error", "-y",
        "-max_alloc", _options.MaxToolAllocationBytes.ToString(CultureInfo.InvariantCulture),
        "-protocol_whitelist", "file", "-f", ClipSniffer.DemuxerName(header.Format), "-i", $"file:{inputPath}",
    ];
}
