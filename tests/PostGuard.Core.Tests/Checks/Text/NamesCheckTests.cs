using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

public sealed class NamesCheckTests
{
    [Fact]
    public async Task Pupil_full_name_is_blocked_with_its_exact_span()
    {
        const string text = "Well done to Amelia Hughes for her swimming!";
        var finding = Assert.Single(await Run<NamesCheck>(Draft(text)));
        Assert.Equal("R6", finding.Rule);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal(text.IndexOf("Amelia", StringComparison.Ordinal), finding.Evidence!["span"]!["start"]!.GetValue<int>());
        Assert.Equal("Amelia Hughes", SpanText(finding));
        Assert.NotNull(finding.Fix);
    }

    [Fact]
    public async Task Pupil_first_name_without_photos_is_held()
    {
        var finding = Assert.Single(await Run<NamesCheck>(Draft("Thank you to Zara for reading in assembly.")));
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal("Zara", SpanText(finding));
    }

    [Fact]
    public async Task Pupil_first_name_with_photos_is_blocked()
    {
        var finding = Assert.Single(await Run<NamesCheck>(Draft("Thank you to Zara for reading in assembly.", withPhotos: true)));
        Assert.Equal(Severity.Block, finding.Severity);
    }

    [Theory]
    [InlineData("Amelia's painting won a prize.", "Amelia")]
    [InlineData("evie robinson won the handwriting prize.", "evie robinson")]
    [InlineData("THEO MARSH SCORED THE WINNER!", "THEO MARSH")]
    [InlineData("Star of the week is Ollie Bennett.", "Ollie Bennett")]
    [InlineData("Congratulations to Will Summers on his lead role.", "Will Summers")]
    public async Task Register_names_are_found_in_any_case_with_possessives_and_known_as(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text));
        Assert.Contains(findings, f => SpanText(f) == expected);
    }

    [Theory]
    [InlineData("May half term starts on Friday 22nd May.")]
    [InlineData("Grace before lunch is one of our traditions.")]
    [InlineData("Reading Buddies is back every Tuesday!")]
    [InlineData("Year 1 performed Jack and the Beanstalk beautifully.")]
    [InlineData("Turkey dinner will be served on Thursday.")]
    [InlineData("Well done to Year 4 for their Harvest Festival assembly!")]
    [InlineData("Will you be joining us at the fair?")]
    [InlineData("This week's value is Hope.")]
    [InlineData("Willow Class have been learning about minibeasts.")]
    [InlineData("Our Christian values guide everything we do.")]
    [InlineData("Year 5 researched Walter Tull and Mary Seacole.")]
    [InlineData("Enid Blyton and Mark Twain topped our author survey.")]
    [InlineData("Mark your calendars for sports day.")]
    public async Task Ordinary_words_that_are_also_names_are_not_names_without_a_name_context(string text)
    {
        Assert.Empty(await Run<NamesCheck>(Draft(text)));
    }

    [Theory]
    [InlineData("Congratulations to Grace in Year 2 on her poem.", "Grace")]
    [InlineData("Happy birthday to May in Reception!", "May")]
    [InlineData("Well done to Hope (Y4) for her medal.", "Hope")]
    [InlineData("Poppy has been chosen to read at the service.", "Poppy")]
    [InlineData("Thank you, Ruby, for tidying the library.", "Ruby")]
    [InlineData("Get well soon, Poppy!", "Poppy")]
    [InlineData("Jack W. in Year 2 brought in his tortoise.", "Jack")]
    public async Task Ordinary_words_count_as_names_in_a_name_context(string text, string expected)
    {
        var finding = Assert.Single(await Run<NamesCheck>(Draft(text)));
        Assert.Equal(expected, SpanText(finding));
    }

    [Fact]
    public async Task A_lexicon_name_the_register_does_not_know_is_held_even_with_photos()
    {
        var finding = Assert.Single(await Run<NamesCheck>(Draft("Congratulations to Olivia for her piano exam.", withPhotos: true)));
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal("lexicon", finding.Evidence!["source"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Thank you to Freya for the fossils.", "Freya")]
    [InlineData("Well done to Oscar for his painting.", "Oscar")]
    [InlineData("Niamh read her poem beautifully.", "Niamh")]
    public async Task Common_UK_names_missing_from_the_public_lexicons_are_still_found(string text, string expected)
    {
        Assert.Equal(expected, SpanText(Assert.Single(await Run<NamesCheck>(Draft(text)))));
    }

    [Fact]
    public async Task Staff_names_with_titles_pass_when_the_policy_allows_staff_names()
    {
        Assert.Empty(await Run<NamesCheck>(Draft("Mrs Patel's class enjoyed outdoor maths.")));
    }

    [Fact]
    public async Task Staff_names_are_blocked_under_the_strict_profile()
    {
        var finding = Assert.Single(await Run<NamesCheck>(Draft("Mrs Patel's class enjoyed outdoor maths.", policy: PolicyPresets.CreateStrict())));
        Assert.Equal("R7", finding.Rule);
        Assert.Equal(Severity.Block, finding.Severity);
        Assert.Equal("Mrs Patel", SpanText(finding));
    }

    [Fact]
    public async Task Father_Christmas_is_not_a_member_of_staff_even_under_the_strict_profile()
    {
        Assert.Empty(await Run<NamesCheck>(Draft("Father Christmas visited Reception today!", policy: PolicyPresets.CreateStrict())));
    }

    [Fact]
    public async Task A_pupil_first_name_is_blocked_under_the_strict_profile()
    {
        var finding = Assert.Single(await Run<NamesCheck>(Draft("Thank you to Zara for reading.", policy: PolicyPresets.CreateStrict())));
        Assert.Equal("R7", finding.Rule);
        Assert.Equal(Severity.Block, finding.Severity);
    }

    [Fact]
    public async Task Disabled_rule_yields_no_finding()
    {
        var policy = PolicyPresets.CreateConsentBased() with { Rules = new Dictionary<string, RuleSetting> { ["R6"] = new() { Enabled = false } } };
        Assert.Empty(await Run<NamesCheck>(Draft("Well done to Amelia Hughes!", policy: policy)));
    }

    [Fact]
    public async Task An_inactive_pupil_is_not_a_register_name()
    {
        var register = new People.PeopleRegister([new People.Person(Guid.NewGuid(), People.PersonKind.Pupil, "Xanthe", "Quill", Active: false)]);
        var findings = await Run<NamesCheck>(Draft("Xanthe Quill visited.", people: register));
        Assert.DoesNotContain(findings, f => f.Severity == Severity.Block);
    }
}
