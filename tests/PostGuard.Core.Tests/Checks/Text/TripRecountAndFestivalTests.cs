using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R8 and R9 on words of real recounts and newsletters that read like a trip ahead or a place: a festival named by its
/// weekday, a passive verdict, a wish ("would look forward to"), things sent home, a pupil named with a class, the
/// school's sports hall.
/// </summary>
public sealed class TripRecountAndFestivalTests
{
    [Theory]
    // a festival named by its weekday is no day of the coming week
    [InlineData("After a walk we visited the church and heard about Holy Week. The children made crosses to remember Easter Sunday.")]
    // the passive verdict says the trip is over
    [InlineData("We took the train to the museum and saw the dinosaurs. A great time was had by all and we look forward to taking the children to London again.")]
    // a wish is no plan
    [InlineData("We took the train to the museum and tried the space simulator. It was extraordinary and I would look forward to trying it again.")]
    // things come home in bags; nobody is away
    [InlineData("Thank you for supporting our trip fund. There is an envelope coming home next week with your child's photograph.")]
    // "will be at the heart of" is a figure of speech
    [InlineData("Despite the rain on our field trip to the beach, the data collected will be at the heart of the project write-up.")]
    public async Task Recounts_and_newsletters_are_no_trip_ahead(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }

    [Theory]
    [InlineData("Tomorrow Year 3 will visit the church for the Easter service, back by 3pm.")]
    [InlineData("We are on the coach to the museum now and look forward to the dinosaurs.")]
    [InlineData("Our group is coming home tomorrow afternoon from the residential.")]
    [InlineData("On our field trip next Tuesday the group will be at the beach all day.")]
    public async Task Trips_beside_such_words_are_still_held(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("A special mention must go to Deacon in Y2 who raised money for charity.")]
    [InlineData("Tonight there is a night walk and Sports Hall Games before lights out.")]
    [InlineData("Tickets can be collected in person from the DINING HALL (Top Building) on Tuesday 13th December.")]
    [InlineData("Tickets can be collected in person from the Dining Hall on Tuesday.")]
    public async Task A_pupil_with_a_class_and_the_sports_hall_are_no_places(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }

    [Theory]
    [InlineData("The choir sang carols at Willow Bank Care Home on Tuesday.", "Willow Bank Care Home")]
    [InlineData("The choir sang carols at a Whitstable care home on Tuesday.", "Whitstable care home")]
    public async Task A_named_care_home_is_a_venue(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_place_after_go_to_is_still_a_place()
    {
        var findings = await Run<LocationsCheck>(Draft("Next week Year 2 will go to Canterbury on the train.", people: PeopleRegister.Empty));
        Assert.Contains(findings, f => SpanText(f).Contains("Canterbury", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pupils had the special opportunity to visit the Scottish Parliament last week.", "Scottish Parliament")]
    [InlineData("Year 6 toured the Welsh Parliament in Cardiff Bay.", "Welsh Parliament")]
    public async Task A_named_parliament_is_a_venue(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Our School Parliament met on Tuesday to plan the charity day.")]
    [InlineData("The Youth Parliament elections are open to Year 9.")]
    public async Task A_pupils_parliament_is_no_venue(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }
}
