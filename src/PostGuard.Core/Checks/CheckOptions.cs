using System.ComponentModel.DataAnnotations;

namespace PostGuard.Core.Checks;

public sealed class CheckOptions
{
    public const string SectionName = "Checks";

    /// <summary>A check that takes longer than this becomes a Hold "analysis incomplete".</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
