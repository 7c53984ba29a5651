using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R9 on places and venues that say nothing of where anyone is: a place in a work's title-case quotation, a thing the
/// children made, a role's area, a venue phrase the post also writes in lower case, an organisation "of" schools.
/// </summary>
public sealed class PlacesNobodyIsAtTests
{
    [Theory]
    [InlineData("Year 5 wrote their own version of ‘In Flanders Field’ for the assembly.")]
    [InlineData("We created a Remembrance Gallery in the hall with photos from the past.")]
    [InlineData("Mr Hobbs, the charity's county co-ordinator for Staffordshire, received the cheque.")]
    [InlineData("Reception visit the Library and Fire Station\n\nWe learnt lots on our walk to the library and fire station.")]
    [InlineData("Children and staff at the Federation of Pinvin First School dressed up for World Book Day.")]
    // an activity-centre operator used as an adjective before an event or a heading
    [InlineData("PGL Update Day 2\n\nThe children have loved every minute.")]
    [InlineData("Congratulations to the netball team on their result in the PGL Netball Tournament last weekend.")]
    public async Task Such_places_are_not_location_data(string text)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.True(findings.Count == 0, string.Join("; ", findings.Select(SpanText)));
    }

    [Theory]
    [InlineData("Year 5 visited the war graves near Ypres on Tuesday.", "Ypres")]
    [InlineData("We visited the Imperial War Museum to see the Remembrance Gallery.", "Imperial War Museum")]
    [InlineData("Year 3 had a trip to Staffordshire for the day.", "Staffordshire")]
    [InlineData("Year 6 have arrived safely at PGL Liddington.", "PGL Liddington")]
    [InlineData("Reception walked to Ashford Fire Station on Monday to meet the crew.", "Ashford Fire Station")]
    public async Task Places_where_someone_goes_are_still_found(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
