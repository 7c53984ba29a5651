using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R6 full names on the kinds of real posts the first version missed.</summary>
public sealed class FullNamesTests
{
    [Theory]
    [InlineData("Peter Casebow, Chair of the Scout Centre, said the week had been fantastic.", "Peter Casebow")]
    [InlineData("Yours sincerely,\nJohn Fennell", "John Fennell")]
    [InlineData("Well done to young Harry Smithfield's team for their win.", "Harry Smithfield")]
    [InlineData("Head of School Tom Carver said the pupils were a credit.", "Tom Carver")]
    [InlineData("Please contact Jo Brown at the office with any questions.", "Jo Brown")]
    [InlineData("Koa said, “the coat is very heavy!”", "Koa")]
    [InlineData("The children took part in a workshop with local guide, Huw, who led a debate.", "Huw")]
    [InlineData("Water balloons were thrown at Matt (our instructor)!", "Matt")]
    [InlineData("Match report\nBy Fin", "Fin")]
    [InlineData("Claire Park has been head for five years. It's all for Mrs Park.", "Claire Park")]
    [InlineData("We were joined by Ray Baker (representative of the local Legion) at the service.", "Ray Baker")]
    [InlineData("Holly met us at the gate and showed us round.", "Holly")]
    [InlineData("The parents of Tamsyn and Jorvik bought the prize at the auction.", "Tamsyn")]
    public async Task Names_written_as_names_are_found(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Then we did Jacob's Ladder and the zip wire.")]
    [InlineData("Reception enjoy a trip to Victoria Park")]
    [InlineData("Beach Trip")]
    [InlineData("How Christopher Wren designed a new London.")]
    [InlineData("Year 3 read Charlotte's Web this term.")]
    [InlineData("A letter for the parents of Oak Class about the autumn term.")]
    public async Task Activities_places_headings_and_public_figures_are_not_names(string text)
    {
        Assert.DoesNotContain(await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty)), f => f.Rule == "R6");
    }
}
