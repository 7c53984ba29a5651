using PostGuard.Core.Policy;
using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The sixth set of real posts (real-posts-round6.jsonl, 160 posts from 160 sites in no earlier set), labelled before
/// any check ran on it: it measures round 5's checks and then round 6's, once each, blind. Only the table and the count
/// of labelled posts approved are printed, never a post or an error, so the checks are not tuned on it (Corpus/README.md
/// records each measurement and when it was taken). The second measurement's figures are held as floors.
/// </summary>
public sealed class SixthRealSetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sixth_set_figures()
    {
        var posts = RealPost.Load(RealPost.SixthSet);
        var evaluation = await TextCheckEvaluation.RunAsync(posts);
        output.WriteLine(evaluation.Table("Real posts, sixth set (blind)"));
        // The second measurement (round 6's checks, Corpus/README.md) as floors: new posts must not get worse unnoticed.
        Assert.True(evaluation.Recall("R6") >= 0.89 - 0.005 && evaluation.Precision("R6") >= 0.69 - 0.005, $"sixth-set names {evaluation.Precision("R6"):0.00}/{evaluation.Recall("R6"):0.00} fell");
        Assert.True(evaluation.Recall("R8") >= 0.83 - 0.005 && evaluation.Precision("R8") >= 0.73 - 0.005, $"sixth-set trip timing {evaluation.Precision("R8"):0.00}/{evaluation.Recall("R8"):0.00} fell");
        Assert.True(evaluation.Recall("R9") >= 0.93 - 0.005 && evaluation.Precision("R9") >= 0.94 - 0.005, $"sixth-set locations {evaluation.Precision("R9"):0.00}/{evaluation.Recall("R9"):0.00} fell");
        Assert.True(evaluation.OverallPrecision >= 0.82 - 0.005 && evaluation.OverallRecall >= 0.89 - 0.005, $"sixth-set overall {evaluation.OverallPrecision:0.00}/{evaluation.OverallRecall:0.00} fell");
        foreach (var preset in new[] { PolicyPresets.ConsentBased, PolicyPresets.Strict })
        {
            var (labelled, approvedPosts) = await TextCheckEvaluation.ApprovedDespiteLabelsAsync(posts, preset);
            output.WriteLine($"{approvedPosts.Count} of {labelled.Count} posts labelled R6, R8 or R9 approved under {preset}");
            Assert.True(labelled.Count >= 100, $"only {labelled.Count} labelled posts");
            Assert.True(approvedPosts.Count <= (preset == PolicyPresets.Strict ? 2 : 4), $"{approvedPosts.Count} sixth-set posts labelled R6, R8 or R9 approved under {preset} (4 consent-based, 2 strict at both measurements)");
        }
    }
}
