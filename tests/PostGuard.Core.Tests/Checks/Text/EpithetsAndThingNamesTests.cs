using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R6 (round 6): a first name the post writes as an adjective; a trip's title with its year; the first word of a thing's
/// name; a name with a capitalised epithet; a place named by an appositive after a dash; a possessive of a word the post
/// puts someone at; a quantifier. And, the other way, children named beside such words stay names.
/// </summary>
public sealed class EpithetsAndThingNamesTests
{
    [Theory]
    // a word written as an adjective after an article ("the Roman coins") is that adjective elsewhere in the post
    [InlineData("We studied the Roman roads near the town and the wider Roman Empire.")]
    // a trip's or an event's title naming its year
    [InlineData("Florence 2024\n\nThe choir landed in Italy on Friday afternoon.")]
    // the first word of a run ending in a thing's head
    [InlineData("Our under-11 side beat Kingsley Vale Prep School 4-2 on Tuesday.")]
    [InlineData("Six schools entered this year's Arthur Hockey Tournament.")]
    // a capitalised epithet
    [InlineData("The class wrote a play about Alfred the Great and his burnt cakes.")]
    [InlineData("The infants sang \"Rudolph the Red-Nosed Reindeer\" twice.")]
    // an appositive after a dash says what place a name is, wherever the name stands
    [InlineData("The last stop was Lachlan Vale – the site of the old fort. Lachlan Vale was very windy.")]
    // a possessive of a word the post puts someone at
    [InlineData("The class spent a day in Chester. Chester's city walls were the highlight.")]
    // a quantifier on a last line
    [InlineData("The concert starts at 6pm in the hall.\nAll Welcome!")]
    public async Task Adjectives_titles_epithets_and_things_are_not_children(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    // the adjective's word stays a child's name where the words around it say person
    [InlineData("We studied the Roman roads. Well done to Roman for his model of the Roman Empire.", "Roman")]
    // a role after "the" is no epithet
    [InlineData("Gareth the Caretaker fixed the gate before the fair.", "Gareth")]
    // a name on a line with a year that is not a title
    [InlineData("Congratulations to Olivia, who swam 2000 metres.", "Olivia")]
    public async Task Names_beside_such_words_are_found(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
