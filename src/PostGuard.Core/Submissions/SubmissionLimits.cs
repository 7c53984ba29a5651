using System.ComponentModel.DataAnnotations;

namespace PostGuard.Core.Submissions;

public sealed class SubmissionLimits
{
    public const string SectionName = "Submissions";

    [Range(1, 1_000_000)]
    public int MaxTextLength { get; set; } = 20_000;

    [Range(0, 100)]
    public int MaxImages { get; set; } = 20;

    /// <summary>People tagged in one photo.</summary>
    [Range(1, 1000)]
    public int MaxTagsPerImage { get; set; } = 100;

    [Range(1, 1L << 31)]
    public long MaxImageBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Video clips in one draft (they count among <see cref="MaxImages"/> too).</summary>
    [Range(0, 20)]
    public int MaxClips { get; set; } = 2;

    /// <summary>Largest clip upload (default 200 MB, as Video:MaxBytes); its duration, size and frame rate are checked from its header.</summary>
    [Range(1, 1L << 33)]
    public long MaxClipBytes { get; set; } = 200L * 1024 * 1024;
}
