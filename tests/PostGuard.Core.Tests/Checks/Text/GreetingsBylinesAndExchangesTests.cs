using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// Round 13 (tuned on the eleventh set): a greeting sent from where the group is ("Good morning from camp"), a school exchange
/// and its host families, a camp's own name before a diary's "Day One", and the writers after "Posted by" and "Published by".
/// Invented cases, not corpus posts; June 2026 (Friday 12th) unless stated.
/// </summary>
public sealed class GreetingsBylinesAndExchangesTests
{
    private static DateTimeOffset London(int day, int hour) => new(2026, 6, day, hour, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("Good morning from camp,\n\nYesterday was amazing, from swimming to hiking to the camp fire. The students had a wonderful first day.")]
    [InlineData("Year 10 Costa Rica: Day 7\n\nHello from the San José Airport! Students are checked in and ready to board their flight.")]
    [InlineData("Japanese Exchange 2026 – Day 5\n\nWe have had a full day of lessons at our partner school. Everyone enjoyed their first night with host families.")]
    public async Task A_greeting_from_the_trip_or_an_exchange_under_way_holds(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 9)));
        Assert.Single(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("In exchange for a donation, pupils may wear their own clothes on Friday.")]
    [InlineData("Hello from Mrs Smith! Welcome back to a new term in Year 4, we have lots of reading planned.")]
    [InlineData("Pupils will exchange ideas with their partners in the hall.")]
    public async Task An_exchange_of_things_or_a_greeting_at_school_passes(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 9))));
    }

    [Fact]
    public async Task A_camps_own_name_before_a_diary_day_is_location_data()
    {
        var findings = await Run<LocationsCheck>(Draft("Camp Duncan Day One\n\nThe buses left at 9am for camp and the children were on their way.", publishAt: London(12, 20)));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f).Contains("Camp Duncan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Year 8 Camp\n\nPosted by Haden S. and Kiara D.\n\nThere were many great activities on the camp.", "Haden")]
    [InlineData("Children in Need\n\nPublished by Gemma Gurden\n\nThe pupil council have voted for a spotty theme.", "Gemma Gurden")]
    public async Task The_writers_after_posted_by_or_published_by_are_names(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
