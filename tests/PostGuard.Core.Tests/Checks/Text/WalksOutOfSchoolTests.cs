using PostGuard.Core.Checks.Text.TripTiming;
using PostGuard.Core.People;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R8: a walk out of school on a later day is a trip, even around the school's own district; a walk on the school field is not.</summary>
public sealed class WalksOutOfSchoolTests
{
    private static SchoolPolicy Policy => PolicyPresets.Create(PolicyPresets.ConsentBased) with { AllowedPlaces = ["Eastfield"] };

    [Theory]
    [InlineData("The children will be going on a short walk around Eastfield on Monday 15th June.")]
    [InlineData("We would like to take the children on a local area walk on Monday 15th June.")]
    public async Task A_walk_out_of_school_later_is_held(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, policy: Policy, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R8");
    }

    [Theory]
    [InlineData("The children will be going on a short walk around the school field on Monday 15th June.")]
    [InlineData("The children went on a short walk around Eastfield last Monday.")]
    [InlineData("The children will not be going on a walk on Monday 15th June because of the rain.")]
    public async Task A_walk_on_site_past_or_called_off_is_not(string text)
    {
        var findings = await Run<TripTimingCheck>(Draft(text, policy: Policy, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(f => f.Reason)));
    }
}
