using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// Round 11 (tuned on the ninth set): places the gazetteer does not hold but the words around them name (a mountain or a lake
/// after its feature word, "the resort of X", a centre in brackets after the trip or before a diary's "Day N", a region that
/// ends in a proper name); letters' writers (the line under a sign-off, a full name
/// before a comma and a role); things that are no person ("Santa Maria Maggiore", "Blue John Mine", "perform Oliver!"); and two
/// live updates a recount's words had hidden. Friday 12 June 2026 unless stated; invented cases, not corpus posts.
/// </summary>
public sealed class CentresSignaturesAndFeaturesTests
{
    private static DateTimeOffset London(int day, int hour) => new(2026, 6, day, hour, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("No doubt the boys slept well following a week away in North Wales.", "North Wales")]
    [InlineData("Beyond the lake lies Mount Snowdon, a spectacular setting.", "Mount Snowdon")]
    [InlineData("For many, climbing Moel Siabod was their first mountain.", "Moel Siabod")]
    [InlineData("Canoeing was the top activity. Our loch Lomond weekends work well thanks to the volunteers.", "loch Lomond")]
    [InlineData("We arrived in the pretty Italian resort of Bardonecchia after a long night.", "Bardonecchia")]
    [InlineData("Win one of three places for our amazing Y8 residential (Quinta) at the open evening!", "Quinta")]
    [InlineData("Rhos Y Gwaliau Day 6\n\nToday was the last full day of activities for the children.", "Rhos Y Gwaliau")]
    [InlineData("Our walk took us up Snowdon by the Miners' Track.", "Snowdon")]
    public async Task A_place_named_by_the_words_around_it_is_location_data(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, publishAt: London(12, 12)));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("About Safer Internet Day 2023\n\nSafer Internet Day takes place in February.")]
    [InlineData("Residential Day 2\n\nThe children slept well and ate a big breakfast.")]
    [InlineData("Year 6 enjoyed a swing dance to the Glen Miller band in the hall.")]
    [InlineData("Parents can join the meeting on Zoom or Teams.")]
    [InlineData("Our topic this term is The World Around Us.")]
    public async Task Words_that_look_like_those_places_but_are_not_pass(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, publishAt: London(12, 12)));
        Assert.DoesNotContain(findings, f => f.Rule == "R9");
    }

    [Theory]
    [InlineData("Thank you for your patience this morning.\nBest wishes\nTiwa Oyelaran\nHead Teacher", "Tiwa Oyelaran")]
    [InlineData("Please let me know if you can help.\n\nZara Wright, Support for Pupils Leader / Dance Club Coordinator", "Zara Wright")]
    [InlineData("Rob Day, PE co-ordinator for the school, said it was a brilliant day.", "Rob Day")]
    public async Task A_letters_writer_or_a_person_before_their_role_is_a_name(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("We visited the basilica of Santa Maria Maggiore on our last morning.")]
    [InlineData("The Christian Company performed a play for Key Stage 2.")]
    [InlineData("Then we went down the Blue John Mine with our guide.")]
    [InlineData("The whole of KS2 came together this term to perform Oliver!, and we were proud of the show.")]
    [InlineData("Win one of three places for our amazing Y8 residential (Quinta) at the open evening!")]
    [InlineData("We learnt bushcraft from Ray Mears videos and studied Antoni Gaudí's buildings.")]
    public async Task Things_and_public_figures_named_like_people_are_no_child(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    // A week looked back on, written on its last night away.
    [InlineData("We're currently in Mozambique on our final night and none of us can believe the trip is nearly over. We've spent the last week in the beautiful town of Tofo, learning about marine conservation.")]
    // A day-2 diary's walk back to the centre is no return.
    [InlineData("Day 2\n\nAfter breakfast my group went on a mountain walk from the centre at Derwent Hill. On the way home, we were told about the floods. When we got back we flopped on the sofas with hot chocolate.")]
    public async Task A_live_update_the_recount_words_had_hidden_holds(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 20)));
        Assert.Contains(findings, f => f.Rule == "R8");
    }
}
