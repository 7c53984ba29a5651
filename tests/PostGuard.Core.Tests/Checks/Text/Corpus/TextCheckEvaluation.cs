using System.Globalization;
using System.Text;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>Per-rule counts over the labelled corpus, at post level: does the post raise the rule or not.</summary>
public sealed class TextCheckEvaluation
{
    public static readonly string[] Rules = ["R6", "R7", "R8", "R9", "R10", "R11", "R15", "R16"];

    private readonly Dictionary<string, (int Tp, int Fp, int Fn)> _counts = Rules.ToDictionary(r => r, _ => (0, 0, 0));

    public int RegisterNamesExpected { get; private set; }
    public int RegisterNamesFound { get; private set; }
    public List<string> Errors { get; } = [];
    public int Posts { get; private set; }

    /// <summary>The policy the corpus school (Mersham-like) uses: its own town and address, its own and public sites.</summary>
    public static SchoolPolicy PolicyFor(string? preset) => PolicyPresets.Create(preset ?? PolicyPresets.ConsentBased) with
    {
        AllowedPlaces = ["Mersham", "Ashford", "Church Road, Mersham, Ashford TN25 6NU"],
        AllowedLinkDomains = ["mersham.kent.sch.uk", "kent.gov.uk", "gov.uk", "bbc.co.uk"],
    };

    /// <summary>
    /// A real post's school: the preset, its own places allowed (R9), and its own web site and
    /// gov.uk as allowed link domains (R11).
    /// </summary>
    public static SchoolPolicy PolicyFor(RealPost post, string preset = PolicyPresets.ConsentBased) => PolicyPresets.Create(preset) with
    {
        AllowedPlaces = post.SchoolPlaces,
        AllowedLinkDomains = [post.Host, "gov.uk"],
    };

    public static async Task<TextCheckEvaluation> RunAsync(IReadOnlyList<LabelledPost> posts)
    {
        var evaluation = new TextCheckEvaluation();
        foreach (var post in posts)
        {
            var draft = TextChecks.Draft(post.Text, post.PublishAt, post.WithPhotos, PolicyFor(post.Preset));
            var findings = await TextChecks.RunAll(draft);
            evaluation.Add(post.Line, post.Text, post.ExpectedRules, post.RegisterNames, findings);
        }
        return evaluation;
    }

    /// <summary>Real posts, consent-based preset, no photos, no register (the corpus schools' registers are unknown).</summary>
    public static async Task<TextCheckEvaluation> RunAsync(IReadOnlyList<RealPost> posts)
    {
        var evaluation = new TextCheckEvaluation();
        foreach (var post in posts)
        {
            var draft = TextChecks.Draft(post.Text, post.PublishAt, withPhotos: false, PolicyFor(post), people: PeopleRegister.Empty);
            var findings = await TextChecks.RunAll(draft);
            evaluation.Add(post.Line, post.Text, post.ExpectedRules, [], findings);
        }
        return evaluation;
    }

    /// <summary>
    /// The real posts labelled R6, R8 or R9 (a person named, a place, children away), and those of them the checks
    /// decide Approve under <paramref name="preset"/>: posts that must never be approved.
    /// </summary>
    public static async Task<(IReadOnlyList<RealPost> Labelled, IReadOnlyList<RealPost> Approved)> ApprovedDespiteLabelsAsync(IReadOnlyList<RealPost> posts, string preset)
    {
        var labelled = posts.Where(p => p.ExpectedRules.Any(r => r is "R6" or "R8" or "R9")).ToList();
        var approved = new List<RealPost>();
        foreach (var post in labelled)
        {
            var draft = TextChecks.Draft(post.Text, post.PublishAt, withPhotos: false, PolicyFor(post, preset), people: PeopleRegister.Empty);
            if (DecisionEngine.Decide(await TextChecks.RunAll(draft)) == Decision.Approve)
            {
                approved.Add(post);
            }
        }
        return (labelled, approved);
    }

    private void Add(int line, string text, IReadOnlyList<string> expectedRules, IReadOnlyList<string> registerNames, IReadOnlyList<Finding> findings)
    {
        Posts++;
        var raised = findings.Where(f => f.Severity > Severity.Info).Select(f => f.Rule).ToHashSet();
        foreach (var rule in Rules)
        {
            var expected = expectedRules.Contains(rule);
            var actual = raised.Contains(rule);
            var (tp, fp, fn) = _counts[rule];
            _counts[rule] = (tp + (expected && actual ? 1 : 0), fp + (!expected && actual ? 1 : 0), fn + (expected && !actual ? 1 : 0));
            if (expected != actual)
            {
                var spans = string.Join("; ", findings.Where(f => f.Rule == rule).Select(f => (f.Evidence?["span"]?["text"]?.ToString() ?? f.Reason) + (f.Evidence?["cue"]?["text"] is { } cue ? $" <cue {cue}>" : "")));
                Errors.Add($"line {line}: {(actual ? "false positive" : "missed")} {rule} [{spans}] {text}");
            }
        }
        var nameSpans = findings.Where(f => f.Rule is "R6" or "R7").Select(f => f.Evidence?["span"]?["text"]?.ToString() ?? "").ToList();
        foreach (var name in registerNames)
        {
            RegisterNamesExpected++;
            if (nameSpans.Exists(s => s.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(s, StringComparison.OrdinalIgnoreCase) && s.Length > 1))
            {
                RegisterNamesFound++;
            }
            else
            {
                Errors.Add($"line {line}: register name \"{name}\" not found: {text}");
            }
        }
    }

    public double Precision(string rule) => Ratio(_counts[rule].Tp, _counts[rule].Tp + _counts[rule].Fp);
    public double Recall(string rule) => Ratio(_counts[rule].Tp, _counts[rule].Tp + _counts[rule].Fn);
    public double RegisterNameRecall => Ratio(RegisterNamesFound, RegisterNamesExpected);
    public double OverallPrecision => Ratio(_counts.Values.Sum(c => c.Tp), _counts.Values.Sum(c => c.Tp + c.Fp));
    public double OverallRecall => Ratio(_counts.Values.Sum(c => c.Tp), _counts.Values.Sum(c => c.Tp + c.Fn));

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    public string Table(string title)
    {
        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{title}: {Posts} labelled posts (post level)");
        builder.AppendLine("| rule | expected | TP | FP | FN | precision | recall |");
        builder.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var rule in Rules)
        {
            var (tp, fp, fn) = _counts[rule];
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {rule} | {tp + fn} | {tp} | {fp} | {fn} | {Precision(rule):0.00} | {Recall(rule):0.00} |");
        }
        builder.AppendLine(CultureInfo.InvariantCulture, $"| all | {_counts.Values.Sum(c => c.Tp + c.Fn)} | {_counts.Values.Sum(c => c.Tp)} | {_counts.Values.Sum(c => c.Fp)} | {_counts.Values.Sum(c => c.Fn)} | {OverallPrecision:0.00} | {OverallRecall:0.00} |");
        builder.AppendLine(CultureInfo.InvariantCulture, $"Register names (mention level): {RegisterNamesFound}/{RegisterNamesExpected} found, recall {RegisterNameRecall:0.00}");
        return builder.ToString();
    }
}
