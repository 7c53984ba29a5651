using PostGuard.Core.Policy;
using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The fourth set of real posts (real-posts-round4.jsonl, 210 posts from 208 sites in no earlier set), labelled
/// before any check ran on it: it measures round 4 blind. Only the table and the count of labelled posts approved
/// are printed, never a post or an error, so the checks are not tuned on it (Corpus/README.md records each
/// measurement and when it was taken). The measured figures are held as floors.
/// </summary>
public sealed class FourthRealSetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fourth_set_figures()
    {
        var posts = RealPost.Load(RealPost.FourthSet);
        var evaluation = await TextCheckEvaluation.RunAsync(posts);
        output.WriteLine(evaluation.Table("Real posts, fourth set (blind)"));
        // The first measurement (round 3's checks, Corpus/README.md) as floors: new posts must not get worse unnoticed.
        Assert.True(evaluation.Recall("R6") >= 0.91 - 0.005 && evaluation.Precision("R6") >= 0.69 - 0.005, $"fourth-set names {evaluation.Precision("R6"):0.00}/{evaluation.Recall("R6"):0.00} fell");
        Assert.True(evaluation.Recall("R8") >= 0.75 - 0.005 && evaluation.Precision("R8") >= 0.67 - 0.005, $"fourth-set trip timing {evaluation.Precision("R8"):0.00}/{evaluation.Recall("R8"):0.00} fell");
        Assert.True(evaluation.Recall("R9") >= 0.90 - 0.005 && evaluation.Precision("R9") >= 0.94 - 0.005, $"fourth-set locations {evaluation.Precision("R9"):0.00}/{evaluation.Recall("R9"):0.00} fell");
        Assert.True(evaluation.OverallPrecision >= 0.78 - 0.005, $"fourth-set overall precision {evaluation.OverallPrecision:0.00} fell");
        foreach (var preset in new[] { PolicyPresets.ConsentBased, PolicyPresets.Strict })
        {
            var (labelled, approvedPosts) = await TextCheckEvaluation.ApprovedDespiteLabelsAsync(posts, preset);
            output.WriteLine($"{approvedPosts.Count} of {labelled.Count} posts labelled R6, R8 or R9 approved under {preset}");
            Assert.True(labelled.Count >= 150, $"only {labelled.Count} labelled posts");
            Assert.True(approvedPosts.Count <= (preset == PolicyPresets.Strict ? 5 : 7), $"{approvedPosts.Count} fourth-set posts labelled R6, R8 or R9 approved under {preset} (7 consent-based, 5 strict at the first measurement)");
        }
    }
}
