using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// Round 10 (tuned on the eighth set): a notice's date field for a trip told in the future ("When: March 12 @ 9:00 am –
/// 3:00 pm"), times whose colon used to split the sentence and whose "am" read as a verb, a post told only in the simple
/// past, "since Tuesday", "months of planning"; a town before its trip ("their Paris trip"); and first names that are
/// places by their neighbours ("the river Dee", "Finlay park", "Richmond, TW9 3AE"). Friday 12 June 2026 unless stated;
/// the cases are invented, not corpus posts.
/// </summary>
public sealed class NoticesAndRecountsTests
{
    private static DateTimeOffset London(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(month is >= 4 and <= 10 ? 1 : 0));

    [Theory]
    [InlineData("When:\nJune 25, 2026 @ 9:00 am – 3:00 pm\nWhere:\nSeaford and Cuckmere Haven\n\nAll Year 10 students will take part in a whole-day geography fieldtrip to the beach to gather data for their coasts unit. Students will travel by coach.")]
    [InlineData("Date: Thursday 2nd July\n\nYear 4 will go on a trip to the castle. Please bring a packed lunch.")]
    [InlineData("June 25, 2026 9:30 am\n\nYear 8 will be on an excursion to the museum all day.")]
    public async Task A_notice_dated_ahead_of_a_trip_told_in_the_future_holds(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, publishAt: London(6, 12, 12)));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    // A notice with a date ahead but no trip in its future sentences: an event at school.
    [InlineData("World Book Day - Thursday 2nd July\n\nChildren are invited to dress up. We hope children will take the opportunity to visit their local bookshop.")]
    // A date ahead on a line of its own, a trip told only in the past.
    [InlineData("June 25, 2026\n\nYear 4 went on a trip to the castle and had a lovely day.")]
    public async Task A_dated_line_without_a_trip_ahead_passes(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(6, 12, 12))));
    }

    [Theory]
    [InlineData("Youngsters enjoy castle visit\n\nThe Year 6 pupils went off excited for their residential at Dobroyd Castle. The first challenge was to make our way from the car park to the castle. We set off in three groups. Everybody reached the top. The coach took us back in the afternoon.")]
    [InlineData("Camp week\n\nOn the first day at camp the students kayaked on the lake at Adventure Forest and settled into their dorms. They walked to the waterfall after lunch. The rain held off for day 1. Everyone slept well.")]
    [InlineData("In June, we had the pleasure of a residential trip to France. After months of planning, 64 students boarded the coach and set off early on Monday 8th June for the town of Rue.")]
    [InlineData("What a week Year Six and staff have had at the outdoor centre. Since Tuesday afternoon, the children have had a full itinerary in the dorms and on the lake.")]
    public async Task A_trip_told_only_in_the_past_passes(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(6, 12, 12))));
    }

    [Theory]
    // Told in the past on its own day under a diary heading: still away.
    [InlineData("Year 6 Residential\n\nDay 1\n\nAfter arriving at the centre, we got straight into the activities. The children took part in climbing and archery. In the evening there was football, hot chocolate and bed time.")]
    [InlineData("Morfa Day 3\n\nThe surf was up at the beach. The children had a wonderful day. The mud assault course was loved by all.")]
    public async Task A_diary_day_told_in_the_past_still_holds(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, publishAt: London(6, 12, 20)));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("Our Year 8 group are enjoying their Paris trip! Lots of sightseeing and good food.", "Paris")]
    [InlineData("Photos from the Reykjavik trip are on the website.", "Reykjavik")]
    public async Task A_town_before_its_trip_is_a_place(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, publishAt: London(6, 12, 12)));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("We rested on the bank of the river Dee before returning home.")]
    [InlineData("The Year 9s went to Finlay park where they went rafting.")]
    [InlineData("We will be visiting Kew Gardens, Richmond, TW9 3AE on Thursday.")]
    public async Task A_first_name_that_is_a_place_by_its_neighbours_is_no_child(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("We went to the park with Finlay and his mum.", "Finlay")]
    [InlineData("Well done to Dee, who won the race.", "Dee")]
    public async Task The_same_names_beside_people_are_still_names(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
