using PostGuard.Core.Checks.Text.Locations;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// Round 14 (tuned on the twelfth set): a line break ends a name (a heading's last word and the next line's first word were
/// read as one name, so "Sight-seeing in Beijing" over "We saw the wall" named no place); hyphenated place names with
/// lower-case linking words ("Dan-y-Wenallt", "Walton-on-the-Naze"), in the gazetteer or not; a diary heading that opens with
/// who is there ("Year 4 at Minstead Day 3"). Invented cases, not corpus posts.
/// </summary>
public sealed class LineBreaksAndHyphenatedPlacesTests
{
    [Theory]
    [InlineData("Sight-seeing in Beijing\n\nWe saw the wall and walked for hours.", "Beijing")]
    [InlineData("Our last morning in Keswick\nEveryone packed their bags before breakfast.", "Keswick")]
    [InlineData("Arrived in Cardiff\r\nThe coach journey took three hours.", "Cardiff")]
    public async Task A_place_ending_a_line_is_found_whatever_the_next_line_starts_with(string text, string place)
    {
        var findings = await Run<LocationsCheck>(Draft(text));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f) == place);
    }

    [Fact]
    public async Task A_town_named_like_an_ordinary_word_in_a_title_case_heading_is_no_place()
    {
        // ("Wallace Hall" is a school's name, a venue to a draft without the policy's own places.)
        Assert.DoesNotContain(await Run<LocationsCheck>(Draft("Wallace Hall Gets Ready to Rock\n\nThe band played in the hall for the whole school.")), f => SpanText(f) == "Rock");
    }

    [Theory]
    [InlineData("It was an early start for day two at Dan-y-Wenallt.", "Dan-y-Wenallt")]
    [InlineData("The children walked to Bryn-y-Maen after lunch.", "Bryn-y-Maen")]
    [InlineData("Year 3 spent the day at Walton-on-the-Naze looking at fossils.", "Walton-on-the-Naze")]
    [InlineData("The coach left for Barton-le-Clay at nine.", "Barton-le-Clay")]
    public async Task A_hyphenated_place_name_with_linking_words_is_one_place(string text, string place)
    {
        var findings = await Run<LocationsCheck>(Draft(text));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f) == place);
    }

    [Theory]
    [InlineData("Jean-Paul, our French assistant, led the lesson.")]
    [InlineData("My mother-in-law helped at the cake sale.")]
    [InlineData("Year 2 made pop-up cards for Mother's Day.")]
    public async Task Hyphenated_words_without_a_linked_capitalised_name_are_no_place(string text)
    {
        Assert.DoesNotContain(await Run<LocationsCheck>(Draft(text)), f => f.Rule == "R9");
    }

    [Fact]
    public async Task A_diary_heading_that_opens_with_who_is_there_names_the_centre()
    {
        var findings = await Run<LocationsCheck>(Draft("Year 4 at Minstead Day 3\n\nWe had a lovely time in the woods this morning."));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f) == "Minstead");
    }
}
