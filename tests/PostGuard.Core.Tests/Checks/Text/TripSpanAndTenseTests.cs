using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R8 through the real check, on the kinds of errors the development sets of real posts showed in round 3: past
/// narration held as a trip under way, dates read against the wrong tense, stays whose span was ignored, and events
/// at school read as trips. June 2026: Friday 12th unless stated.
/// </summary>
public sealed class TripSpanAndTenseTests
{
    private static DateTimeOffset London(int day, int hour) => new(2026, 6, day, hour, 0, 0, TimeSpan.FromHours(1));

    private static string? EarliestOf(Finding finding) => finding.Evidence!["earliestPublishAt"]?.GetValue<string>();

    [Theory]
    // A past date told in the past, and nothing tied to the publish day: the diary's "Day 1" is the recount's.
    [InlineData("On Thursday 4th June, Year 4 set off for their two-day residential at Kingswood.\nDay 1\nWe arrived and explored the site before tea.")]
    // The whole trip judged in the past.
    [InlineData("Year 5 and 6 had a fantastic time in Cardiff for their residential. On day one the children visited the castle.")]
    // "were looking forward" is told afterwards.
    [InlineData("The Year 9 girls were looking forward to their first tournament. Their first game against Filey was a brilliant start.")]
    // A mixed sentence is read at the date's own verb: Thursday "was" a treat, so it is yesterday.
    [InlineData("Our Reception children have had a busy week. Their visit to the Post Office has been a great success and the arrival of the postman on Thursday afternoon was a real treat.")]
    // "Year 5/6" is a class, not the 5th of June.
    [InlineData("Year 5/6 trip to London\nOn Thursday 4th June, class 5/6 went to London by train and visited the Science Museum.")]
    // Students back in class, in the present perfect: the stay is over.
    [InlineData("Students back in the classroom this week have already said how much they enjoyed the two-day residential to Castleton.")]
    // An award this week beside a trip done during the year.
    [InlineData("We are proud to this week receive our award. During the past year we have been on an aspirations trip to the University of Nottingham.")]
    public async Task Past_narration_of_a_trip_that_is_over_passes(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 12))));
    }

    [Fact]
    public async Task A_heading_date_is_read_with_the_narrative_after_it()
    {
        // Published two days before the heading's date, but told in the past: last year's 18th June, not this week's.
        Assert.Empty(await Run<TripTimingCheck>(Draft(
            "Farm trip 18th June\nWhat a super day we had at the farm: the children fed the lambs and rode on a tractor.", publishAt: London(16, 12))));
        Assert.Single(await Run<TripTimingCheck>(Draft(
            "Farm trip 18th June\nThe children will feed the lambs and ride on a tractor. Please bring a packed lunch.", publishAt: London(16, 12))));
    }

    [Fact]
    public async Task A_stay_that_began_on_its_publish_day_is_under_way()
    {
        // "this Sunday" said on a Sunday is today; the stay's past-tense diary on its own day is still away.
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "Year 6 arrived at school this Sunday ready for their week long residential in Cornwall. After lunch at the services we arrived at the centre at 3.30pm and unpacked in the dorms.",
            publishAt: London(14, 19))));
        Assert.Equal("under way", finding.Evidence!["state"]!.GetValue<string>());
        Assert.Null(EarliestOf(finding));
    }

    [Fact]
    public async Task A_weekend_away_that_began_yesterday_is_still_under_way()
    {
        var text = "What a glorious start to our weekend away! We arrived at the centre on Friday 12th June and were welcomed by our group leaders. "
            + "On our walk back to our tents we watched a spectacular sunset. We rotated through the day between the giant swing and raft building.";
        Assert.Single(await Run<TripTimingCheck>(Draft(text, publishAt: London(13, 21))));
        // A week later the same words are a recount.
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(20, 21))));
    }

    [Fact]
    public async Task A_diary_day_heading_keeps_its_first_days_inside_the_stay()
    {
        const string text = "Day 3\nOn Monday 8th June we arrived at the outdoor centre and settled into the dorms. On Tuesday we went canoeing and abseiling.";
        // Day 3 of a stay that began on Monday is Wednesday: still away.
        Assert.Single(await Run<TripTimingCheck>(Draft(text, publishAt: London(10, 19))));
        // A week on, the same diary is a recount.
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(17, 19))));
    }

    [Fact]
    public async Task A_stay_told_in_the_past_on_its_own_evening_is_under_way()
    {
        Assert.Single(await Run<TripTimingCheck>(Draft(
            "Year 6 Residential - Day Four\nYear 6 enjoyed another brilliant day on the south coast. Dinner tonight was jacket potatoes. Tonight we headed to a nearby field to play games.",
            publishAt: London(11, 21))));
    }

    [Fact]
    public async Task Plans_for_the_rest_of_a_stay_day_hold_it()
    {
        Assert.Single(await Run<TripTimingCheck>(Draft(
            "Thursday 11th June\nEveryone slept well in the bunkbeds after moving into the accommodation yesterday. After a little break we will be joined by Year 3 for dinner and a campfire.",
            publishAt: London(11, 17))));
    }

    [Fact]
    public async Task A_first_diary_day_heading_makes_the_trip_multi_day()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "Day 1: Year 6 arrive in Holland\nAfter a very early start, and when everyone was settled on the coach, we were off! The crossing from Harwich was calm.",
            publishAt: London(8, 21))));
        Assert.Null(EarliestOf(finding));
        Assert.Contains("after the group is back", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rest_of_a_stay_week_told_ahead_holds_until_friday()
    {
        // Published on Wednesday 10th: the stay's days so far told in the past, the rest of the week ahead.
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "We all arrived safely at the outdoor centre and dropped our bags at our accommodation. Our evening activity was a quiz. Throughout the week everyone will have a turn at all eight activities.",
            publishAt: London(10, 12))));
        Assert.Equal("2026-06-12T18:00:00+01:00", EarliestOf(finding));
        Assert.Equal("Throughout the week", SpanText(finding));
    }

    [Fact]
    public async Task A_second_day_heading_makes_a_stay_of_its_own_day()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(
            "Second Day\nToday started with jobs on the farm and after lunch we went den building. We're ready for our movie night and an early night!",
            publishAt: London(9, 18))));
        Assert.Equal("under way", finding.Evidence!["state"]!.GetValue<string>());
        Assert.Null(EarliestOf(finding));
    }

    [Fact]
    public async Task A_month_told_ahead_holds_until_its_last_day()
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft("The choir will sing at St Paul's Cathedral in July.", publishAt: London(12, 12))));
        Assert.Equal("2026-07-31T18:00:00+01:00", EarliestOf(finding));
        Assert.Equal("in July", SpanText(finding));
        // Told in the past, a month is over.
        Assert.Empty(await Run<TripTimingCheck>(Draft("Following the first meeting in January, the choir sang at St Paul's Cathedral.", publishAt: London(12, 12))));
    }

    [Theory]
    [InlineData("Mrs Henchy coaches the girls' football team after school. There are now 15 regulars.")]
    [InlineData("I have a governors' meeting tonight so I am going to be heading home to cook.")]
    [InlineData("Childcare runs Monday – Thursday. Please do not leave school with your child before speaking to the club staff.")]
    [InlineData("We're having a special visit on Monday 15th June! A farm will visit us right here at school with its animals.")]
    [InlineData("Today the Nursery children enjoyed their first transition visit to the new Reception classes.")]
    [InlineData("The authority has confirmed that there will be no secondary transition day this year in July.")]
    [InlineData("Year 2 Sleepover 18 June\nWhat a super sleepover we had! The children were very brave staying over at school.")]
    [InlineData("Rev Harding from St Mary's Church led our Harvest assembly this week.")]
    [InlineData("This was our first week at forest school, today's session was spent exploring the woods.")]
    [InlineData("Don't forget individual medication meetings for Years 4 and 5 next Wednesday at 8:45am. Please bring all medication for the residential.")]
    [InlineData("This week we would have been going on our trip to the zoo, and we are gutted we can't go together.")]
    [InlineData("Mrs Boyce plans to attend the awards ceremony on 3rd July at Winchester Guildhall.")]
    public async Task Events_at_school_and_trips_that_are_not_happening_pass(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 10))));
    }

    [Fact]
    public async Task Travel_between_the_schools_own_sites_is_not_a_trip()
    {
        var policy = PolicyPresets.Create(PolicyPresets.ConsentBased) with { AllowedPlaces = ["Mersham", "Ashford"] };
        const string text = "Children at the Mersham site will travel to our Ashford site by minibus on Monday.";
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, London(12, 10), policy: policy)));
        // Elsewhere, the same words are a day away.
        Assert.Single(await Run<TripTimingCheck>(Draft(text.Replace("our Ashford site", "Canterbury", StringComparison.Ordinal), London(12, 10), policy: policy)));
    }

    [Theory]
    // A group's present progressive at a named place is happening now.
    [InlineData(17, 11, "Halfway through the high ropes! Year 6 are doing brilliantly at PGL.")]
    // A return time is a trip's, even with no other trip word.
    [InlineData(19, 13, "Time to head home now, back about half four.")]
    [InlineData(15, 9, "The children are on their way to Bewl Water.")]
    [InlineData(16, 11, "We're having a fantastic time in Whitstable!")]
    public async Task Live_updates_without_a_date_are_held(int day, int hour, string text)
    {
        var finding = Assert.Single(await Run<TripTimingCheck>(Draft(text, publishAt: London(day, hour))));
        Assert.Equal("under way", finding.Evidence!["state"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("There will be a meeting at school for parents of Year 6 about the residential on Tuesday at 6pm.")]
    [InlineData("Year 2 are learning about life in London and Paris this week.")]
    [InlineData("Year 1 will be back in class at 1pm after the assembly.")]
    [InlineData("Mrs Smith is retiring in Canterbury after twenty years with us.")]
    [InlineData("We are collecting food for the Canterbury food bank. Please send all donations to school by Friday 26th June.")]
    public async Task A_meeting_about_a_trip_a_topic_and_a_return_to_class_pass(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 9))));
    }

    [Theory]
    [InlineData("We will be meeting at the coach at 8am on Monday for the trip to the zoo.")]
    [InlineData("Year 6 will lead the leavers' assembly in Canterbury Cathedral on Monday.")]
    public async Task A_meeting_or_an_assembly_somewhere_named_is_still_away(string text)
    {
        Assert.Single(await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 10))));
    }

    [Fact]
    public async Task A_named_staff_member_with_the_children_is_still_their_trip()
    {
        Assert.Single(await Run<TripTimingCheck>(Draft("Mrs Boyce will take Year 6 to Winchester Guildhall on 3rd July.", publishAt: London(12, 10))));
    }
}
