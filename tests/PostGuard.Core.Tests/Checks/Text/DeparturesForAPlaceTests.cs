using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R9 (round 7): a departure's "for" names where the group went ("set off for Sprocket Wonderworld", "headed for
/// Fennimore Land"), as a trip's "to" does; "for" after other words ("thanks for Harvest", "ready for Sports Day") names no place.
/// </summary>
public sealed class DeparturesForAPlaceTests
{
    [Theory]
    [InlineData("After lunch Year 3 set off for Sprocket Wonderworld to see the old engines.", "Sprocket Wonderworld")]
    [InlineData("Early on Monday the coach headed for Fennimore Land with forty excited children.", "Fennimore Land")]
    [InlineData("The choir left for Tamsworth straight after assembly.", "Tamsworth")]
    public async Task A_departure_for_a_named_place_is_where_the_group_went(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Thank you for Harvest gifts; everyone is ready for Sports Day next week.")]
    [InlineData("The children set off for lunch, and the infants are off for Easter from Friday.")]
    public async Task For_after_other_words_names_no_place(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(SpanText)));
    }
}
