using PostGuard.Core.Tests.Checks.Text.Corpus;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// Every text check runs to its end on any text a member of staff may submit, including a draft cut off mid-sentence: each
/// real post of every set is cut at seeded random word boundaries (and just before its last word) and run through all the
/// checks. A check that throws would make the service hold every such draft as a failed check; here it fails the test with
/// the set, line and cut, not the post's words (the blind sets' text stays unprinted).
/// </summary>
public sealed class TextChecksOnCutPostsTests
{
    private const int CutsPerPost = 3;

    public static TheoryData<string> Sets => new(
        RealPost.FirstSet, RealPost.SecondSet, RealPost.ThirdSet, RealPost.FourthSet, RealPost.FifthSet, RealPost.SixthSet,
        RealPost.SeventhSet, RealPost.EighthSet, RealPost.NinthSet, RealPost.TenthSet, RealPost.EleventhSet, RealPost.TwelfthSet, RealPost.ThirteenthSet);

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task Every_check_finishes_on_every_cut_of_every_post(string set)
    {
        var random = new Random(set.GetHashCode(StringComparison.Ordinal) ^ 20261203);
        var runs = 0;
        foreach (var post in RealPost.Load(set))
        {
            var boundaries = Enumerable.Range(1, post.Text.Length - 1).Where(i => char.IsWhiteSpace(post.Text[i]) && !char.IsWhiteSpace(post.Text[i - 1])).ToList();
            var cuts = new List<int> { post.Text.Length };
            if (boundaries.Count > 0)
            {
                cuts.Add(boundaries[^1]);
                cuts.AddRange(Enumerable.Range(0, CutsPerPost).Select(_ => boundaries[random.Next(boundaries.Count)]));
            }
            foreach (var cut in cuts)
            {
                var draft = TextChecks.Draft(post.Text[..cut], post.PublishAt, policy: TextCheckEvaluation.PolicyFor(post));
                var failure = await Record.ExceptionAsync(() => TextChecks.RunAll(draft));
                Assert.True(failure is null, $"{set} line {post.Line}, cut at {cut} of {post.Text.Length}: {failure?.GetType().Name} {failure?.StackTrace?.Split('\n').FirstOrDefault(frame => frame.Contains("PostGuard.Core.Checks", StringComparison.Ordinal))?.Trim()}");
                runs++;
            }
        }
        Assert.True(runs >= 150 * 2, $"only {runs} runs");
    }
}
