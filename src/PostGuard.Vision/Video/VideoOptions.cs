using System.ComponentModel.DataAnnotations;

namespace PostGuard.Vision.Video;

/// <summary>
/// Options for clips (<see cref="ClipInspector"/>, <see cref="ClipWriter"/>), bound from the "Video" configuration
/// section. The limits are checked from the container header, before a single frame is decoded.
/// </summary>
public sealed class VideoOptions
{
    public const string SectionName = "Video";

    /// <summary>Largest accepted clip file in bytes (default 200 MB, about 90 s of 1080p from a phone).</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Longest accepted clip in seconds (default 120).</summary>
    [Range(0.1, 3600)]
    public double MaxDurationSeconds { get; set; } = 120;

    /// <summary>Longest accepted side of the picture in pixels (default 3840: 4K UHD).</summary>
    [Range(16, 16384)]
    public int MaxSide { get; set; } = 3840;

    /// <summary>Largest accepted width × height (default 3840 × 2160).</summary>
    [Range(256, 268_435_456)]
    public long MaxPixels { get; set; } = 3840L * 2160;

    /// <summary>Highest accepted frame rate in frames per second (default 120: phones' slow motion is 120 or 240; 240 is refused).</summary>
    [Range(1, 1000)]
    public double MaxFrameRate { get; set; } = 120;

    /// <summary>Most streams (video, audio, data, subtitles) a clip may declare (default 8).</summary>
    [Range(1, 64)]
    public int MaxStreams { get; set; } = 8;

    /// <summary>The ffmpeg executable (Debian's <c>ffmpeg</c> package): a name found on PATH, or a full path.</summary>
    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable (same package as ffmpeg).</summary>
    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Time allowed to read a clip's header with ffprobe (default 15 s).</summary>
    [Range(1, 600)]
    public int ProbeTimeoutSeconds { get; set; } = 15;

    /// <summary>Time allowed to decode and analyse one clip (default 120 s); beyond it the tools are killed and the clip is held.</summary>
    [Range(1, 3600)]
    public int AnalysisTimeoutSeconds { get; set; } = 120;

    /// <summary>Time allowed to write a clean or redacted copy (default 600 s: re-encoding a long clip is slow on two cores).</summary>
    [Range(1, 7200)]
    public int WriteTimeoutSeconds { get; set; } = 600;

    /// <summary>Largest single allocation ffmpeg may make, in bytes (ffmpeg's <c>-max_alloc</c>; default 512 MB).</summary>
    [Range(16L * 1024 * 1024, long.MaxValue)]
    public long MaxToolAllocationBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>A frame is analysed at least this often, in seconds (default 0.5), besides every scene change.</summary>
    [Range(0.05, 5)]
    public double SampleIntervalSeconds { get; set; } = 0.5;

    /// <summary>ffmpeg's scene score (0–1) from which a frame counts as a cut (default 0.3): it is analysed, and no face track continues across it.</summary>
    [Range(0.05, 1)]
    public double SceneChangeThreshold { get; set; } = 0.3;

    /// <summary>
    /// Skip H.264/HEVC deblocking and non-reference frames (most B-frames) while sampling (default true): about a third
    /// less decoding, and frames are analysed scaled down anyway. Frames are then chosen two frame times before the
    /// interval ends; if a run of skipped frames still leaves a longer gap, the clip is decoded again in full. The clean
    /// and redacted copies are always decoded in full.
    /// </summary>
    public bool FastSampling { get; set; } = true;

    /// <summary>Sampled frames analysed at once (default 2; each runs the face detector on one thread).</summary>
    [Range(1, 16)]
    public int DetectionThreads { get; set; } = 2;

    /// <summary>A face must keep a size for this long (seconds) for the track to count at that size (default 1): one large frame is not the track's size.</summary>
    [Range(0, 30)]
    public double SustainedFaceSeconds { get; set; } = 1;

    /// <summary>A track survives this many seconds without a detection (a turned head, a missed frame) before it ends (default 1.5).</summary>
    [Range(0, 30)]
    public double TrackMaxGapSeconds { get; set; } = 1.5;

    /// <summary>Width of a track's best-frame picture in pixels (default 640; never wider than the frames analysed).</summary>
    [Range(64, 1920)]
    public int ThumbnailWidth { get; set; } = 640;

    /// <summary>x264 speed preset of redacted copies (default veryfast: a 60-s 1080p clip re-encodes in under a minute on two cores).</summary>
    [Required]
    [RegularExpression("^(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow)$")]
    public string EncoderPreset { get; set; } = "veryfast";

    /// <summary>x264 constant rate factor of redacted copies (default 20: visually lossless at 1080p; lower is better and bigger).</summary>
    [Range(0, 51)]
    public int OutputQuality { get; set; } = 20;

    /// <summary>Where clips are written while they are analysed or re-encoded; null: the system's temporary directory.</summary>
    public string? WorkDirectory { get; set; }
}
