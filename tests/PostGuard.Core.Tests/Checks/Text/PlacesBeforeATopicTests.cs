using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R8 (round 6): a place named before "learnt about" in its sentence is where the group learnt it ("visited the castle in
/// Conwy, where we learnt about..."), so it is still a sign the children are out; a place after "learning about" stays the
/// lessons' topic ("learning about life in London").
/// </summary>
public sealed class PlacesBeforeATopicTests
{
    /// <summary>Friday 12 June 2026, 20:00 London: an evening of a stay away.</summary>
    private static readonly DateTimeOffset FridayEvening = new(2026, 6, 12, 20, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("After breakfast we caught the train to Conwy and explored the castle, where we learnt about Edward I. Tonight, the children have been toasting marshmallows round the fire.")]
    [InlineData("This morning the group walked down to Whitby and climbed the steps to the abbey, where they learned about the monks. Tonight we are having a quiz before bed.")]
    public async Task A_place_before_what_was_learnt_is_where_the_group_is(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, FridayEvening, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("Tonight, Year 2 have been learning about life in Whitby in Victorian times, ready for our class assembly.")]
    [InlineData("This week Year 4 have been learning about the rivers of Conwy and tonight they have homework on the castle.")]
    public async Task A_place_after_learning_about_is_still_a_topic(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, FridayEvening, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }
}
