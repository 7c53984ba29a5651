using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.People;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>R6 on the kinds of capitalised words after or around a first name that real posts use for something other than a private person.</summary>
public sealed class NotAPersonContextTests
{
    [Theory]
    // public figures named by their office or calling
    [InlineData("The group had a question and answer session with our local MP Jack Lopresti.")]
    [InlineData("We are planning the garden with the help of our local councillor Marion Bradshaw.")]
    [InlineData("We welcomed Christian Foley to our school. Christian is an acclaimed poet and rapper.")]
    [InlineData("The Scholars performed “O holy night” by Stephen Adams at the festival.")]
    [InlineData("Following responses and a psalm, the choir sang Stanford’s setting of the Evening Service.")]
    // works' titles and characters in quotes
    [InlineData("The children even saw ‘Wilbur’ from their English book.")]
    [InlineData("Then a performance of ‘Charlie and the Chocolate Factory’ in the evening.")]
    // monarchs, titles, places, hyphenated words
    [InlineData("They saw the tomb of the Unknown Soldier and Elizabeth I.")]
    [InlineData("King Henry ordered renovations so that he and his first wife, Katherine of Aragon, could stay.")]
    [InlineData("We watched West End performances of Wicked.")]
    [InlineData("North Yorkshire has managed to secure the park for the race.")]
    [InlineData("We have asked Hertfordshire for their guidance on the transition day.")]
    [InlineData("We have been continuing with our Anglo-Saxon theme this week.")]
    [InlineData("Nightingales- Tuesday and Thursday")]
    // animals
    [InlineData("The children came across a very hungry horse named Chester!")]
    // venues, events and organisations after a first name
    [InlineData("Year 4 undertook a trip to Bignor Roman Villa.")]
    [InlineData("Our partnership with the team at Nottingham Trent University continues.")]
    [InlineData("The heading read Osmington Bay Residential for Year 5.")]
    [InlineData("He was talent scouted for Sheffield Boys last night.")]
    [InlineData("The annual Christmas Carol Concert raised money.")]
    [InlineData("Children moved from Heywood Prep Nursery to the main school.")]
    // a word the post uses as a team's or a class list's name
    [InlineData("Ursuline stepped up to the plate. Ursuline B team made it through to the semi-finals.")]
    [InlineData("Acorns (Rec) – Monday\nBeech (Year 1) – Wednesday\nWillow (Year 2/3) – Friday\nHazel (Year 5) – Monday")]
    // a town after a venue named after "at"
    [InlineData("The day will be spent at Brockholes, Preston and the entire day outdoors.")]
    // a heading's last word does not run into the next line
    [InlineData("Y3 Trip to Cannon Hall\n\nOn Monday 2nd May, Year 3 went to the farm.")]
    public async Task Capitalised_words_that_are_no_private_person_are_not_names(string text)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.DoesNotContain(findings, f => f.Rule == "R6");
    }

    [Theory]
    [InlineData("The term of office is about to expire for our Chair of Governors, Sherridan Matthews.", "Sherridan Matthews")]
    [InlineData("FAO Mersea participants 6 September 2024 (by Ashlea Stevenson)", "Ashlea Stevenson")]
    [InlineData("However the star was Marcus Brister-Thorne for a very entertaining joke.", "Marcus Brister-Thorne")]
    [InlineData("We've had a tiring day but just enough energy left to wish Lewis a happy birthday!", "Lewis")]
    [InlineData("Well done to ‘Kyle’s Avengers’, as you ALL had a go!", "Kyle")]
    [InlineData("Rose Class went to the park. Well done to Rose for her reading.", "Rose")]
    [InlineData("Well done to Ellie of Oak Class for her reading.", "Ellie")]
    [InlineData("Mary-Jane went to the park with her class.", "Jane")]
    [InlineData("Congratulations to our young author Mia on her story.", "Mia")]
    [InlineData("Rev. Yvonne then read the children the Nativity Story.", "Rev. Yvonne")]
    [InlineData("Rev Allison Harding from the church led an inspiring assembly.", "Rev Allison Harding")]
    public async Task Names_beside_such_contexts_are_still_found(string text, string expected)
    {
        var findings = await Run<NamesCheck>(Draft(text, people: PeopleRegister.Empty));
        Assert.Contains(findings, f => f.Rule == "R6" && SpanText(f).Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_title_written_in_lower_case_still_makes_a_staff_name_not_a_childs()
    {
        const string text = "Then at the canoe slide mr Scott and Miss Campbell were brilliant!";
        var mentions = Names.Find(PostGuard.Core.Checks.Text.Tokens.TextDocument.For(text), PeopleRegister.Empty);
        Assert.Contains(mentions, m => m.Kind == PersonMentionKind.StaffName && text.Substring(m.Start, m.Length) == "mr Scott");
        Assert.DoesNotContain(mentions, m => m.Kind != PersonMentionKind.StaffName);
    }
}
