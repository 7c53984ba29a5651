using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R9 (round 6): a name with "House" or "Court" whose residents the post speaks of is a residential home, a venue ("the
/// choir visited Linden House and sang for the residents"); a school house or a sports court with no residents stays none.
/// </summary>
public sealed class ResidentsHomesTests
{
    [Theory]
    [InlineData("On Friday the choir visited Linden House and sang for the residents in the lounge.", "Linden House")]
    [InlineData("Year 3 walked up the hill to Marlow Court. The elderly residents loved the poems.", "Marlow Court")]
    [InlineData("The class made cards for the residents of Ashdown's Court before the holidays.", "Ashdown's Court")]
    public async Task A_named_house_with_residents_is_a_venue(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Linden House won the sports day trophy again this year.")]
    [InlineData("Points for Marlow House went up after the reading challenge.")]
    public async Task A_school_house_is_no_venue(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(SpanText)));
    }
}
