using System.Diagnostics;
using PostGuard.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using Kind = PostGuard.Server.Tests.Production.LoadRun.Kind;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// Posts with the most photos a draft may have, as real processes on the real PostgreSQL and RabbitMQ:
/// each is decided correctly (held for its untagged faces, never "analysis incomplete") exactly once,
/// beside a steady stream of small drafts whose submit-to-decision latency is measured alone and with
/// the large posts submitted just before them (they are analysed from their own queue, so the small
/// drafts should not wait behind them). The figures go to the test output and the report file; they
/// are not asserted (the machine is shared).
/// </summary>
[Collection(RealServicesCollection.Name)]
public sealed class LargePostTests(ITestOutputHelper output)
{
    private const int LargePosts = 3;

    /// <summary>Small drafts as uploaders send them: text only and one photo, in turn, one every 0.4 s.</summary>
    private static readonly Kind[] SmallStream = [.. Enumerable.Range(0, 30).Select(i => i % 2 == 0 ? Kind.CleanText : Kind.Photo)];

    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(0.4);

    [PostgresRabbitFact]
    public Task Small_drafts_beside_large_posts_with_one_analysis_at_a_time() => MeasureAsync(analysisConcurrency: 1);

    [PostgresRabbitFact]
    public Task Small_drafts_beside_large_posts_with_an_analysis_per_core() => MeasureAsync(analysisConcurrency: 2);

    private async Task MeasureAsync(int analysisConcurrency)
    {
        await using var cluster = await ServerCluster.StartAsync(workers: 1, new Dictionary<string, string>
        {
            ["Messaging__AnalysisConcurrency"] = analysisConcurrency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // As in production: a long analysis is not mistaken for a stuck one and published again.
            ["Reconciler__StuckAfterSeconds"] = "180",
        });
        var run = new LoadRun(cluster, await cluster.AddSchoolWithUploaderAsync());

        // The first photo loads the face model: measure a worker that is already running.
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(1), run.SubmitPacedAsync([Kind.Photo], TimeSpan.Zero));
        var warmUp = run.AcceptedDrafts.Select(a => a.Id).ToHashSet();

        var watch = Stopwatch.StartNew();
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(1), run.SubmitPacedAsync(SmallStream, Pace));
        var aloneSeconds = watch.Elapsed.TotalSeconds;
        var alone = run.AcceptedDrafts.Select(a => a.Id).Except(warmUp).ToHashSet();
        var before = run.AcceptedDrafts.Select(a => a.Id).ToHashSet();

        watch.Restart();
        await run.SubmitPacedAsync([.. Enumerable.Repeat(Kind.LargePost, LargePosts)], TimeSpan.Zero); // queued first
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(2), run.SubmitPacedAsync(SmallStream, Pace));
        var besideSeconds = watch.Elapsed.TotalSeconds;

        await run.AssertExactlyOneCorrectDecisionEachAsync(failuresProvoked: false);
        Assert.Equal(1 + 2 * SmallStream.Length + LargePosts, run.AcceptedDrafts.Count);
        var lines = new[]
        {
            run.Report($"small drafts alone, {analysisConcurrency} analysis at a time", aloneSeconds, 1, a => alone.Contains(a.Id)),
            run.Report($"small drafts after {LargePosts} posts of 20 photos, {analysisConcurrency} analysis at a time", besideSeconds, 1, a => !before.Contains(a.Id) && a.Kind != Kind.LargePost),
            run.Report($"the {LargePosts} posts of 20 photos, {analysisConcurrency} analysis at a time", besideSeconds, 1, a => a.Kind == Kind.LargePost),
        };
        output.WriteLine(run.Timeline(a => !before.Contains(a.Id)));
        output.WriteLine(await run.AssertNothingLeftOnTheBrokerAsync());
        LoadAndFaultTests.Report(output, lines);
    }
}
