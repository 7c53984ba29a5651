using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Channels;

/// <summary>R13: only the school's official channels.</summary>
public sealed class OfficialChannelsCheck : IDraftCheck
{
    public const string Rule = "R13";

    public string Name => "official-channels";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        if (!draft.Policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var findings = new List<Finding>();
        if (draft.Channels.Count == 0)
        {
            findings.Add(new Finding(Rule, draft.Policy.SeverityFor(Rule, Severity.Block),
                "The draft names no channel to publish on.", new JsonObject { ["channels"] = new JsonArray() },
                $"Choose one of the school's official channels: {string.Join(", ", draft.Policy.Channels)}."));
        }
        foreach (var channel in draft.Channels.Where(c => !draft.Policy.IsOfficialChannel(c)))
        {
            findings.Add(new Finding(Rule, draft.Policy.SeverityFor(Rule, Severity.Block),
                $"'{channel}' is not one of the school's official channels.",
                new JsonObject { ["channel"] = channel, ["official"] = new JsonArray([.. draft.Policy.Channels.Select(c => JsonValue.Create(c))]) },
                $"Remove {channel}; the school's official channels are {string.Join(", ", draft.Policy.Channels)}."));
        }
        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }
}
