using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R8 (round 6): a group's progressive of a journey towards a place ("we're now pulling in to Portsmouth", "we're travelling into
/// Cardiff") is the journey as it happens, with an adverb such as "now" allowed before the verb; a progressive that is no
/// journey ("are writing to a school in Paris") does not put the group at the place after "to". "At school" in a journey's
/// sentence is where it ends ("pulling in to Portsmouth ... see you all at school"), unless the journey is inside school.
/// </summary>
public sealed class JourneysUnderWayTests
{
    /// <summary>Friday 12 June 2026, 16:00 London: after lessons, the group not yet back.</summary>
    private static readonly DateTimeOffset FridayAfternoon = new(2026, 6, 12, 16, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("We're now pulling in to Portsmouth after a smooth crossing.")]
    [InlineData("We're travelling into Cardiff and everyone is in good spirits.")]
    // the journey ends at school: "at school" is where the group is going, not where it is
    [InlineData("We're now pulling in to Portsmouth and can't wait to see you all at school.")]
    public async Task A_journey_told_as_it_happens_is_held(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, FridayAfternoon, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("Year 5 are writing letters to a partner school and sending them to Cardiff in the post.")]
    [InlineData("We're now saying a big thank you to Portsmouth Football Club for the new kit.")]
    // a journey's words in a sentence about school do not move the school day away
    [InlineData("The children are heading to the hall at school for a talk about Portsmouth.")]
    public async Task A_progressive_that_is_no_journey_places_nobody_there(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, FridayAfternoon, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }
}
