using PostGuard.Core.Checks.Text.Language;
using PostGuard.Core.Findings;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

public sealed class LanguageCheckTests
{
    [Theory]
    [InlineData("Whoever parks across our gate is an idiot.", "idiot")]
    [InlineData("That was a f*cking joke.", "f*cking")]
    [InlineData("Some shiiiiit happened today.", "shiiiiit")]
    [InlineData("What a bunch of 1d10ts!", "1d10ts")]
    [InlineData("You are all M.O.R.O.N.S", "M.O.R.O.N.S")]
    [InlineData("f u c k this", "f u c k")]
    [InlineData("We will find you and kill you.", "kill you")]
    [InlineData("The other head is a liar.", "is a liar")]
    [InlineData("No 'retard' on our playground.", "retard")]
    [InlineData("IDIOT!!!", "IDIOT")]
    public async Task Abusive_threatening_and_defamatory_language_is_held_despite_obfuscation(string text, string expected)
    {
        var findings = await Run<LanguageCheck>(Draft(text));
        var finding = Assert.Single(findings);
        Assert.Equal("R15", finding.Rule);
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal(expected, SpanText(finding));
    }

    [Theory]
    [InlineData("Scunthorpe United donated kits.")]
    [InlineData("We cooked cocktail sausages and read Charles Dickens.")]
    [InlineData("Year 4 studied Sussex, Essex and Middlesex.")]
    [InlineData("Class assessment and passes for the bus are ready.")]
    [InlineData("Dick Whittington was our pantomime this year.")]
    [InlineData("Please pick up the shuttlecocks after badminton.")]
    [InlineData("Hancock Road is closed; Penistone and Clitheroe teams played.")]
    public async Task Innocent_words_containing_rude_substrings_pass(string text)
    {
        Assert.Empty(await Run<LanguageCheck>(Draft(text)));
    }
}
