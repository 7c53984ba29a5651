using System.ComponentModel.DataAnnotations;

namespace PostGuard.Server.Messaging;

public sealed class ReconcilerOptions
{
    public const string SectionName = "Reconciler";

    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>A draft still Submitted/Analysing this long after its last change is published again.</summary>
    [Range(1, 86400)]
    public int StuckAfterSeconds { get; set; } = 180;
}
