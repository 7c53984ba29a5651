using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;
using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The third set of real posts (real-posts-round3.jsonl), labelled before any check ran on it: it measures round 3
/// blind. Only the table and the count of labelled posts approved are printed, never a post or an error, so the
/// checks are not tuned on it (Corpus/README.md records each measurement and when it was taken).
/// </summary>
public sealed class ThirdRealSetTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Third_set_figures()
    {
        var posts = RealPost.Load(RealPost.ThirdSet);
        var evaluation = await TextCheckEvaluation.RunAsync(posts);
        output.WriteLine(evaluation.Table("Real posts, third set (blind)"));
        foreach (var preset in new[] { PolicyPresets.ConsentBased, PolicyPresets.Strict })
        {
            var labelled = posts.Where(p => p.ExpectedRules.Any(r => r is "R6" or "R8" or "R9")).ToList();
            var approved = 0;
            foreach (var post in labelled)
            {
                var draft = TextChecks.Draft(post.Text, post.PublishAt, withPhotos: false, TextCheckEvaluation.PolicyFor(post, preset), people: PeopleRegister.Empty);
                approved += DecisionEngine.Decide(await TextChecks.RunAll(draft)) == Decision.Approve ? 1 : 0;
            }
            output.WriteLine($"{approved} of {labelled.Count} posts labelled R6, R8 or R9 approved under {preset}");
            Assert.True(labelled.Count >= 100, $"only {labelled.Count} labelled posts");
        }
    }
}
