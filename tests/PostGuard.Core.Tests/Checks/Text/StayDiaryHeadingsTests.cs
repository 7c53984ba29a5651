using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R8 on a stay's diary told in the past on its own evening: a heading that numbers a later day ("Day 4", "Update for day 3
/// on ...") or "their last night here" says the group is still away; a return told after such a heading ends the stay.
/// </summary>
public sealed class StayDiaryHeadingsTests
{
    /// <summary>Friday 12 June 2026, 20:00 London time.</summary>
    private static readonly DateTimeOffset FridayEvening = new(2026, 6, 12, 19, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Day 4\n\nQuiz Night\n\nThe skiing was hard work today but everyone kept going. We stopped at a cafe for hot chocolate in the afternoon.\n\nAs we came off the mountain the snow was falling, so hopefully it will be perfect for tomorrow.")]
    [InlineData("Update for day 3 on the Isle of Wight\n\nOur Year 6 pupils were brave in the wind yesterday. They tried the balance beam and abseiling, and in the evening they enjoyed karaoke.")]
    // a diary's heading numbers the day; it recounts nothing
    [InlineData("Kestrel Residential Day 2 at Hill House\n\nWe had a busy morning of archery and canoeing. After lunch we went on a night walk rehearsal and the children loved it.")]
    // a stay told in the past whose last day is still to come
    [InlineData("Our three-day residential in the Dales is going well. The children set up camp on day one and walked on to Malham on the second day.")]
    [InlineData("Friday 12 June 2026\n\nNews from Year 5!\n\nAnother great afternoon at PGL: zip wire and shelter building. Tea was pie and pasta, then the disco. Tired children headed back to pack their bags and sleep - their last night here.")]
    // going back to the rooms at the centre is no return
    [InlineData("Year 6 School Journey - Day 2.\n\nEveryone slept well on their first night away from home. After breakfast the children went back to their rooms to tidy them for room inspections. The afternoon activities were trapeze and archery.")]
    public async Task A_diary_of_a_later_day_or_the_last_night_is_still_away(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, publishAt: FridayEvening, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("Year 6 Residential - Day 3\n\nThe children returned to school on Friday after a brilliant week of canoeing and abseiling.")]
    [InlineData("Year 6 School Journey - Day 5.\n\nAfter a last morning of archery the coach went back to school and the children were collected at 3pm.")]
    // a stay of a stated length told in the past up to its last day
    [InlineData("Well done to our Bronze award students, who passed their two-day expedition in the Dales. They set up camp on day one and walked on to Malham on the second day.")]
    [InlineData("Students spent a weekend in the Dales practising for the award. They camped at a lodge on the first night. Day two took them to Kettlewell and their finishing point.")]
    [InlineData("Day 2 of our topic\n\nWe learned about the Romans in class today and made shields.")]
    public async Task A_return_or_no_trip_under_such_a_heading_is_not_away(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, publishAt: FridayEvening, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }
}
