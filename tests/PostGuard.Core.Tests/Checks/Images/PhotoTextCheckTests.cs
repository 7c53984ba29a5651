using System.Globalization;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;
using PostGuard.Core.Tests.Checks.Text;

namespace PostGuard.Core.Tests.Checks.Images;

/// <summary>Words read in photos through the real text checks (the words themselves are given here; the model tests read them).</summary>
public sealed class PhotoTextCheckTests
{
    private static readonly PhotoTextCheck Check = new(new TextCheckSet([.. TextChecks.All.Where(c => c.GetType().Namespace!.StartsWith("PostGuard.Core.Checks.Text", StringComparison.Ordinal))]));

    /// <summary>A line of words laid out left to right from (x, y), 40 px tall, 20 px per character.</summary>
    private static TextLineReport Line(string text, int x, int y)
    {
        var words = new List<TextWordReport>();
        var pen = x;
        foreach (var word in text.Split(' '))
        {
            words.Add(new TextWordReport(word, new RegionBox(pen, y, word.Length * 20, 40)));
            pen += (word.Length + 1) * 20;
        }
        return new TextLineReport(text, 0.95, RegionBox.Around(words.Select(w => w.Box)), words);
    }

    private static DraftUnderCheck Draft(SchoolPolicy? policy = null, params TextLineReport[] lines) => new()
    {
        Text = "Well done everyone in Year 4!",
        Channels = [Channels.Instagram],
        Images = [new ImageUnderCheck { Index = 0, FileName = "award.jpg", Content = Array.Empty<byte>(), Report = new ImageReport { Index = 0, FileName = "award.jpg", Width = 4032, Height = 3024, TextLines = lines } }],
        Policy = policy ?? PolicyPresets.CreateConsentBased([Channels.Instagram]),
        People = TextChecks.Register,
        AnalysedAt = DateTimeOffset.Parse("2026-11-20T09:00:00Z", CultureInfo.InvariantCulture),
    };

    private static Task<IReadOnlyList<Finding>> Run(DraftUnderCheck draft) => Check.RunAsync(draft, CancellationToken.None).AsTask();

    [Fact]
    public async Task A_certificate_naming_a_pupil_blocks_with_the_photo_the_words_and_their_box()
    {
        var findings = await Run(Draft(null, Line("Star of the Week", 1000, 800), Line("awarded to", 1100, 900), Line("Amelia Hughes", 1200, 1000)));
        var finding = Assert.Single(findings);
        Assert.Equal("R6", finding.Rule);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(0, finding.Evidence!["image"]!.GetValue<int>());
        Assert.Equal("award.jpg", finding.Evidence["file"]!.GetValue<string>());
        Assert.Equal("Amelia Hughes", finding.Evidence["words"]!.GetValue<string>());
        Assert.Equal(1200, finding.Evidence["box"]!["x"]!.GetValue<int>());
        Assert.Equal(1000, finding.Evidence["box"]!["y"]!.GetValue<int>());
        Assert.Equal(260, finding.Evidence["box"]!["width"]!.GetValue<int>());
        Assert.Null(finding.Evidence["span"]);
        Assert.Contains("Photo 1 (award.jpg)", finding.Reason);
        Assert.Contains("redacted", finding.Fix);
    }

    [Fact]
    public async Task A_phone_number_on_a_sign_is_R10_and_a_place_R9()
    {
        var findings = await Run(Draft(null, Line("School trip to Manchester", 100, 100), Line("Tel 01632 960123", 100, 200)));
        var phone = Assert.Single(findings, f => f.Rule == "R10");
        Assert.Equal(Severity.Hold, phone.Severity);
        Assert.Equal("01632 960123", phone.Evidence!["words"]!.GetValue<string>());
        Assert.Equal(200, phone.Evidence["box"]!["y"]!.GetValue<int>());
        Assert.Equal("phone", phone.Evidence["dataKind"]!.GetValue<string>());
        Assert.Contains(findings, f => f.Rule == "R9" && f.Evidence!["words"]!.GetValue<string>() == "Manchester");
    }

    [Fact]
    public async Task A_first_name_on_a_badge_blocks_because_the_post_has_photos()
    {
        var finding = Assert.Single(await Run(Draft(null, Line("Mersham Primary", 10, 10), Line("Zara", 10, 60))));
        Assert.Equal(("R6", Severity.Block), (finding.Rule, finding.Severity));
    }

    [Fact]
    public async Task Under_the_strict_policy_a_pupils_name_in_a_photo_is_R7()
    {
        var finding = Assert.Single(await Run(Draft(PolicyPresets.CreateStrict([Channels.Instagram]), Line("Grace Okafor", 10, 10))));
        Assert.Equal(("R7", Severity.Block), (finding.Rule, finding.Severity));
    }

    [Fact]
    public async Task Harmless_words_and_photos_without_words_raise_nothing()
    {
        Assert.Empty(await Run(Draft(null, Line("Star of the Week", 10, 10), Line("for fantastic writing", 10, 60), Line("Year 4", 10, 110))));
        Assert.Empty(await Run(Draft(null)));
    }

    [Fact]
    public async Task An_unreadable_image_is_left_to_the_image_inspection_check()
    {
        var draft = Draft(null) with { Images = [new ImageUnderCheck { Index = 0, FileName = "bad.jpg", Content = Array.Empty<byte>(), Report = new ImageReport { Index = 0, FileName = "bad.jpg", Error = "corrupt" } }] };
        Assert.Empty(await Run(draft));
    }
}
