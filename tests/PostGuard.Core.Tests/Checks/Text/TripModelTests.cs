using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.Findings;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R8 as a trip model on the kinds of real posts the first version missed or misread.</summary>
public sealed class TripModelTests
{
    private static readonly DateTimeOffset TuesdayEvening = new(2026, 6, 16, 19, 0, 0, TimeSpan.FromHours(1));

    private static string? EarliestOf(Finding finding) => finding.Evidence!["earliestPublishAt"]?.GetValue<string>();

    [Fact]
    public async Task A_live_residential_update_is_held_until_the_group_is_back()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "Day 2\nWe have had another brilliant day at the activity centre. The children are now getting ready for bed after the campfire. More tomorrow!",
            publishAt: TuesdayEvening)));
        Assert.Equal("R8", finding.Rule);
        Assert.Equal("under way", finding.Evidence!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Home_tomorrow_with_a_spoken_return_time_sets_the_earliest_publish_time()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "Another fabulous day on our residential! We leave tomorrow after lunch and should be back about half four.",
            publishAt: TuesdayEvening)));
        Assert.Equal("2026-06-17T16:30:00+01:00", EarliestOf(finding));
        Assert.Equal("back about half four", finding.Evidence!["endCue"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_live_update_with_nothing_said_about_the_return_asks_for_after_the_group_is_back()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "Residential update: the children have arrived safely at the centre and have had their lunch. They are settling into their dorms.",
            publishAt: new DateTimeOffset(2026, 6, 15, 13, 0, 0, TimeSpan.FromHours(1)))));
        Assert.Null(EarliestOf(finding));
        Assert.Contains("after the group is back", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_way_home_is_a_trip_still_under_way()
    {
        Assert.Single(await Run<TripTimingCheck>(Draft(
            "Year 6 have had the best day today on their trip. We are on our way home and will text parents when we are an hour away.",
            publishAt: new DateTimeOffset(2026, 6, 12, 16, 30, 0, TimeSpan.FromHours(1)))));
    }

    [Fact]
    public async Task A_yearless_date_told_in_the_past_is_last_year_not_next()
    {
        var december = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        Assert.Empty(await Run<TripTimingCheck>(Draft("Year 2 went to the museum on Friday 16th January and loved the dinosaurs.", publishAt: december)));
        Assert.Single(await Run<TripTimingCheck>(Draft("Year 2 will visit the museum on Friday 15th January.", publishAt: december)));
    }

    [Fact]
    public async Task A_recount_that_says_the_group_came_back_is_over()
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(
            "DAY ONE: We arrived at the centre and unpacked.\nDAY TWO: We went canoeing on the reservoir.\nDAY THREE: We did archery, then got on the coach and returned to school.",
            publishAt: TuesdayEvening)));
    }

    [Theory]
    [InlineData("School closed today – the hail and snow overnight have left the whole site like an ice rink this morning.")]
    [InlineData("Sports Day will now take place tomorrow on the school field.")]
    [InlineData("Year 2 - Birch Class School Sleepover! 9.30pm and they're still going strong watching a movie in the classroom.")]
    [InlineData("The fire brigade visit Reception tomorrow to talk about fire safety.")]
    public async Task Closures_events_on_site_and_visitors_are_not_trips(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text)));
    }

    [Fact]
    public async Task The_date_line_of_a_recount_is_not_a_trip_day()
    {
        var postDay = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        Assert.Empty(await Run<TripTimingCheck>(Draft("Carlisle Castle and Tullie House\n23 November 2026\nThis was possibly the coldest school trip I have ever been on! The children learned a huge amount.", publishAt: postDay)));
    }

    [Fact]
    public async Task A_stay_told_about_its_own_day_with_nothing_said_of_the_return_is_held()
    {
        // Fail closed: no trip word and no date, but a stay away ("away from home") and its day ("the day started").
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "Well, the day started with pancakes and some tired faces. Some of them have never been away from home before, so we are very proud.",
            publishAt: TuesdayEvening)));
        Assert.Equal("under way", finding.Evidence!["state"]!.GetValue<string>());
        Assert.Null(EarliestOf(finding));
    }

    [Fact]
    public async Task A_stay_with_an_earlier_date_or_a_return_is_not_held()
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(
            "On Monday 1st June the day started with pancakes. Some of them had never been away from home before.", publishAt: TuesdayEvening)));
        Assert.Empty(await Run<TripTimingCheck>(Draft(
            "The day started with pancakes. Some had never been away from home before. We arrived back at school at four.", publishAt: TuesdayEvening)));
    }

    [Fact]
    public async Task A_school_transfer_day_ahead_is_a_day_away()
    {
        Assert.Single(await Run<TripTimingCheck>(Draft(
            "Upcoming dates\nThursday 18th June - Secondary transition day\nFriday 19th June - Sports day", publishAt: TuesdayEvening)));
    }
}
