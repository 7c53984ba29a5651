using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Channels;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Tests.Checks;

public sealed class DraftAnalyzerTests
{
    private static DraftUnderCheck Draft(bool commentsEnabled = false, params string[] channels) => new()
    {
        Text = "Well done to Year 4 for their Harvest Festival assembly!",
        Channels = channels.Length > 0 ? channels : [Channels.Instagram],
        CommentsEnabled = commentsEnabled,
        Policy = PolicyPresets.CreateConsentBased([Channels.Instagram, Channels.LinkedIn]),
        AnalysedAt = DateTimeOffset.Parse("2026-11-21T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static DraftAnalyzer Analyzer(IImageInspector? inspector = null, int timeoutSeconds = 60, params IDraftCheck[] checks) =>
        Analyzer(TimeProvider.System, inspector, timeoutSeconds, checks);

    private static DraftAnalyzer Analyzer(TimeProvider time, IImageInspector? inspector, int timeoutSeconds, params IDraftCheck[] checks) =>
        new(checks, inspector ?? new UnavailableImageInspector("not needed"), Options.Create(new CheckOptions { TimeoutSeconds = timeoutSeconds }), time, NullLogger<DraftAnalyzer>.Instance);

    [Fact]
    public async Task Clean_draft_is_approved()
    {
        var analysis = await Analyzer(null, 60, new OfficialChannelsCheck(), new CommentsCheck()).AnalyzeAsync(Draft(), CancellationToken.None);
        Assert.Equal(Decision.Approve, analysis.Decision);
        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public async Task Comments_enabled_and_unofficial_channel_block()
    {
        var analysis = await Analyzer(null, 60, new OfficialChannelsCheck(), new CommentsCheck())
            .AnalyzeAsync(Draft(true, Channels.Instagram, Channels.Facebook), CancellationToken.None);
        Assert.Equal(Decision.Block, analysis.Decision);
        Assert.Equal(["R13", "R12"], analysis.Findings.Select(f => f.Rule));
        Assert.All(analysis.Findings, f => Assert.NotNull(f.Fix));
    }

    [Fact]
    public async Task A_check_that_throws_holds_as_analysis_incomplete()
    {
        var analysis = await Analyzer(null, 60, new CommentsCheck(), new ThrowingCheck()).AnalyzeAsync(Draft(), CancellationToken.None);
        Assert.Equal(Decision.Hold, analysis.Decision);
        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(Finding.AnalysisIncompleteRule, finding.Rule);
        Assert.Contains("throwing", finding.Reason);
    }

    [Fact]
    public async Task A_check_that_ignores_its_deadline_holds_and_does_not_stall_the_draft()
    {
        var time = new FakeTimeProvider();
        var analyzing = Analyzer(time, null, 1, new StuckCheck()).AnalyzeAsync(Draft(), CancellationToken.None);
        Assert.False(analyzing.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1)); // the check's time limit passes; the check itself is still stuck
        var analysis = await analyzing;

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Contains("timed out", finding.Reason);
    }

    [Fact]
    public async Task Without_a_face_detector_a_photo_holds_rather_than_approves()
    {
        var draft = Draft() with { Images = [new ImageUnderCheck { Index = 0, FileName = "a.jpg", Content = new byte[] { 0xFF, 0xD8, 0xFF } }] };
        var analysis = await Analyzer(new UnavailableImageInspector("models missing"), 60, new UnreadableImagesCheck(), new FacesCheck()).AnalyzeAsync(draft, CancellationToken.None);
        Assert.Equal(Decision.Hold, analysis.Decision);
        Assert.Contains("models missing", analysis.Findings.Single().Reason);
    }

    private sealed class ThrowingCheck : IDraftCheck
    {
        public string Name => "throwing";

        public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class StuckCheck : IDraftCheck
    {
        public string Name => "stuck";

        public async ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
            return [];
        }
    }
}
