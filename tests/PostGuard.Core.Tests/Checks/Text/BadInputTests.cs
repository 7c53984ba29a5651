using System.Diagnostics;
using System.Text;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Findings;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>Bad input: every text check returns results, never an exception, in linear time.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> HostileTexts() =>
    [
        "",
        " ",
        "\0\u0001\u0002\u001b[31m control \u007f",
        "\u202eAmelia Hughes\u202c reversed",
        "Ame\u200Flia Hug\u200Bhes with invisible marks",
        "🎉🎉🎉 Well done 🏆 to Year 4 👏",
        "Well done to Amelia 🎉Hughes",
        "مرحبا Amelia Hughes 你好 Привет Grace",
        "\ud800 lone surrogate \udc00 and Zara",
        "'''''''''''''''''''''''''",
        "///.../// @@@ http:// https://",
        "0" + new string('1', 500),
        string.Concat(Enumerable.Repeat("a.", 5000)),
        string.Concat(Enumerable.Repeat("Mrs ", 3000)),
    ];

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Hostile_text_yields_results_never_an_exception(string text)
    {
        var findings = await RunAll(Draft(text));
        Assert.All(findings, f => Assert.NotEqual(Finding.AnalysisIncompleteRule, f.Rule));
    }

    [Fact]
    public async Task Invisible_marks_inside_a_name_do_not_hide_it()
    {
        var findings = await RunAll(Draft("Ame\u200Flia Hug\u200Bhes won."));
        Assert.Contains(findings, f => f.Rule == "R6" && f.Severity == Severity.Block);
    }

    [Fact]
    public async Task A_100_KB_post_is_analysed_quickly_and_its_findings_are_capped()
    {
        var builder = new StringBuilder();
        while (builder.Length < 100_000)
        {
            builder.Append("Well done to Amelia Hughes! Year 3 visit Dover Castle tomorrow, call 07700 900123 or see bit.ly/x. ");
        }
        var stopwatch = Stopwatch.StartNew();
        var findings = await RunAll(Draft(builder.ToString()));
        stopwatch.Stop();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
        Assert.All(findings.GroupBy(f => f.Rule), g => Assert.True(g.Count() <= TextFindingList.MaxFindings, $"{g.Key}: {g.Count()}"));
        Assert.Contains(findings, f => f.Rule == "R6" && f.Severity == Severity.Block);
    }

    [Fact]
    public async Task Pathological_patterns_stay_linear()
    {
        // Long runs that make backtracking engines explode: digits and spaces for phone numbers, dots for domains, "@" chains.
        var texts = new[]
        {
            "0" + string.Concat(Enumerable.Repeat("1 ", 50_000)),
            string.Concat(Enumerable.Repeat("a-", 50_000)) + "!",
            string.Concat(Enumerable.Repeat("a@", 50_000)),
            "http://" + new string('a', 100_000),
        };
        foreach (var text in texts)
        {
            var stopwatch = Stopwatch.StartNew();
            await RunAll(Draft(text));
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed} on a {text.Length}-character input");
        }
    }
}
