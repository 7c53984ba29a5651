using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R6 on capitalised pairs whose second word is a common noun (a thing or kin word, a nation, an abstract noun by its
/// ending), on first names that are the ends of a route between places, and on a role or speech verb after a pair that
/// makes it a person even when its second word heads a thing's name.
/// </summary>
public sealed class CommonNounsAndRoutesTests
{
    [Theory]
    // a thing or kin word after a word that is also a first name
    [InlineData("The choir sang carols for the residents of Willow Bank Care Home.")]
    [InlineData("After dinner everyone queued at the Tuck Shop for sweets.")]
    [InlineData("Our message to everyone at home: Hi Mum, we are having fun!")]
    // a nation after a word that is also a first name
    [InlineData("Year 4 are learning about Roman Britain this term.")]
    // an abstract noun by its ending
    [InlineData("Parents could put questions to the Senior Management Team.")]
    [InlineData("We stayed at Osmington Bay Adventure Centre for three nights.")]
    // a street-type word after a first name
    [InlineData("The choir were invited to sing at Roslyn Court, where Roslyn Court's staff served mince pies.")]
    // the ends of a route whose other end is a place
    [InlineData("The students studied the cliffs between Seaford and Hastings.")]
    [InlineData("The geographers walked along the shore from Crosby to Formby.")]
    // a name the post gives a place by an appositive, wherever it stands
    [InlineData("Later we visited Tyne Cot, the largest British war cemetery in the world. The quiet of Tyne Cot stayed with us.")]
    // a named exhibit, a greeting
    [InlineData("A highlight was meeting Rory the Allosaurus fossil in the gallery.")]
    [InlineData("Everyone says, \"Hi Mum - having fun!\"")]
    // a results table of teams and a list of house names
    [InlineData("Year 5 boys - team results\n\n1st Millway\n\n2nd Delapre\n\n3rd Simon de Senlis")]
    [InlineData("All four houses played each other. Year 11 started well, with Howard, Clitherow and More all winning two games.")]
    public async Task Common_nouns_and_route_ends_are_not_names(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("Angela Hall, headteacher of the school, said the day had been a success.", "Angela Hall")]
    [InlineData("Megan Field said it was the best trip ever.", "Megan Field")]
    // a results table or a list of children keeps their names
    [InlineData("Sports day results\n\n1st Ellie\n\n2nd Grace", "Ellie")]
    [InlineData("In the house competition, Ellie, Grace and Sophie scored the goals.", "Ellie")]
    // an appositive that says who, not what place
    [InlineData("We thank Sam Fielding, the guide who led us round the castle.", "Sam Fielding")]
    // a first name and a surname-like word are still a full name
    [InlineData("Well done to Olivia Thompson for her reading.", "Olivia Thompson")]
    // a name at the end of a route between people, not places, is still a name
    [InlineData("The ball went from Ellie to Grace and into the net.", "Ellie")]
    public async Task Names_beside_such_words_are_still_found(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Management", true)]
    [InlineData("Adventure", true)]
    [InlineData("Britain", true)]
    [InlineData("Home", true)]
    [InlineData("Clement", false)]
    [InlineData("Thompson", false)]
    [InlineData("Ment", false)]
    public void A_common_noun_is_told_by_its_word_or_ending(string word, bool expected)
    {
        var token = TextDocument.For(word).Tokens[0];
        Assert.Equal(expected, PersonNameFinder.IsCommonNoun(token));
    }

    [Fact]
    public void The_gazetteer_knows_the_route_towns_the_tests_rely_on()
    {
        Assert.True(TextChecks.Gazetteer.IsPlaceWord("Seaford") && TextChecks.Gazetteer.IsPlaceWord("Formby"));
    }
}
