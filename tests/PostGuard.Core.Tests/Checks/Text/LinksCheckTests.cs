using PostGuard.Core.Checks.Text.Links;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

public sealed class LinksCheckTests
{
    private static readonly SchoolPolicy Policy = PolicyPresets.CreateConsentBased() with { AllowedLinkDomains = ["mersham.kent.sch.uk", "gov.uk"] };

    [Theory]
    [InlineData("Sign up: bit.ly/merfunrun", "bit.ly/merfunrun")]
    [InlineData("Vote at https://tinyurl.com/merGarden.", "https://tinyurl.com/merGarden")]
    [InlineData("Photos: http://192.168.4.21/gallery", "http://192.168.4.21/gallery")]
    [InlineData("Order at www.photoprintsdirect.com today", "www.photoprintsdirect.com")]
    [InlineData("Menu at mersham-kitchen.co.uk", "mersham-kitchen.co.uk")]
    [InlineData("Survey: forms.gle/abc123XYZ", "forms.gle/abc123XYZ")]
    [InlineData("Fake: https://mersham.kent.sch.uk.evil.com/login", "https://mersham.kent.sch.uk.evil.com/login")]
    public async Task Shorteners_ip_links_and_unknown_domains_are_held(string text, string expected)
    {
        var finding = Assert.Single(await Run<LinksCheck>(Draft(text, policy: Policy)));
        Assert.Equal("R11", finding.Rule);
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal(expected, SpanText(finding));
    }

    [Theory]
    [InlineData("Newsletter: https://mersham.kent.sch.uk/newsletters")]
    [InlineData("See www.gov.uk/school-term-holiday-dates for dates.")]
    [InlineData("Our site mersham.kent.sch.uk has the menu.")]
    [InlineData("Bring e.g. a coat, i.e. be ready. Start at 9.30am. It costs £2.50.")]
    [InlineData("Email office@example.com about it.")]
    public async Task Allow_listed_domains_and_things_that_are_not_links_pass(string text)
    {
        Assert.Empty(await Run<LinksCheck>(Draft(text, policy: Policy)));
    }
}
