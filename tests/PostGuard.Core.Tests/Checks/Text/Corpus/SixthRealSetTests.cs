using PostGuard.Core.Policy;
using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The sixth set of real posts (real-posts-round6.jsonl, 160 posts from 160 sites in no earlier set), labelled before
/// any check ran on it: it measures round 5's checks and then round 6's, once each, blind. Only the table and the count
/// of labelled posts approved are printed, never a post or an error, so the checks are not tuned on it (Corpus/README.md
/// records each measurement and when it was taken).
/// </summary>
public sealed class SixthRealSetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sixth_set_figures()
    {
        var posts = RealPost.Load(RealPost.SixthSet);
        var evaluation = await TextCheckEvaluation.RunAsync(posts);
        output.WriteLine(evaluation.Table("Real posts, sixth set (blind)"));
        foreach (var preset in new[] { PolicyPresets.ConsentBased, PolicyPresets.Strict })
        {
            var (labelled, approvedPosts) = await TextCheckEvaluation.ApprovedDespiteLabelsAsync(posts, preset);
            output.WriteLine($"{approvedPosts.Count} of {labelled.Count} posts labelled R6, R8 or R9 approved under {preset}");
            Assert.True(labelled.Count >= 100, $"only {labelled.Count} labelled posts");
        }
    }
}
