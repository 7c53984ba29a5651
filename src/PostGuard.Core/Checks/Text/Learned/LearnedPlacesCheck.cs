using System.Globalization;
using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Checks.Text.Learned;

/// <summary>
/// R9, the learned second reading: where the rules (<see cref="LocationsCheck"/>) find no place in the post's text, a post
/// the n-gram model reads as naming a place off the school site (probability ≥ <see cref="LearnedTextModels.PlaceThreshold"/>)
/// is held, with the words that weighed most. It only adds holds ("the rule or the model"), never removes a finding; on the
/// two blind sets it was measured on it caught 5 more labelled posts for 1 more false alarm (Corpus/README.md). It reads
/// the post's text only, not the words in photos (it was trained on posts).
/// </summary>
public sealed class LearnedPlacesCheck(LocationFinder locations, PersonNameFinder names, LearnedTextModels models) : IDraftCheck
{
    public string Name => "text-places-learned";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var policy = draft.Policy;
        var strict = policy.Preset == PolicyPresets.Strict && policy.IsEnabled(NamesCheck.StrictProfileRule);
        if (!policy.IsEnabled(LocationsCheck.Rule) && !strict || string.IsNullOrWhiteSpace(draft.Text))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var document = TextDocument.For(draft.Text);
        var nameTokens = LocationsCheck.NameTokens(document, names.Find(document, draft.People));
        if (locations.Find(document, policy, nameTokens).Any(m => m.IsLocationData))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var probability = models.Places.Probability(draft.Text);
        if (probability < LearnedTextModels.PlaceThreshold)
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var words = models.Places.TopWords(draft.Text, 3);
        var (start, length) = SpanOf(document, words);
        var findings = new TextFindingList(document.Text);
        var said = words.Count == 0 ? "" : $" (the words that weighed most: {string.Join(", ", words.Select(w => $"\"{w}\""))})";
        findings.Add(LocationsCheck.Rule, policy.SeverityFor(LocationsCheck.Rule, Severity.Hold), start, length,
            string.Create(CultureInfo.InvariantCulture, $"The post reads like posts that name where children are{said}: the learned model gives {probability:0.00}, though the place rules found no place name. Check it names no place or venue off the school site."),
            "If the post names a place, venue or route off the school site, remove it or describe it generally (\"a local museum\"); if it names none, approve it.",
            new JsonObject { ["source"] = "learned-model", ["probability"] = Math.Round(probability, 3), ["words"] = new JsonArray([.. words.Select(w => (JsonNode?)w)]) });
        return ValueTask.FromResult(findings.ToList());
    }

    /// <summary>Where the first weighty word stands in the text (the whole text when none is found).</summary>
    private static (int Start, int Length) SpanOf(TextDocument document, IReadOnlyList<string> words)
    {
        foreach (var word in words)
        {
            var first = word.Split(' ')[0];
            if (document.Tokens.FirstOrDefault(t => t.Lower == first) is { } token)
            {
                return (token.Start, token.Length);
            }
        }
        return (0, document.Text.Length);
    }
}
