using System.ComponentModel.DataAnnotations;

namespace PostGuard.Core.Checks;

public sealed class CheckOptions
{
    public const string SectionName = "Checks";

    /// <summary>A check that takes longer than this becomes a Hold "analysis incomplete".</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// Inspecting one video clip may take this long (default 180: above Video:AnalysisTimeoutSeconds, which stops ffmpeg
    /// itself); beyond it the clip is held "analysis incomplete".
    /// </summary>
    [Range(1, 3600)]
    public int ClipTimeoutSeconds { get; set; } = 180;
}
