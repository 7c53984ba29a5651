using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// R6 (round 5): a word the post puts someone at is a place wherever it stands; politicians by their office or party;
/// monarchs written with a lower-case rank; words inside foreign place names; works' titles; a route told backwards;
/// and, the other way, signatures of initials and a surname and bylines that are names.
/// </summary>
public sealed class PlacedNamesAndPublicFiguresTests
{
    [Theory]
    // a capitalised run after "at", "in", "visited", "through": the place, here and elsewhere in the post
    [InlineData("Day 2 at Morris Point\n\nThe group arrived at Morris Point before lunch.")]
    [InlineData("Year 3 spent the day in Chester. Chester was an important Roman fortress.")]
    [InlineData("We marched through Chester to the amphitheatre and learnt how Chester grew.")]
    [InlineData("The pupils visited Tyne Cot - the largest cemetery - and laid a wreath at Tyne Cot Memorial.")]
    [InlineData("The walkers finished at Eric Byne campsite, where they cooked tea.")]
    // after "to" following a movement or an outing
    [InlineData("Post-expedition, everyone headed back to Trent for the kit clean-up.")]
    [InlineData("The French students soon settled into life at Carmel with their host families.")]
    // a constituency
    [InlineData("The day ended with questions for the MP for Skipton and Ripon.")]
    // a route told backwards
    [InlineData("We are on our way back up to Crosby from Dover.")]
    // politicians by office or party
    [InlineData("Emma Harper MSP (SNP) said she loved the Garden Lobby.")]
    [InlineData("Fellow South Scotland MSP, Brian Whittle (Conservative) replied that the chamber was impressive.")]
    [InlineData("Some of the children could have given Lewis Hamilton a run for his money on the karts!")]
    // monarchs with a lower-case rank
    [InlineData("We saw paintings of king Henry the 8th, prince Albert and queen Victoria.")]
    // a word after a particle inside a foreign place name
    [InlineData("On Wednesday we walked in the sun to the Pont du Gard.")]
    // works' titles
    [InlineData("Part of the new Star Wars film was made near the lake.")]
    [InlineData("We have read the stories Errol's Garden and The Extraordinary Gardener.")]
    // a determiner that is also a name in the lexicon
    [InlineData("Our favourite song of the service was My Lighthouse.")]
    public async Task Places_politicians_monarchs_and_titles_are_not_children(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    // a name after "at" that the words around make a person
    [InlineData("The water balloons were then thrown at Matt (our instructor)!", "Matt")]
    [InlineData("Well done to Grace, who was at Chester with us. Grace said it was brilliant.", "Grace")]
    // a child's name elsewhere in a post that also names a place stays a name
    [InlineData("We had a great day in Chester. Well done to Olivia Thompson for her questions.", "Olivia Thompson")]
    // signatures of initials and a surname, and bylines
    [InlineData("We look forward to working with them.\nA Rayner\nChair of Governors", "A Rayner")]
    [InlineData("You can contact us through the school.\n\nP K McBride, Chair", "P K McBride")]
    [InlineData("We promise more pictures tomorrow!\nAu revoir!\nA. Mandin", "A. Mandin")]
    [InlineData("We ended the day with a film.\n\nWritten by Kearni, Rayan & Miss Clare", "Rayan")]
    public async Task Names_beside_places_and_signatures_are_found(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }
}
