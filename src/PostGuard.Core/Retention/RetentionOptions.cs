using System.ComponentModel.DataAnnotations;

namespace PostGuard.Core.Retention;

public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Photos of a rejected draft are deleted this many days after the rejection.</summary>
    [Range(0, 3650)]
    public int RejectedPhotoDays { get; set; } = 30;

    /// <summary>Photos of a draft nobody has acted on (never approved) are deleted this many days after its last change.</summary>
    [Range(1, 3650)]
    public int AbandonedPhotoDays { get; set; } = 180;

    [Range(1, 10080)]
    public int IntervalMinutes { get; set; } = 60;
}
