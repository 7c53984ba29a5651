using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R8 (round 7): a trip told in the future "in" a later year ("the exchange will go ahead in 2027") is at a stated later
/// time, held until that year is over; a later year told in the past, or in a sentence that names no trip, is not.
/// </summary>
public sealed class LaterYearsTests
{
    /// <summary>Wednesday 16 September 2026, 12:00 London: early in the autumn term.</summary>
    private static readonly DateTimeOffset AutumnTerm = new(2026, 9, 16, 12, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("We are pleased to say that the German exchange trip will go ahead in 2027 as planned.")]
    [InlineData("Places on the residential will be offered to Year 8 first; the visit will take place in 2028.")]
    public async Task A_trip_in_a_later_year_is_held(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, AutumnTerm, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    // told in the past
    [InlineData("The German exchange trip went ahead in 2025 and everyone loved it.")]
    // a later year, but nobody goes anywhere
    [InlineData("The new library will open in 2027 thanks to the parents' fundraising.")]
    public async Task A_later_year_with_no_trip_to_come_holds_nothing(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, AutumnTerm, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }
}
