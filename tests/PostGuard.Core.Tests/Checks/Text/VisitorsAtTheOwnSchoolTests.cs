using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R8: a visit whose object is the post's own school brings visitors in; a visit to another school is a trip.</summary>
public sealed class VisitorsAtTheOwnSchoolTests
{
    private static SchoolPolicy Policy => PolicyPresets.Create(PolicyPresets.ConsentBased) with { AllowedPlaces = ["St Aidans"] };

    [Theory]
    [InlineData("The immunisation team will be visiting St Aidans Catholic Primary School on Wednesday 24th June to give the nasal spray.")]
    [InlineData("We are visiting your child's school on Wednesday 24th June to offer the flu vaccine.")]
    [InlineData("The dental team will visit our school on Wednesday 24th June.")]
    public async Task Visitors_coming_to_the_school_are_not_a_trip(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, policy: Policy));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }

    [Theory]
    [InlineData("Year 6 will be visiting Parkside Academy School on Wednesday 24th June for a taster day.")]
    [InlineData("Year 6 will be visiting the school on Wednesday 24th June for their transition day.")]
    public async Task Children_visiting_another_school_are_still_away(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, policy: Policy));
        Assert.Contains(findings, f => f.Rule == "R8");
    }
}
