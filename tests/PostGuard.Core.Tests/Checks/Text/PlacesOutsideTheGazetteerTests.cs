using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Policy;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R9 on places the gazetteer does not hold: "at + proper noun" where a trip or a stay is told, venue heads, a heading that opens with a venue's name.</summary>
public sealed class PlacesOutsideTheGazetteerTests
{
    [Theory]
    [InlineData("The day will be spent at Brockholes and the entire day will be spent outdoors on the trip.", "Brockholes")]
    [InlineData("Landed! We are now awaiting luggage at Gatwick after the flight.", "Gatwick")]
    [InlineData("We are indebted to all the staff at Lagganlia who made our stay so comfortable.", "Lagganlia")]
    [InlineData("Blacklands Farm – Day 4\n\nThe children did more canoeing.", "Blacklands Farm")]
    [InlineData("Year 4 took the most direct route to Lullingstone Roman Villa.", "Lullingstone Roman Villa")]
    [InlineData("Year 7 pupils visited the University of Portsmouth on Wednesday.", "University of Portsmouth")]
    [InlineData("Thirteen students attended an event at Hull University with Mr Travis.", "Hull University")]
    [InlineData("Children scrambled up Hallin Fell, where they posed with the cairn.", "Hallin Fell")]
    [InlineData("Starting in the rain at Keston Ponds car park, the teams walked to camp.", "Keston Ponds")]
    [InlineData("A fabulous start at Big Pit. Everyone happy.", "Big Pit")]
    [InlineData("We found examples of how the Brecons were formed on our walk.", "Brecons")]
    [InlineData("Wales – Day #1\nWe've had a great first day.", "Wales")]
    [InlineData("This morning we walked to Heywood library sensibly with our partners.", "Heywood library")]
    [InlineData("It won't be the same as walking up the steep paths of Cave Hill on our trip.", "Cave Hill")]
    [InlineData("Would you please collect your child from Furrowfields car park at 4pm.", "Furrowfields car park")]
    [InlineData("Pupils raised money for the children's ward at the Great Western Hospital.", "Great Western Hospital")]
    [InlineData("The final was played at the Bolton School Sports Centre on Saturday.", "Bolton School Sports Centre")]
    [InlineData("P7 at Benmore\n\nAlthough the weather wasn't kind yesterday, we all had a great time.", "Benmore")]
    public async Task Places_outside_the_gazetteer_are_location_data(string text, string expected)
    {
        var findings = await Run<LocationsCheck>(Draft(text));
        Assert.Contains(findings, f => SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Our Trip to the Castle\n\nWe had a lovely day.")]
    [InlineData("Pre-Nursery's Trip into Town\n\nPre-Nursery walked to the shops.")]
    [InlineData("Reception - visit to Allotment and Picnic\n\nWe will walk to the school allotment for a picnic.")]
    [InlineData("Reception Visit from the Police\n\nThe police dogs came to see us.")]
    [InlineData("Another day of our PGL adventure tomorrow.")]
    [InlineData("This is a Hertfordshire wide 'moving up' day.")]
    [InlineData("We have asked Hertfordshire for their guidance on the transition day.")]
    [InlineData("Youngsters in Year Eight at Charters School took part in the news day.")]
    [InlineData("Chelsea P had an argument with a net on the piste today. The only damage was to the netting and not to Chelsea.")]
    [InlineData("The school scooped the title at the Worcestershire Education Awards.")]
    [InlineData("Fun At Christmas On The Trip")]
    [InlineData("Everyone at Quillbrook enjoyed the trip to the farm.")]
    [InlineData("We will see you all at Breakfast Club before the trip.")]
    [InlineData("Ten players were selected to play a football match against Ricky Park on Friday.")]
    [InlineData("The girls then struggled against a defensive Marsden Heights team, a 1-1 draw.")]
    [InlineData("Netballers win North Shropshire Tournament")]
    [InlineData("On Friday year 6 took part in a school football game v Park Lane.")]
    [InlineData("The keeper saved it, but the ball went straight to Logan who scored.")]
    [InlineData("Please collect your child at Brownies after the trip on Tuesday.")]
    [InlineData("Our coach will drop the children at Pre-School after the trip.")]
    [InlineData("Lunch at Golden Time was the highlight of the sports day.")]
    [InlineData("We will see you at Parents' Evening after the trip.")]
    [InlineData("In history we studied the Victorian church and a Methodist chapel from pictures.")]
    [InlineData("In the final: 1st place = Queens Crescent\n2nd Place = Derry Hill\n3rd Millway")]
    [InlineData("Their first game against Filey was a brilliant start, and we won the Malton match too.")]
    [InlineData("All ticketed performances will begin at 9.30am in the Infant School Hall.")]
    [InlineData("The children can bring their Easter Gardens in from Monday.")]
    [InlineData("The charity delivers a daily meal for children in poor communities across Africa.")]
    [InlineData("Special mention must go to Tanith, Emily, William and Aoife, who all did outstandingly.")]
    [InlineData("During the evenings, spirits were high after a visit from the Headteacher on the trip.")]
    public async Task Common_nouns_headings_organisations_and_the_school_itself_are_not_places(string text)
    {
        Assert.Empty(await Run<LocationsCheck>(Draft(text)));
    }

    [Fact]
    public async Task The_schools_own_town_allows_the_town_but_not_a_venue_in_it()
    {
        var policy = PolicyPresets.CreateConsentBased() with { AllowedPlaces = ["Heywood"] };
        Assert.Empty(await Run<LocationsCheck>(Draft("We had a lovely trip around Heywood.", policy: policy)));
        var findings = await Run<LocationsCheck>(Draft("We walked to Heywood library with our partners.", policy: policy));
        Assert.Contains(findings, f => SpanText(f) == "Heywood library");
    }

    [Fact]
    public async Task A_school_place_after_at_stays_allowed()
    {
        var policy = PolicyPresets.CreateConsentBased() with { AllowedPlaces = ["Mersham"] };
        Assert.Empty(await Run<LocationsCheck>(Draft("The match was held at Mersham on Tuesday.", policy: policy)));
    }
}
