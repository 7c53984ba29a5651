using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;
using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The second set of real posts (real-posts-round2.jsonl): 207 posts from sites that are not in the
/// first set, labelled before any check ran on them and measured once, blind, before the checks were
/// changed again (Corpus/README.md records that first figure and the one after round 2). From round 3 on it is
/// development data like the first set: its errors are printed; a third set, labelled blind, measures the rounds.
/// </summary>
public sealed class SecondRealSetTests(ITestOutputHelper output)
{
    private static readonly string[] LabelledRules = ["R6", "R8", "R9", "R10", "R11", "R15", "R16"];

    [Fact]
    public void Second_set_has_200_sourced_posts_from_sites_not_in_the_first()
    {
        var first = RealPost.Load().Select(p => p.Host).ToHashSet(StringComparer.Ordinal);
        var second = RealPost.Load(RealPost.SecondSet);
        Assert.True(second.Count >= 200, $"only {second.Count} posts");
        Assert.Equal(second.Count, second.Select(p => p.Source).Distinct(StringComparer.Ordinal).Count());
        foreach (var post in second)
        {
            Assert.True(post.Split == "round2", $"line {post.Line}: split '{post.Split}'");
            Assert.False(first.Contains(post.Host), $"line {post.Line}: {post.Host} is a site of the first set");
            Assert.All(post.ExpectedRules, rule => Assert.Contains(rule, LabelledRules));
            Assert.False(string.IsNullOrWhiteSpace(post.Text), $"line {post.Line}: empty text");
        }
        foreach (var rule in new[] { "R6", "R8", "R9" })
        {
            Assert.True(second.Count(p => p.ExpectedRules.Contains(rule)) >= 50, $"too few {rule} posts to measure recall");
        }
        Assert.True(second.Count(p => p.ExpectedRules.Count == 0) >= 50, "too few clean posts to measure precision");
    }

    [Fact]
    public async Task Second_set_figures()
    {
        var posts = RealPost.Load(RealPost.SecondSet);
        var evaluation = await TextCheckEvaluation.RunAsync(posts);
        output.WriteLine(evaluation.Table("Real posts, second set (development from round 3)"));
        foreach (var error in evaluation.Errors)
        {
            output.WriteLine("second " + error);
        }
        // The figures as measured after round 4 (Corpus/README.md): a change that loses them shows here.
        Assert.True(evaluation.Recall("R8") >= 1.00 - 0.005 && evaluation.Precision("R8") >= 0.95 - 0.005,
            $"second set trip timing {evaluation.Precision("R8"):0.00}/{evaluation.Recall("R8"):0.00} fell");
        Assert.True(evaluation.Recall("R6") >= 1.00 - 0.005 && evaluation.Precision("R6") >= 1.00 - 0.005,
            $"second set names {evaluation.Precision("R6"):0.00}/{evaluation.Recall("R6"):0.00} fell");
        Assert.True(evaluation.Recall("R9") >= 0.97 - 0.005 && evaluation.Precision("R9") >= 0.94 - 0.005,
            $"second set locations {evaluation.Precision("R9"):0.00}/{evaluation.Recall("R9"):0.00} fell");
        foreach (var preset in new[] { PolicyPresets.ConsentBased, PolicyPresets.Strict })
        {
            var (labelled, approvedPosts) = await TextCheckEvaluation.ApprovedDespiteLabelsAsync(posts, preset);
            var approved = approvedPosts.Count;
            output.WriteLine($"{approved} of {labelled.Count} posts labelled R6, R8 or R9 approved under {preset}");
            foreach (var post in approvedPosts)
            {
                output.WriteLine($"second approved under {preset}: line {post.Line} ({string.Join(",", post.ExpectedRules)}): {post.Text}");
            }
            Assert.True(approved <= 1, $"{approved} second-set posts labelled R6, R8 or R9 approved under {preset} (1 after round 4)");
        }
    }
}
