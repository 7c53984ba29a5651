using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R6 (round 10, tuned on the eighth set): names that are also words but seldom capitalised inside a sentence ("helped Matt
/// to celebrate"), a quote's speaker under the quote, a possessive before kin or a birthday, a work's maker "from" a place,
/// and a team's list of children; and the public figures told by what stands beside them (a regnal number, a comma list
/// with famous names, a long capitalised run naming a thing). The cases are invented, not corpus posts.
/// </summary>
public sealed class NamesInsideSentencesTests
{
    private static readonly string[] Sentences =
    [
        "Before tea the children helped {0} to celebrate with a cake.",
        "The last ball went to {0} and the game was over.",
        "Everyone cheered when the trophy was handed to {0}.",
        "Thank you for the lovely card, it was signed by {0} and the class.",
    ];

    public static TheoryData<string, string> NamesFirstInSentences()
    {
        var data = new TheoryData<string, string>();
        var words = new[] { "Matt", "Josh", "Jack", "Harry", "Tom", "Peter", "Sally", "Sue", "Max", "Victor", "Warren", "Nick", "Terry", "Maria", "Phoebe", "Mike" };
        for (var w = 0; w < words.Length; w++)
        {
            data.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sentences[w % Sentences.Length], words[w]), words[w]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NamesFirstInSentences))]
    public async Task A_name_that_is_also_a_word_is_a_name_when_capitalised_inside_a_sentence(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f) == expected);
    }

    [Theory]
    [InlineData("Please choose a matt finish for the display boards.")]
    [InlineData("Jack Frost came early this year and the field was white.")]
    [InlineData("The Union Jack flew over the hall for the royal visit.")]
    [InlineData("Bring a water bottle and a Matt Black pencil case on Monday.")]
    [InlineData("Year 5 learned how to tom-tom a rhythm in music.")]
    public async Task The_word_itself_is_no_name(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("Year 3 drew still life.\n‘The banana is like a bendy cylinder’\n-Zarek\n‘I can see curved lines’\n-Tiwa\n", "Zarek")]
    [InlineData("Our poets read aloud.\n“The sea is a grey dog”\n– Oyelaran\nWhat a morning!", "Oyelaran")]
    [InlineData("Tuesday brought a special celebration for Zarek's birthday, with cupcakes on the beach.", "Zarek")]
    [InlineData("She chose Lighthouse by Tiwa Pulaski from Handcross as the winner.", "Tiwa Pulaski")]
    [InlineData("The best poem was by Oyelaran in Year 4.", "Oyelaran")]
    [InlineData("Our teams did well in the relay.\nYear 6: Zarek, Ella, Lola, Tiwa, Jack, Oscar\n", "Ella")]
    public async Task A_person_written_as_one_is_a_name(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("In the house relay Darwin, Newton, Curie and Turing all won a race.")]
    [InlineData("In history we have learned about Henry VIII and his six wives.")]
    [InlineData("We visited the family home of Pope John Paul II on our last afternoon.")]
    [InlineData("Come dressed as a star, for example, Lady Gaga, Harry Styles, Kurt Cobain, Angus Young or Elton John!")]
    [InlineData("Come dressed as a star, for example, Harry Styles, Ruben Castellano, Elton John or a rock star of your own.")]
    [InlineData("Practise at home on their Times Tables Rock Stars account every night.")]
    public async Task A_public_figure_or_a_thing_told_by_its_neighbours_is_no_child(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("After Romeo and Juliet, Juliet Evans from Year 6 won the prize.", "Juliet Evans")]
    [InlineData("Well done to Amelia Hughes, who came as Harry Potter, Ruben Castle and Lily Jones.", "Amelia Hughes")]
    public async Task A_child_beside_a_famous_name_outside_a_list_of_them_is_still_named(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
