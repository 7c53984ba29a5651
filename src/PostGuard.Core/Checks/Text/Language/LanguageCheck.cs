using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Text.Language;

/// <summary>
/// R15: no threatening, abusive, racist, homophobic or defamatory language (Hold). Robust to case,
/// punctuation, repeated letters, leetspeak and masks; whole normalised words only, so "Scunthorpe",
/// "class", "Dickens" or "cocktail" never match.
/// </summary>
public sealed class LanguageCheck : IDraftCheck
{
    public const string Rule = "R15";

    private static readonly Dictionary<string, OffensiveCategory> Squeezed =
        OffensiveTerms.Words.GroupBy(w => ObfuscationNormaliser.Squeeze(w.Key)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    private static readonly (string[] Words, string[] Squeezed, OffensiveCategory Category)[] Phrases =
        [.. OffensiveTerms.Phrases.Select(p => (p.Words, p.Words.Select(ObfuscationNormaliser.Squeeze).ToArray(), p.Category))];

    private static readonly HashSet<string> PhraseStarts = new(Phrases.Select(p => p.Squeezed[0]), StringComparer.Ordinal);

    public string Name => "text-language";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        if (!policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var severity = policy.SeverityFor(Rule, Severity.Hold);
        var text = draft.Text ?? "";
        var findings = new TextFindingList(text);
        var words = ObfuscationNormaliser.Words(text);

        for (var i = 0; i < words.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var (phrase, squeezed, phraseCategory) in PhraseStarts.Contains(words[i].Squeezed) ? Phrases : [])
            {
                if (i + phrase.Length <= words.Count && MatchesPhrase(words, i, phrase, squeezed))
                {
                    var last = words[i + phrase.Length - 1];
                    Add(findings, text, severity, words[i].Start, last.Start + last.Length - words[i].Start, phraseCategory);
                }
            }
            var word = words[i];
            if (Match(word) is { } category)
            {
                Add(findings, text, severity, word.Start, word.Length, category);
            }
        }
        return ValueTask.FromResult(findings.ToList());
    }

    private static OffensiveCategory? Match(NormalisedWord word)
    {
        if (OffensiveTerms.Words.TryGetValue(word.Normalised, out var exact) || Squeezed.TryGetValue(word.Squeezed, out exact))
        {
            return exact;
        }
        if (word.HasMask && word.Normalised.Length >= 3 && word.Normalised[0] != '*')
        {
            // "f*ck", "sh*t": every unmasked letter in place, same length (or squeezed length).
            foreach (var (term, category) in OffensiveTerms.Words)
            {
                var masked = word.Normalised.Length == term.Length + 1 && word.Normalised[^1] == 's' ? word.Normalised[..^1] : word.Normalised;
                if (term.Length == masked.Length && term.Length >= 4 && MaskMatches(masked, term))
                {
                    return category;
                }
            }
        }
        return null;
    }

    private static bool MaskMatches(string masked, string term)
    {
        for (var k = 0; k < term.Length; k++)
        {
            if (masked[k] != '*' && masked[k] != term[k])
            {
                return false;
            }
        }
        return true;
    }

    private static bool MatchesPhrase(IReadOnlyList<NormalisedWord> words, int i, string[] phrase, string[] squeezed)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            var word = words[i + k];
            if (word.Normalised != phrase[k] && word.Squeezed != squeezed[k])
            {
                return false;
            }
        }
        return true;
    }

    private static void Add(TextFindingList findings, string text, Severity severity, int start, int length, OffensiveCategory category)
    {
        var quoted = text.Substring(start, length);
        var kind = category switch
        {
            OffensiveCategory.Threatening => "threatening",
            OffensiveCategory.Racist => "racist",
            OffensiveCategory.Homophobic => "homophobic",
            OffensiveCategory.Disablist => "disablist",
            OffensiveCategory.Defamatory => "possibly defamatory",
            _ => "abusive",
        };
        findings.Add(Rule, severity, start, length, $"\"{quoted}\" is {kind} language; the school's posts never contain it.",
            $"Remove \"{quoted}\" and reword the post.", new JsonObject { ["category"] = category.ToString() });
    }
}
