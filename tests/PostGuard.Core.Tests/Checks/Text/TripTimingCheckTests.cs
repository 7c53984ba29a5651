using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R8, with the draft published on Friday 12 June 2026 at 10:00 London time unless stated.</summary>
public sealed class TripTimingCheckTests
{
    private static string EarliestOf(Finding finding) => finding.Evidence!["earliestPublishAt"]!.GetValue<string>();

    [Fact]
    public async Task A_trip_happening_today_is_held_until_the_stated_return_time()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft("Year 5 are heading to Colchester Zoo today - back at school by 3:30!")));
        Assert.Equal("R8", finding.Rule);
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal("2026-06-12T15:30:00+01:00", EarliestOf(finding));
        Assert.Equal("Publish after 15:30 on Friday 12 June.", finding.Fix);
    }

    [Theory]
    [InlineData("Year 6 are at the Natural History Museum today!")]
    [InlineData("Year 6 are at the Natural History Museum today! Well done Amelia Jones.")]
    [InlineData("Class 3 are at Colchester Zoo today.")]
    public async Task Children_at_a_named_venue_today_are_held(string text)
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(text)));
        Assert.Equal("R8", finding.Rule);
    }

    [Fact]
    public async Task A_trip_tomorrow_is_held_until_the_end_of_that_day()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft("Tomorrow Year 3 visit the Natural History Museum.")));
        Assert.Equal("2026-06-13T18:00:00+01:00", EarliestOf(finding));
        Assert.Equal("Tomorrow", SpanText(finding));
    }

    [Fact]
    public async Task A_residential_range_is_held_until_its_last_day()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft("Our Year 6 residential is from Monday 22nd June to Wednesday 24th June.")));
        Assert.Equal("2026-06-24T18:00:00+01:00", EarliestOf(finding));
    }

    [Theory]
    [InlineData("We're on our way! Year 4 have just set off on the coach.")]
    [InlineData("Right now Year 1 are feeding the goats at the farm.")]
    [InlineData("Year 2 are currently at the beach building sandcastles.")]
    [InlineData("We are at Bewl Water for our adventure day.")]
    [InlineData("Next Tuesday Year 5 will be visiting Chatham Dockyard.")]
    [InlineData("This weekend our runners compete at Bedgebury Forest.")]
    [InlineData("Year 2 seaside trip to Broadstairs on 26/06.")]
    [InlineData("Year 6 will be at the Marlowe Theatre this evening.")]
    [InlineData("Year 1 trip to the zoo on 19 June 2026.")]
    [InlineData("Year 1 are off to Howletts tomorrow!")]
    [InlineData("Our netball team play Hythe Bay Primary on Wednesday at 4pm - away.")]
    public async Task Ongoing_or_future_off_site_events_are_held(string text)
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(text)));
        Assert.True(DateTimeOffset.Parse(EarliestOf(finding), System.Globalization.CultureInfo.InvariantCulture) > FridayMorning);
    }

    [Theory]
    [InlineData("Yesterday Year 3 visited Dover Castle and had a brilliant time.")]
    [InlineData("Last week's trip to Chessington was the highlight of the year!")]
    [InlineData("Parents' evening is tomorrow from 3:30pm in the hall.")]
    [InlineData("Sports Day will take place on Wednesday 1st July on the school field.")]
    [InlineData("Year 4 will present their projects in assembly tomorrow at 9am.")]
    [InlineData("Year 5 loved their trip to the museum.")]
    public async Task Past_trips_and_on_site_events_pass(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text)));
    }

    [Fact]
    public async Task A_weekday_in_the_past_tense_is_read_backwards()
    {
        var saturday = new DateTimeOffset(2026, 6, 13, 9, 0, 0, TimeSpan.Zero);
        Assert.Empty(await Run<TripTimingCheck>(Draft("On Friday Year 2 visited the Canterbury Heritage Museum.", publishAt: saturday)));
    }

    [Fact]
    public async Task The_same_day_post_passes_once_the_day_is_over()
    {
        var evening = new DateTimeOffset(2026, 6, 12, 18, 30, 0, TimeSpan.Zero);
        Assert.Empty(await Run<TripTimingCheck>(Draft("Year 5 had a wonderful time at Dover Castle today.", publishAt: evening)));
        Assert.Single(await Run<TripTimingCheck>(Draft("Year 5 had a wonderful time at Dover Castle today.")));
    }

    [Fact]
    public async Task Dates_are_read_in_the_schools_time_zone()
    {
        // 23:30 UTC on Thursday is already Friday 00:30 in London: "today" is Friday.
        var lateThursdayUtc = new DateTimeOffset(2026, 6, 11, 23, 30, 0, TimeSpan.Zero);
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft("Year 6 are off to London today!", publishAt: lateThursdayUtc)));
        Assert.Equal("2026-06-12T18:00:00+01:00", EarliestOf(finding));
        var tokyo = PolicyPresets.CreateConsentBased() with { TimeZone = "Asia/Tokyo" };
        var inTokyo = Assert.Single(await Run<TripTimingCheck>(Draft("Year 6 are off to London today!", publishAt: lateThursdayUtc, policy: tokyo)));
        Assert.Equal("2026-06-12T18:00:00+09:00", EarliestOf(inTokyo));
    }

    [Fact]
    public async Task A_photo_taken_today_with_gps_is_held_until_the_end_of_the_day()
    {
        var photo = Photo(0, capturedAt: FridayMorning.AddHours(-1), latitude: 51.28, longitude: 1.08);
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft("What a day!", images: [photo])));
        Assert.Equal("R8", finding.Rule);
        Assert.Equal("2026-06-12T18:00:00+01:00", EarliestOf(finding));
        Assert.True(finding.Evidence!["gps"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Photos_without_gps_or_from_another_day_pass()
    {
        var noGps = Photo(0, capturedAt: FridayMorning.AddHours(-1));
        var lastWeek = Photo(1, capturedAt: FridayMorning.AddDays(-7), latitude: 51.28, longitude: 1.08);
        Assert.Empty(await Run<TripTimingCheck>(Draft("What a day!", images: [noGps, lastWeek])));
    }
}
