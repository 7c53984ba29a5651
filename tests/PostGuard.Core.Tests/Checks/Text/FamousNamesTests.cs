using System.Globalization;
using System.Reflection;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R6 (round 8): the people and characters of famous-names.txt (public and historical figures, authors, athletes, story and
/// play characters, places named after a person) are nobody's pupils; a first name of a character the post has named in full
/// is that character when written alone; a child named in the same post is still a name.
/// </summary>
public sealed class FamousNamesTests
{
    private static readonly string[] Minor = ["and", "the", "of", "in", "who", "was", "to", "a"];

    /// <summary>Every name on the list, written as a post writes it (capitalised words, lower-case joining words).</summary>
    public static TheoryData<string> EveryListedName()
    {
        using var stream = typeof(FamousNames).Assembly.GetManifestResourceStream("PostGuard.Core.Checks.Text.Names.famous-names.txt")!;
        using var reader = new StreamReader(stream);
        var data = new TheoryData<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                data.Add(string.Join(' ', line.Split(' ').Select((w, k) => k > 0 && Minor.Contains(w) ? w : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w))));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryListedName))]
    public async Task A_listed_name_is_nobody_s_pupil(string name)
    {
        var findings = await Run<NamesCheck>(Draft($"This week in class we have been learning about {name} and drew pictures for the hall display.", people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("Year 6 saw Romeo and Juliet at the theatre last night. Romeo climbed the balcony and Juliet waited.")]
    [InlineData("We watched Charlie and the Chocolate Factory in the West End. Charlie found the golden ticket!")]
    [InlineData("Our topic is the poetry of Carol Ann Duffy; Carol wrote many poems for children.")]
    public async Task A_character_s_first_name_written_alone_is_the_character(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("Amelia Hughes read her report about Florence Nightingale to the class.", "Amelia Hughes")]
    [InlineData("After Romeo and Juliet, Juliet Evans from Year 6 won the drama prize.", "Juliet Evans")]
    [InlineData("We saw Charlie and the Chocolate Factory. Charlie Smith said it was the best show ever.", "Charlie Smith")]
    [InlineData("Sophie Jenkins in Year 2 dressed up as Mary Seacole for our history day.", "Sophie Jenkins")]
    [InlineData("Well done to Harry Potts for his brilliant story about Harry Potter.", "Harry Potts")]
    public async Task A_child_named_beside_a_famous_name_is_still_a_name(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
