using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R9 (round 6): "the Town Hall" and "the Village Hall" name no particular venue; a place inside an event's name with the
/// event head a word or two on ("the Taunton Youth Games"); a staged work's title ("the Peter Pan pantomime"); an age
/// group's team ("the U14s"). And the other way: a named hall, a city's museum and a place the children go stay places.
/// </summary>
public sealed class CivicHallsAndEventNamesTests
{
    [Theory]
    [InlineData("Year 2 walked to the Town Hall to meet the mayor and try on the chain.")]
    [InlineData("The choir sang carols in the Village Hall for the lunch club.")]
    [InlineData("Two of our runners finished third at the Taunton Youth Games in the summer.")]
    [InlineData("The whole school enjoyed the Aladdin Island performance in the hall this afternoon.")]
    [InlineData("Four boys from Year 9 now play in the U14s for the county.")]
    public async Task Such_names_are_not_location_data(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(SpanText)));
    }

    [Theory]
    [InlineData("Year 2 walked to Ashby Town Hall to meet the mayor.", "Ashby Town Hall")]
    [InlineData("Year 3 went to the City Museum for a Roman afternoon.", "City Museum")]
    [InlineData("Year 6 travelled to Dorset for the Schools Games.", "Dorset")]
    public async Task Named_venues_and_destinations_are_still_found(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
