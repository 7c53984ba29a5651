using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks;

/// <summary>
/// One check of a draft. It returns findings, never decisions; it may throw or be slow,
/// and the <see cref="DraftAnalyzer"/> turns that into a Hold "analysis incomplete" (fail closed).
/// </summary>
public interface IDraftCheck
{
    /// <summary>Short name used in logs and in "analysis incomplete" findings, e.g. "channels".</summary>
    string Name { get; }

    ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken);
}
