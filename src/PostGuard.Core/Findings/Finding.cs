using System.Text.Json.Nodes;

namespace PostGuard.Core.Findings;

/// <summary>
/// One thing a check found: the rule (R1..R17), its severity, a reason a headteacher understands,
/// the evidence (a text span, a face box, a metadata field) and, where one exists, the fix.
/// </summary>
public sealed record Finding(string Rule, Severity Severity, string Reason, JsonObject? Evidence = null, string? Fix = null)
{
    /// <summary>Rule id used when a check could not run to completion (fail closed).</summary>
    public const string AnalysisIncompleteRule = "ANALYSIS";

    public static Finding AnalysisIncomplete(string check, string why) =>
        new(AnalysisIncompleteRule, Severity.Hold, $"Analysis incomplete: the {check} check could not finish ({why}). Nothing is approved on missing evidence.",
            new JsonObject { ["check"] = check },
            "Ask the operator to look at the service logs, then resubmit the draft.");

    /// <summary>Evidence for a span of the draft text: offsets and the quoted words.</summary>
    public static JsonObject TextSpan(string text, int start, int length) => new()
    {
        ["span"] = new JsonObject { ["start"] = start, ["length"] = length, ["text"] = text.Substring(start, length) },
    };
}
