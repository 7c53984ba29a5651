using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Checks.Text.Locations;

/// <summary>
/// R9: no location data: place names of trips, named venues, addresses, postcodes, what3words
/// triples, grid references (Hold). The school's own public address and town (policy
/// AllowedPlaces) pass. In the strict profile (R7: "no location data") it is a Block.
/// </summary>
public sealed class LocationsCheck(LocationFinder locations, PersonNameFinder names) : IDraftCheck
{
    public const string Rule = "R9";

    public string Name => "text-locations";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        var strict = policy.Preset == PolicyPresets.Strict && policy.IsEnabled(NamesCheck.StrictProfileRule);
        if (!policy.IsEnabled(Rule) && !strict)
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var document = TextDocument.For(draft.Text);
        var nameTokens = NameTokens(document, names.Find(document, draft.People));
        var findings = new TextFindingList(document.Text);
        var (rule, severity) = strict
            ? (NamesCheck.StrictProfileRule, policy.SeverityFor(NamesCheck.StrictProfileRule, Severity.Block))
            : (Rule, policy.SeverityFor(Rule, Severity.Hold));
        foreach (var mention in locations.Find(document, policy, nameTokens).Where(m => m.IsLocationData))
        {
            var what = mention.Kind switch
            {
                LocationKind.Postcode => "a postcode",
                LocationKind.StreetAddress => "a street address",
                LocationKind.WordGridAddress => "a what3words location",
                LocationKind.GridReference => "a map grid reference",
                LocationKind.NamedVenue => "a named venue",
                _ => "a place name",
            };
            findings.Add(rule, severity, mention.Start, mention.Length,
                $"\"{mention.Text}\" is {what}: location data can tell people where children are.",
                $"Remove \"{mention.Text}\" or describe it generally (\"a local museum\"); the school's own address can be added to the policy's allowed places.",
                new JsonObject { ["locationKind"] = mention.Kind.ToString() });
        }
        return ValueTask.FromResult(findings.ToList());
    }

    /// <summary>Token indices covered by names (memoised with the mentions so every check passes the same set).</summary>
    internal static HashSet<int> NameTokens(TextDocument document, IReadOnlyList<PersonMention> mentions) =>
        document.Memo(mentions, _ => NameTokens(mentions));

    private static HashSet<int> NameTokens(IReadOnlyList<PersonMention> mentions)
    {
        var set = new HashSet<int>();
        foreach (var mention in mentions)
        {
            for (var k = mention.FirstToken; k <= mention.LastToken; k++)
            {
                set.Add(k);
            }
        }
        return set;
    }
}
