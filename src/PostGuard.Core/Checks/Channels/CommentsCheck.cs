using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Channels;

/// <summary>R12: comments are switched off on every post (Mersham, Milton Road).</summary>
public sealed class CommentsCheck : IDraftCheck
{
    public const string Rule = "R12";

    public string Name => "comments";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        if (!draft.CommentsEnabled || !draft.Policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        IReadOnlyList<Finding> findings =
        [
            new Finding(Rule, draft.Policy.SeverityFor(Rule, Severity.Block),
                "Comments are switched on; school posts must have comments switched off.",
                new JsonObject { ["commentsEnabled"] = true },
                "Switch comments off and resubmit."),
        ];
        return ValueTask.FromResult(findings);
    }
}
