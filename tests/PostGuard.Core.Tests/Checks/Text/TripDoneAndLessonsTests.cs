using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R8 (round 5) on posts that tell a trip as done or speak of no trip: a same-day outing in the present perfect of "be",
/// an evening told in the past, thanks for collecting the children, a trip's last day told in the past, a leaver's "look
/// forward to" new things, a class "currently learning" a topic, and a team's coaches.
/// </summary>
public sealed class TripDoneAndLessonsTests
{
    /// <summary>Friday 12 June 2026, 17:00 London: after school.</summary>
    private static readonly DateTimeOffset FridayEvening = new(2026, 6, 12, 17, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Saturday 13 June 2026, 09:00 London: the morning after.</summary>
    private static readonly DateTimeOffset SaturdayMorning = new(2026, 6, 13, 9, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("Today Year 4 have been out on a Viking adventure in York. We started at the museum and walked the walls.", "evening")]
    [InlineData("Well done to our Year 6 netball team that tonight won the district final at the leisure centre!", "morning")]
    [InlineData("Friday\n\nGroup 1 arrived ready for their day of adventure today.\n\nToday's activities started with kayaking and canoeing, then climbing and archery.\n\nThank you to all of the parents for collecting the children promptly this evening - we are sure they will be tired.", "evening")]
    [InlineData("Year 8 enjoyed their residential in the Lake District. We walked up to the tarn in the evenings. On the last day we took a steamer across the lake and walked back along the shore.", "evening")]
    [InlineData("As part of the leavers' service, Year 6 went to the cathedral. The children look forward to their new adventures at secondary school.", "evening")]
    [InlineData("Reception are currently learning all about penguins and went on a trip to the zoo.", "evening")]
    [InlineData("The date for the cross country run is Tuesday 16th June. Our Cross Country Team coaches are already holding trials.", "evening")]
    public async Task Trips_told_as_done_and_lessons_are_no_trip_ahead(string text, string when)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, when == "morning" ? SaturdayMorning : FridayEvening, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }

    [Theory]
    // "have gone" is still there; a stay in the present perfect is still under way
    [InlineData("Today Year 4 have gone to York on the coach and are exploring the walls.")]
    [InlineData("Today the group have been kayaking at the activity centre and tonight we have a campfire before bed in the dorms.")]
    // a plan after "look forward to" is still a trip
    [InlineData("We look forward to our trip to the zoo next Tuesday.")]
    // "for collecting" in an arrangement is no return
    [InlineData("The coach leaves for the zoo at 9am tomorrow. Please arrive at 4pm for collecting the children.")]
    // a coach that carries the team
    [InlineData("The coaches leave for the tournament at 9am next Tuesday.")]
    public async Task Trips_beside_such_words_are_still_held(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, new DateTimeOffset(2026, 6, 12, 10, 0, 0, TimeSpan.FromHours(1)), people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R8");
    }
}
