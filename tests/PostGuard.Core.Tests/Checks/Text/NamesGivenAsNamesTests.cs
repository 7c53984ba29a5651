using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R6 (round 7): a word given as someone's name ("My name is Tavishi", "her name is Oyelaran") is a name whether or not
/// the first-name lexicon knows it, and so (round 9) is a source named in full ("according to Claudi BenDavid"); a name that is no person's ("the name is Lighthouse Class", "the club's name is ...")
/// is not read as one.
/// </summary>
public sealed class NamesGivenAsNamesTests
{
    [Theory]
    [InlineData("Hello! My name is Tavishi and I am in Year 4. This is my report on our science week.", "Tavishi")]
    [InlineData("We met a new friend at the farm; her name is Oyelaran and she looks after the goats.", "Oyelaran")]
    public async Task A_name_given_as_one_is_a_name(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("New staff settle quickly when they are welcomed well, according to Claudi BenDavid.", "Claudi BenDavid")]
    [InlineData("The trip was the best yet, according to Tavish Oyelaran in Year 9.", "Tavish Oyelaran")]
    public async Task A_source_named_in_full_is_a_name(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("According to Public Health England, children should be active for an hour a day.")]
    [InlineData("According to Ofsted, the school is good.")]
    public async Task A_source_that_is_no_person_is_not_a_name(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("The new reading scheme is called Bookworms and the name is Bookworms Club on the letters.")]
    [InlineData("Our class name is Kestrels this year and we chose it together.")]
    public async Task A_name_that_is_no_person_is_not_read_as_one(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }
}
