using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R9 beyond the gazetteer, on the kinds of venues real posts name.</summary>
public sealed class VenuesBeyondTheGazetteerTests
{
    [Theory]
    [InlineData("It began with a pleasant coach journey to PGL Liddington.", "PGL Liddington")]
    [InlineData("The children and staff have arrived safely at Robinwood.", "Robinwood")]
    [InlineData("The last netball tournament took place this Tuesday at Bolton School.", "Bolton School")]
    [InlineData("We walked through a valley and over the ridge into Wales!", "Wales")]
    [InlineData("Sixty-three students headed for Swanage in Dorset on each of the trips.", "Dorset")]
    [InlineData("We stopped at Exeter services for a snack and a run-around.", "Exeter services")]
    [InlineData("Class 3 recently visited The Eden Project down in Cornwall.", "Eden Project")]
    [InlineData("The children had a great time on the beach, in the Happidrome and in the water fountains on our trip.", "Happidrome")]
    [InlineData("The children carried the harvest boxes to St Aidans church.", "St Aidans church")]
    [InlineData("Today the children had a fabulous time at Farmer Giles' Farm.", "Farmer Giles' Farm")]
    public async Task Named_venues_regions_and_operators_are_location_data(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text));
        Assert.Contains(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Year 10 students completed their Bronze Duke of Edinburgh expedition.")]
    [InlineData("Harvest Festival services for the local Church of England school.")]
    [InlineData("Reception had a visit from the London Fire Brigade.")]
    [InlineData("The BBC's Pudsey the Bear came to talk to us about Children in Need.")]
    [InlineData("School Closure Due To Water Leak – 2 days")]
    [InlineData("Our Year 6 PGL residential is booked.")]
    [InlineData("Pupils at Asfordby Captains Close Primary School dressed in spots.")]
    [InlineData("Mary Seacole was born in Jamaica; the children represented England in the quiz.")]
    public async Task Titles_organisations_headings_and_membership_are_not_places(string text)
    {
        Assert.Empty(await Run<LocationsCheck>(Draft(text)));
    }

    [Fact]
    public async Task The_schools_own_place_in_its_name_stays_allowed()
    {
        var policy = PolicyPresets.CreateConsentBased() with { AllowedPlaces = ["Maybury"] };
        Assert.Empty(await Run<LocationsCheck>(Draft("The match was held at Maybury Primary School on Tuesday.", policy: policy)));
    }
}
