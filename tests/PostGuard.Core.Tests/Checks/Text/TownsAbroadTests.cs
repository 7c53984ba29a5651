using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R9 (round 9): towns abroad from the gazetteer (GeoNames entries outside the UK whose names are not English words) are
/// location data where a place is expected ("in", "to", "at"), written with or without their accents; a town abroad named
/// like an English word, a language or a first name is not read as one, and a child with such a name is still a name.
/// </summary>
public sealed class TownsAbroadTests
{
    [Theory]
    [InlineData("It rained all day in Reykjavík but the geysers were worth it.", "Reykjavík")]
    [InlineData("The group eventually made it to Keflavik airport!", "Keflavik")]
    [InlineData("We got to Paris just after lunch and went straight up the tower.", "Paris")]
    [InlineData("Year 9 spent the morning in Bayeux looking at the tapestry.", "Bayeux")]
    [InlineData("Tonight we are staying in Mönichkirchen before the last day on the slopes.", "Mönichkirchen")]
    [InlineData("Tonight we are staying in Monichkirchen before the last day on the slopes.", "Monichkirchen")]
    public async Task A_town_abroad_where_a_place_is_expected_is_location_data(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Year 4 have worked hard in English and Maths this week.")]
    [InlineData("Everyone in Year 6 has now reached Level 3 on the reading scheme.")]
    [InlineData("Well done to Florence and Sofia for their brilliant homework.")]
    [InlineData("Our class assembly is on Friday in the hall.")]
    public async Task A_word_that_a_town_abroad_is_also_called_is_not_a_place(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text));
        Assert.DoesNotContain(findings, f => f.Rule == "R9");
    }

    [Theory]
    [InlineData("Well done to Florence for her brilliant homework.", "Florence")]
    [InlineData("Charles Wynne Nicholls read his poem in assembly.", "Charles")]
    public async Task A_child_named_like_a_town_abroad_is_still_a_name(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>200 towns abroad drawn from the gazetteer itself (every 300th kept, one-word names that are no first name): each is found after "in".</summary>
    [Fact]
    public async Task Towns_abroad_drawn_from_the_gazetteer_are_found_after_in()
    {
        var towns = TextChecks.Gazetteer.AbroadNames.Where((_, k) => k % 300 == 0).Select(SampleTown).OfType<string>().Distinct().Take(200).ToList();
        Assert.Equal(200, towns.Count);
        var missed = new List<string>();
        foreach (var town in towns)
        {
            var findings = await Run<LocationsCheck>(Draft($"The group spent the whole of Tuesday in {town} with their guide."));
            if (!findings.Any(f => f.Rule == "R9" && SpanText(f).Contains(town, StringComparison.OrdinalIgnoreCase)))
            {
                missed.Add(town);
            }
        }
        Assert.Empty(missed);
    }

    private static string? SampleTown(string name)
    {
        if (name.Contains(' ', StringComparison.Ordinal) || Lexicon.Contains(name) || OrdinaryWordNames.Contains(name))
        {
            return null;
        }
        var document = TextDocument.Parse($"in {char.ToUpperInvariant(name[0])}{name[1..]}");
        return document.Tokens.Count == 2 ? document.Tokens[1].Text : null;
    }
}
