namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The shape of the third set of real posts (real-posts-round3.jsonl), labelled blind to measure round 3.
/// This test only reads the labels and sources; it never runs a check on the posts, so the set stays blind
/// until its figures are measured (Corpus/README.md).
/// </summary>
public sealed class ThirdRealSetStructureTests
{
    private static readonly string[] LabelledRules = ["R6", "R8", "R9", "R10", "R11", "R15", "R16"];

    [Fact]
    public void Third_set_has_180_sourced_posts_from_sites_in_neither_earlier_set()
    {
        var earlier = RealPost.Load(RealPost.FirstSet).Concat(RealPost.Load(RealPost.SecondSet))
            .Select(p => p.Host)
            .ToHashSet(StringComparer.Ordinal);
        var third = RealPost.Load(RealPost.ThirdSet);
        Assert.True(third.Count >= 180, $"only {third.Count} posts");
        Assert.Equal(third.Count, third.Select(p => p.Source).Distinct(StringComparer.Ordinal).Count());
        foreach (var post in third)
        {
            Assert.True(post.Split == "round3", $"line {post.Line}: split '{post.Split}'");
            Assert.False(earlier.Contains(post.Host), $"line {post.Line}: {post.Host} is a site of the first or second set");
            Assert.All(post.ExpectedRules, rule => Assert.Contains(rule, LabelledRules));
            Assert.False(string.IsNullOrWhiteSpace(post.Text), $"line {post.Line}: empty text");
        }
        foreach (var rule in new[] { "R6", "R8", "R9" })
        {
            Assert.True(third.Count(p => p.ExpectedRules.Contains(rule)) >= 50, $"too few {rule} posts to measure recall");
        }
        Assert.True(third.Count(p => p.ExpectedRules.Count == 0) >= 50, "too few clean posts to measure precision");
    }
}
