using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// Round 12 (tuned on the tenth set): a page's own date line is no day of a trip; a weekday fixes a yearless date's year; a
/// range's year and a return's day belong to the whole; returns said in the present perfect or with "came back"; a group
/// "currently" somewhere in its diary; a closure's promise of news; parents who visit; a diary heading that names its centre; words that were read as people (function words,
/// a road's "Rd", a company's "Inc", a grade "Gr. 6", a venue's "Hall"), a name after the conjunction "that", and places inside a
/// history topic, before "said" or before "Company".
/// Invented cases, not corpus posts; June 2026 (Friday 12th) unless stated.
/// </summary>
public sealed class DatelinesReturnsAndHeadingsTests
{
    private static DateTimeOffset London(int day, int hour) => new(2026, 6, day, hour, 0, 0, TimeSpan.FromHours(1));

    private static string? EarliestOf(Finding finding) => finding.Evidence!["earliestPublishAt"]?.GetValue<string>();

    [Theory]
    [InlineData("Ten Tors 2026\n\nPublished 12 June 2026\n\nAfter a day of kit checking, 13 students departed for Dartmoor on Friday 29 May. Tents were set up and fish and chips eaten before the two-day expedition.")]
    [InlineData("Week Without Walls\n\nBy Nathan Bingham Jun 12, 2026\n\nThis year the 7th graders went on Week Without Walls from June 1-3. The trip was packed with challenges and the students camped for two nights.")]
    [InlineData("Fun on and off the slopes on our ski trip\n\n12 June 2026\n\nStudents enjoyed a week of skiing in Italy during the Easter holidays. On the first day we flew from Heathrow to Milan and took a coach to the resort.")]
    [InlineData("Year 8 Camp\n\nJune 12, 2026 at 3:51 PM\n\nThe Year 8 boys set off for their camp at the outdoor centre just hours before the storm. The tents held up well on the first night. The instructors praised their teamwork.")]
    public async Task The_pages_own_date_line_over_a_recount_places_nobody(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 16))));
    }

    [Fact]
    public async Task A_stays_diary_headed_with_its_weekday_and_date_is_that_days_update()
    {
        // No year and a weekday: the heading of the day's diary, not the page's date line.
        var findings = await Run<TripTimingCheck>(Draft("Wednesday 10th June\n\nWe arrived at the centre and unpacked into our dorms. The first night is always exciting.", publishAt: London(10, 19)));
        Assert.Single(findings, f => f.Rule == "R8");
    }

    [Theory]
    // Saturday 21 October was a Saturday in 2017, not in 2018 (a Sunday): the weekday fixes the year, whatever the sentence's tense.
    [InlineData("On Saturday 21st October the students departed for Amsterdam, looking forward to four days exploring the city.", 2017, 10, 30, 2017)]
    [InlineData("Our choir will sing on Tuesday 3rd November at the cathedral.", 2026, 6, 12, 2026)]
    [InlineData("Our choir will sing on Wednesday 3rd November at the cathedral.", 2026, 6, 12, 2027)]
    public void A_weekday_before_a_yearless_date_picks_the_year(string text, int year, int month, int day, int expectedYear)
    {
        var mentions = TemporalExpressionParser.Parse(TextDocument.Parse(text), new DateTime(year, month, day, 12, 0, 0));
        var date = Assert.Single(mentions, m => m.LastDay is not null).LastDay!.Value;
        Assert.Equal(expectedYear, date.Year);
        Assert.Contains(date.DayOfWeek.ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_range_ends_in_the_year_written_after_it()
    {
        var findings = await Run<TripTimingCheck>(Draft("Quebec Trip 2027\n\nWe are very excited about our Quebec trip. The trip is set for May 10th to 18th, 2027.",
            publishAt: new DateTimeOffset(2026, 10, 14, 12, 0, 0, TimeSpan.FromHours(1))));
        var finding = Assert.Single(findings, f => f.Rule == "R8");
        Assert.Equal("2027-05-18T18:00:00+01:00", EarliestOf(finding));
    }

    [Fact]
    public async Task A_return_with_its_day_between_the_cue_and_the_time_ends_on_that_day()
    {
        // Published on the Thursday evening: the return is tomorrow at 17:30, not today's 17:30 (already past).
        var findings = await Run<TripTimingCheck>(Draft("Norfolk Lakes Day 4\n\nWe are coming home tomorrow (Friday at around 5:30pm depending on traffic), but nobody is in a hurry to leave.",
            publishAt: London(11, 18)));
        var finding = Assert.Single(findings, f => f.Rule == "R8");
        Assert.Equal("2026-06-12T17:30:00+01:00", EarliestOf(finding));
    }

    [Fact]
    public async Task A_group_currently_somewhere_in_its_diary_is_away_now()
    {
        var text = "Hello from Mr Smith whilst here at Ingestre Hall.\n\nIt has been a privilege to spend the first 3 days of their trip with them. "
            + "We watched a drama performance about elections. The votes were counted twice. Everyone cheered the winner. "
            + "They are currently in their new art choice after a lovely picnic in the sun.";
        var findings = await Run<TripTimingCheck>(Draft(text, publishAt: London(10, 15)));
        Assert.Single(findings, f => f.Rule == "R8");
    }

    [Theory]
    // Returned from the place the heading names, in the present perfect: the whole trip is over.
    [InlineData("Great days at Hooke Court Dorset\n\nWe have just returned from Hooke Court, happy and tired. During the first evening we settled quickly. And looking forward to the following day.")]
    // "came back from" their residential: over, whatever "Today" says after it.
    [InlineData("Congratulations to our Year 6 pupils who came back from their residential last Friday. Today's celebrations were about their resilience.")]
    // "were now underway" is told in the past.
    [InlineData("At the end of the summer term the Art department embarked on a trip to Europe. We passed through passport control without any problems. We were now properly underway! The ferry was calm.")]
    // Put off with no new day.
    [InlineData("Dear Parents,\n\nBecause of the fires near the camp, our Year 5 camp may be postponed until later this term. We will let you know the new dates.")]
    // The school's own closure: its "we will update you later" is news of the closure ("arrived" is the electrician's).
    [InlineData("Urgent information about school closure\n\nWe have had to make the decision to close the school today. An electrician arrived shortly after 9am. We will update you later.")]
    // Parents coming to school for an open afternoon.
    [InlineData("Our Open Classrooms will run from 3.30pm to 4.30pm on Monday 15 June. We are all looking forward to having you visit.")]
    public async Task A_trip_said_to_be_over_or_put_off_passes(string text)
    {
        Assert.Empty(await Run<TripTimingCheck>(Draft(text, publishAt: London(12, 12))));
    }

    [Fact]
    public async Task A_return_from_somewhere_the_heading_does_not_name_leaves_the_diary_live()
    {
        var findings = await Run<TripTimingCheck>(Draft("Day 2\n\nWe have just returned from the beach and the children are getting ready for tea. Tonight is the disco!", publishAt: London(12, 17)));
        Assert.Single(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("This year our P7s will be sending blog updates from Lagganlia.", "Lagganlia")]
    [InlineData("Lagganlia Day 2\n\nThe children slept well and ate a big breakfast.", "Lagganlia")]
    [InlineData("Bewerley Park Day 2\n\nAfter an exciting first night we were greeted by tired children.", "Bewerley Park")]
    [InlineData("Year 2 took the train to the Museum of London.", "Museum of London")]
    [InlineData("We stayed in Whitehead for two nights.", "Whitehead")]
    public async Task A_centre_named_by_its_diary_or_its_updates_is_location_data(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, publishAt: London(12, 12)));
        Assert.Contains(findings, f => f.Rule == "R9" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Year 2 - The Great Fire of London\n\nYear 2 had a workshop introducing their new topic.")]
    [InlineData("We learnt about the Battle of Hastings and drew the Bayeux Tapestry.")]
    [InlineData("\"The children have had a fantastic time taking part,\" Whitehead said.")]
    [InlineData("In the afternoon we were drawn with Chalkwell Hall and Alleyn Court, a difficult group.")]
    [InlineData("A letter from Barnaby came home with every child.")]
    // A visiting company, not a venue anyone goes to.
    [InlineData("The Junior School had a treat on Tuesday when Hoglets Theatre Company came to perform a play.")]
    public async Task A_history_topic_a_speaker_and_a_draw_are_no_place(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, publishAt: London(12, 12)));
        Assert.DoesNotContain(findings, f => f.Rule == "R9");
    }

    [Theory]
    [InlineData("We went to the Dominion Theatre on Tottenham Court Rd to catch a show.")]
    [InlineData("Pupils use Read Write Inc every morning.")]
    [InlineData("Monday 19th September is now a Bank Holiday.")]
    [InlineData("On Wednesday all parents of Gr. 6 & 7 students were invited to an information meeting.")]
    [InlineData("The children said,Tomorrow has come too quickly. We don't want today to end!")]
    [InlineData("All parents were contacted.\n\nWhen asked when the school would re-open, the spokesman said it would be soon.")]
    [InlineData("Mrs Williams said, \"'We're so fortunate to have such caring pupils.\"")]
    [InlineData("In the afternoon we were drawn with Chalkwell Hall and Alleyn Court, a difficult group.")]
    [InlineData("Summer Fayre\n\nThank you to everyone who came along to the Summer Fayre on Saturday.")]
    public async Task Roads_companies_holidays_grades_and_function_words_are_no_child(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("Koa said the ropes were the best part.", "Koa")]
    [InlineData("The parents of Sreya and Jyran sent a card.", "Sreya")]
    // "that" before a name is the conjunction, not a determiner ("that Tuesday").
    [InlineData("We are also sad to say that Fiona Simkins is moving away from the area.", "Fiona Simkins")]
    [InlineData("We are proud that Amelia read to the whole school.", "Amelia")]
    public async Task Names_beside_those_words_are_still_names(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
