using PostGuard.Core.Checks.Text.PersonalData;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

public sealed class PersonalDataCheckTests
{
    [Theory]
    [InlineData("Call Mrs Benjamin on 07700 900123 with questions.", "07700 900123")]
    [InlineData("Text +44 7700 900456 to volunteer.", "+44 7700 900456")]
    [InlineData("Ring (01233) 620329 after 4pm.", "(01233) 620329")]
    [InlineData("Email sarah.jones1982@gmail.com for tickets.", "sarah.jones1982@gmail.com")]
    [InlineData("Leo Nowak, date of birth 03/04/2017, has joined Year 3.", "date of birth 03/04/2017")]
    [InlineData("Please welcome Zara, aged 6, to Year 1.", "aged 6")]
    [InlineData("Harry (7) raised £80.", "7")]
    [InlineData("Get well soon to Isla, who is in hospital with leukaemia.", "leukaemia")]
    [InlineData("One pupil in Year 2 has a severe nut allergy.", "nut allergy")]
    [InlineData("Freddie lives at 14 Orchard Close.", "14 Orchard Close")]
    [InlineData("Theo Marsh, 8, has been picked for the squad.", "8")]
    [InlineData("Please welcome Arjun, who is 9 and loves cricket.", "who is 9")]
    [InlineData("Congratulations to Zara on her baptism.", "baptism")]
    public async Task Personal_and_special_category_data_is_held(string text, string expected)
    {
        var findings = await Run<PersonalDataCheck>(Draft(text));
        var finding = Assert.Single(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
        Assert.Equal("R10", finding.Rule);
        Assert.Equal(Severity.Hold, finding.Severity);
    }

    [Theory]
    [InlineData("Mental Health Awareness Week starts on Monday.")]
    [InlineData("Free school meals applications are now open.")]
    [InlineData("Children with asthma should bring their inhalers.")]
    [InlineData("We raised £1,240 and 312 items for the food bank.")]
    [InlineData("Year 6 scored 12 points; the final score was 24-18.")]
    [InlineData("Please add your name to the list and send it back.")]
    public async Task General_health_terms_sums_and_scores_are_not_personal_data(string text)
    {
        Assert.Empty(await Run<PersonalDataCheck>(Draft(text)));
    }

    [Fact]
    public async Task The_schools_own_email_on_an_allowed_domain_passes()
    {
        var policy = PolicyPresets.CreateConsentBased() with { AllowedLinkDomains = ["mersham.kent.sch.uk"] };
        Assert.Empty(await Run<PersonalDataCheck>(Draft("Questions to office@mersham.kent.sch.uk please.", policy: policy)));
    }
}
