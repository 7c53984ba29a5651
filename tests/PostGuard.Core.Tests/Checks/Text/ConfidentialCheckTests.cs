using PostGuard.Core.Checks.Text.Confidential;
using PostGuard.Core.Findings;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

public sealed class ConfidentialCheckTests
{
    [Theory]
    [InlineData("Confidential: the new head starts in September.", "Confidential")]
    [InlineData("Good news (not yet announced to staff!)", "not yet announced")]
    [InlineData("The report is embargoed until Monday.", "embargoed")]
    [InlineData("Please do not share this yet.", "do not share")]
    [InlineData("A pupil has been excluded from school.", "been excluded")]
    [InlineData("Mr Crowther has been suspended pending an investigation.", "suspended")]
    [InlineData("Due to redundancies, two posts will go.", "redundancies")]
    [InlineData("The disciplinary hearing is next week.", "disciplinary")]
    [InlineData("Mrs Chalkley is on long-term sick leave.", "sick leave")]
    [InlineData("It is not public until Friday!", "not public")]
    public async Task Confidential_staff_and_exclusion_matters_are_held(string text, string expected)
    {
        var finding = Assert.Single(await Run<ConfidentialCheck>(Draft(text)));
        Assert.Equal("R16", finding.Rule);
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal(expected, SpanText(finding));
    }

    [Theory]
    [InlineData("Lights were suspended from the hall ceiling.")]
    [InlineData("Our new Deputy Head will be announced next week.")]
    [InlineData("The car park is for staff only.")]
    [InlineData("Share your photos of sports day with us!")]
    public async Task Ordinary_announcements_pass(string text)
    {
        Assert.Empty(await Run<ConfidentialCheck>(Draft(text)));
    }
}
