using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks;

/// <summary>The result of analysing a draft revision: the decision, every finding and what each image showed.</summary>
public sealed record DraftAnalysis(Decision Decision, IReadOnlyList<Finding> Findings, IReadOnlyList<ImageReport> Images);
