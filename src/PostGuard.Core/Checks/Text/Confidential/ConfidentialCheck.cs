using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Text.Confidential;

/// <summary>
/// R16: no information that is not yet public or is confidential (Blessed Sacrament 4.7):
/// "confidential", "not yet announced", "embargoed", "do not share", staff matters (disciplinary,
/// suspension, grievance, redundancy, investigations) and pupil exclusions. Hold.
/// </summary>
public sealed class ConfidentialCheck : IDraftCheck
{
    public const string Rule = "R16";

    private static readonly (string[] Words, string Why)[] Phrases =
    [
        (["confidential"], "marked confidential"),
        (["confidentially"], "marked confidential"),
        (["embargoed"], "under embargo"),
        (["embargo"], "under embargo"),
        (["not", "yet", "announced"], "not yet announced"),
        (["not", "been", "announced"], "not yet announced"),
        (["yet", "to", "be", "announced"], "not yet announced"),
        (["before", "it", "is", "announced"], "not yet announced"),
        (["ahead", "of", "the", "official", "announcement"], "not yet announced"),
        (["not", "yet", "public"], "not yet public"),
        (["not", "public"], "not yet public"),
        (["do", "not", "share"], "marked not for sharing"),
        (["don't", "share"], "marked not for sharing"),
        (["please", "don't", "share"], "marked not for sharing"),
        (["not", "for", "sharing"], "marked not for sharing"),
        (["not", "to", "be", "shared"], "marked not for sharing"),
        (["not", "for", "publication"], "marked not for publication"),
        (["internal", "only"], "marked internal"),
        (["keep", "this", "to", "yourselves"], "marked not for sharing"),
        (["under", "wraps"], "not yet public"),
        (["off", "the", "record"], "off the record"),
        (["disciplinary"], "a staff disciplinary matter"),
        (["suspended"], "a suspension"),
        (["suspension"], "a suspension"),
        (["grievance"], "a staff grievance"),
        (["sick", "leave"], "a staff absence"),
        (["signed", "off", "sick"], "a staff absence"),
        (["redundancy"], "a staff redundancy matter"),
        (["redundancies"], "a staff redundancy matter"),
        (["dismissed"], "a dismissal"),
        (["sacked"], "a dismissal"),
        (["tribunal"], "an employment or legal tribunal"),
        (["capability", "procedure"], "a staff capability matter"),
        (["under", "investigation"], "an investigation"),
        (["investigation", "into"], "an investigation"),
        (["misconduct"], "a staff disciplinary matter"),
        (["allegation"], "an allegation"),
        (["allegations"], "an allegation"),
        (["exclusion"], "a pupil exclusion"),
        (["exclusions"], "a pupil exclusion"),
        (["excluded", "from", "school"], "a pupil exclusion"),
        (["been", "excluded"], "a pupil exclusion"),
        (["was", "excluded"], "a pupil exclusion"),
        (["permanently", "excluded"], "a pupil exclusion"),
        (["expelled"], "a pupil exclusion"),
    ];

    private static readonly HashSet<string> PhraseStarts = new(Phrases.Select(p => p.Words[0]), StringComparer.OrdinalIgnoreCase);

    public string Name => "text-confidential";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        if (!policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var severity = policy.SeverityFor(Rule, Severity.Hold);
        var document = TextDocument.For(draft.Text);
        var findings = new TextFindingList(document.Text);
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!PhraseStarts.Contains(tokens[i].Word))
            {
                continue;
            }
            foreach (var (words, why) in Phrases)
            {
                if (!Matches(document, i, words))
                {
                    continue;
                }
                var last = tokens[i + words.Length - 1];
                // "suspended" ceilings and lights are not suspensions: "has been suspended", "suspended pending", "suspended from school".
                if (words is ["suspended"] && !(document.IsWordAt(i - 1, "been") || document.IsWordAt(i + 1, "pending")
                    || (document.IsWordAt(i + 1, "from") && document.At(i + 2) is { } from && (from.Is("school") || from.Is("work") || from.Is("duty") || from.Is("duties") || from.Is("his") || from.Is("her") || from.Is("their")))))
                {
                    continue;
                }
                var quoted = document.Text[tokens[i].Start..last.End];
                findings.Add(Rule, severity, tokens[i].Start, last.End - tokens[i].Start,
                    $"\"{quoted}\": the post mentions something {why}; information that is confidential or not yet public is never posted.",
                    "Remove this part, or wait until the information is public and the headteacher agrees.",
                    new JsonObject { ["why"] = why });
                break;
            }
        }
        return ValueTask.FromResult(findings.ToList());
    }

    private static bool Matches(TextDocument document, int i, string[] words)
    {
        for (var k = 0; k < words.Length; k++)
        {
            var token = document.At(i + k);
            if (token is null || !string.Equals(token.Word, words[k], StringComparison.OrdinalIgnoreCase) || (k > 0 && token.Sentence != document.Tokens[i].Sentence))
            {
                return false;
            }
        }
        return true;
    }
}
