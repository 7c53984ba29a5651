using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

public sealed class LocationsCheckTests
{
    [Theory]
    [InlineData("Year 3 had a brilliant day at Dover Castle.", "Dover Castle")]
    [InlineData("Last week Year 6 went to Canterbury.", "Canterbury")]
    [InlineData("Send replies to 12 Station Road, please.", "12 Station Road")]
    [InlineData("Our postcode is ME14 2LL.", "ME14 2LL")]
    [InlineData("Meet at ///filled.count.soap for the walk.", "///filled.count.soap")]
    [InlineData("The orienteering start is at TQ 305 805.", "TQ 305 805")]
    [InlineData("Year 3 visited the Natural History Museum.", "Natural History Museum")]
    [InlineData("Year 1 loved their trip to Howletts.", "Howletts")]
    [InlineData("Year 2 went on a trip to Reading last week.", "Reading")]
    [InlineData("Post it to tn25 6nu please.", "tn25 6nu")]
    [InlineData("A week in the Lake District was the highlight.", "Lake District")]
    public async Task Location_data_is_held_with_its_span(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text));
        var finding = Assert.Single(findings);
        Assert.Equal("R9", finding.Rule);
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal(expected, SpanText(finding));
    }

    [Theory]
    [InlineData("Reading Buddies is back!")]
    [InlineData("May half term starts soon.")]
    [InlineData("Year 1 loved their trip to the farm.")]
    [InlineData("Sports Day is on the school field.")]
    [InlineData("Scunthorpe United donated football kits.")]
    [InlineData("The Great Fire of London was our topic.")]
    [InlineData("Mrs Ashford read a story.")]
    [InlineData("Our team play Hythe Bay Primary on Friday.")]
    [InlineData("Enid Blyton is our favourite author.")]
    [InlineData("Move your bl00dy cars.")]
    [InlineData("Our postcode checker said AB12 is not valid and neither is ZZ9 9ZZ.")]
    public async Task Ordinary_words_generic_venues_clubs_and_history_are_not_locations(string text)
    {
        Assert.Empty(await Run<LocationsCheck>(Draft(text)));
    }

    [Fact]
    public async Task The_schools_own_address_and_town_pass()
    {
        var policy = PolicyPresets.CreateConsentBased() with { AllowedPlaces = ["Church Road, Mersham, Ashford TN25 6NU", "Ashford"] };
        Assert.Empty(await Run<LocationsCheck>(Draft("Send donations to Church Road, Ashford, TN25 6NU.", policy: policy)));
    }

    [Fact]
    public async Task Locations_are_blocked_under_the_strict_profile()
    {
        var finding = Assert.Single(await Run<LocationsCheck>(Draft("Year 6 went to Canterbury.", policy: PolicyPresets.CreateStrict())));
        Assert.Equal("R7", finding.Rule);
        Assert.Equal(Severity.Block, finding.Severity);
    }

    [Fact]
    public void The_gazetteer_keeps_uk_places_and_towns_abroad_apart()
    {
        var gazetteer = TextChecks.Gazetteer;
        Assert.InRange(gazetteer.Count, 3000, 6000);
        Assert.InRange(gazetteer.AbroadCount, 100_000, 200_000);
        Assert.False(gazetteer.LongestAt(TextDocument.Parse("Canterbury"), 0)!.Abroad);
        Assert.True(gazetteer.LongestAt(TextDocument.Parse("Paris"), 0)!.Abroad);
        Assert.True(gazetteer.LongestAt(TextDocument.Parse("Reykjavik"), 0)!.Abroad);
        // A town abroad named like an English word is not kept ("Hope" is a UK place too, "Freedom" only abroad).
        Assert.Null(gazetteer.LongestAt(TextDocument.Parse("Freedom"), 0));
        Assert.Null(gazetteer.LongestAt(TextDocument.Parse("English"), 0));
        Assert.False(gazetteer.IsPlaceWord("Paris"));
    }
}
