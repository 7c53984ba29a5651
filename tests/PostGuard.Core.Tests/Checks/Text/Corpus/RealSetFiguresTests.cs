using PostGuard.Core.Policy;
using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The figures the text checks reach on one set of real posts (Corpus/README.md), held as floors so a later change
/// cannot lose them unnoticed. A blind set prints only its table and the count of labelled posts approved; a
/// development set also prints every error and every labelled post it approves, and the checks are tuned on them.
/// </summary>
public abstract class RealSetFiguresTests(ITestOutputHelper output, string file, string name, bool blind, RealSetFloors floors)
{
    /// <summary>Floors are compared with this much slack, so a figure printed to two places holds at its own value.</summary>
    private const double Rounding = 0.005;

    [Fact]
    public async Task Figures_hold_their_floors()
    {
        var posts = RealPost.Load(file);
        var evaluation = await TextCheckEvaluation.RunAsync(posts);
        output.WriteLine(evaluation.Table($"Real posts, {name} set ({(blind ? "blind" : "development")})"));
        if (!blind)
        {
            foreach (var error in evaluation.Errors)
            {
                output.WriteLine($"{name} {error}");
            }
        }
        foreach (var (rule, (precision, recall)) in floors.Rules)
        {
            Assert.True(evaluation.Precision(rule) >= precision - Rounding && evaluation.Recall(rule) >= recall - Rounding,
                $"{name}-set {rule} {evaluation.Precision(rule):0.00}/{evaluation.Recall(rule):0.00} fell below {precision:0.00}/{recall:0.00}");
        }
        Assert.True(evaluation.OverallPrecision >= floors.Overall.Precision - Rounding && evaluation.OverallRecall >= floors.Overall.Recall - Rounding,
            $"{name}-set overall {evaluation.OverallPrecision:0.00}/{evaluation.OverallRecall:0.00} fell below {floors.Overall.Precision:0.00}/{floors.Overall.Recall:0.00}");
        foreach (var (preset, most) in new[] { (PolicyPresets.ConsentBased, floors.Approved.ConsentBased), (PolicyPresets.Strict, floors.Approved.Strict) })
        {
            var (labelled, approved) = await TextCheckEvaluation.ApprovedDespiteLabelsAsync(posts, preset);
            output.WriteLine($"{approved.Count} of {labelled.Count} posts labelled R6, R8 or R9 approved under {preset}");
            if (!blind)
            {
                foreach (var post in approved)
                {
                    output.WriteLine($"{name} approved under {preset}: line {post.Line} ({string.Join(",", post.ExpectedRules)}): {post.Text}");
                }
            }
            Assert.True(labelled.Count >= floors.LabelledPosts, $"only {labelled.Count} labelled posts");
            Assert.True(approved.Count <= most, $"{approved.Count} {name}-set posts labelled R6, R8 or R9 approved under {preset}, more than {most}");
        }
    }
}

/// <summary>
/// The least a set must keep: precision and recall per rule and over all rules, the most labelled R6/R8/R9 posts
/// approved under each preset, and how many labelled posts it has.
/// </summary>
public sealed record RealSetFloors(
    IReadOnlyDictionary<string, (double Precision, double Recall)> Rules,
    (double Precision, double Recall) Overall,
    (int ConsentBased, int Strict) Approved,
    int LabelledPosts = 100);
