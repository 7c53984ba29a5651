using Xunit.Abstractions;

namespace PostGuard.Core.Tests.Checks.Text.Corpus;

/// <summary>
/// The evaluation of issue 5: precision and recall per rule over the labelled corpus, printed to the
/// test output, with the targets asserted (register names ≥ 0.95, locations and trip timing ≥ 0.9,
/// overall precision ≥ 0.85).
/// </summary>
public sealed class CorpusEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Corpus_has_at_least_200_labelled_posts_covering_every_text_rule()
    {
        var posts = LabelledPost.Load();
        Assert.True(posts.Count >= 200, $"only {posts.Count} posts");
        foreach (var rule in TextCheckEvaluation.Rules)
        {
            Assert.Contains(posts, p => p.ExpectedRules.Contains(rule));
        }
        Assert.True(posts.Count(p => p.ExpectedRules.Count == 0) >= 60, "too few clean posts to measure precision");
    }

    [Fact]
    public async Task Text_checks_meet_the_precision_and_recall_targets_on_the_corpus()
    {
        var posts = LabelledPost.Load();
        var evaluation = await TextCheckEvaluation.RunAsync(posts);
        output.WriteLine(evaluation.Table("All posts"));
        foreach (var split in posts.GroupBy(p => p.Split ?? "development"))
        {
            var part = await TextCheckEvaluation.RunAsync([.. split]);
            var title = split.Key == "holdout"
                ? "Held-out posts (written blind after the last change to the checks, never tuned on)"
                : $"Split '{split.Key}' (the checks were tuned on these; see Corpus/README.md for its first, untuned figures)";
            output.WriteLine(part.Table(title));
        }
        foreach (var error in evaluation.Errors)
        {
            output.WriteLine(error);
        }
        Assert.True(evaluation.RegisterNameRecall >= 0.95, $"register-name recall {evaluation.RegisterNameRecall:0.00} < 0.95");
        Assert.True(evaluation.Recall("R9") >= 0.9, $"location recall {evaluation.Recall("R9"):0.00} < 0.9");
        Assert.True(evaluation.Recall("R8") >= 0.9, $"trip-timing recall {evaluation.Recall("R8"):0.00} < 0.9");
        Assert.True(evaluation.OverallPrecision >= 0.85, $"overall precision {evaluation.OverallPrecision:0.00} < 0.85");
    }
}
