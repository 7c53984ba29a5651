using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// Contexts that make a first name something other than a private person: a public figure
/// ("our local MP Jack Lopresti", "Christian is an acclaimed poet", "“O holy night” by Stephen Adams"),
/// a work's title ("‘Charlie and the Chocolate Factory’"), an animal ("a horse named Chester"),
/// a monarch or a title ("Elizabeth I", "Katherine of Aragon"), a place ("West End", "North Yorkshire",
/// a county) and part of a hyphenated word ("Anglo-Saxon").
/// </summary>
public static class NotAPersonContext
{
    /// <summary>Public offices and public callings: the person named beside them is a public figure.</summary>
    private static readonly WordSet PublicRoles = new("""
        mp mps msp msps mep meps mla mlas councillor councillors cllr mayor minister ministers secretary author authors poet poets illustrator illustrators
        novelist writer olympian paralympian composer composers rapper broadcaster footballer athlete cricketer comedian
        songwriter playwright
        """);

    /// <summary>Musical works named after their composer: "Stanford's setting", "Fauré's Requiem".</summary>
    /// <summary>Political parties in brackets after a name: "Brian Whittle (Conservative)", "Emma Harper MSP (SNP)".</summary>
    private static readonly WordSet Parties = new("conservative conservatives labour snp liberal libdem lib green plaid reform ukip alba dup sdlp independent");

    private static readonly WordSet MusicWorks = new("setting arrangement anthem requiem symphony concerto magnificat cantata oratorio nunc");

    /// <summary>Words before a role that make it a pupil's title: "Young Author", "class poet".</summary>
    private static readonly WordSet PupilTitleLead = new("young budding class star school junior pupil student child little mini week");

    /// <summary>Words between a name and its public role: "X is an acclaimed poet", "X, the award-winning author".</summary>
    private static readonly WordSet RoleLead = new("""
        is was a an the our local acclaimed award winning award-winning famous celebrated renowned bestselling best-selling
        children's childrens well-known known former olympic national
        """);

    /// <summary>Animals that farms and centres name: "a horse named Chester", "Parker the goat".</summary>
    private static readonly WordSet Animals = new("""
        horse horses pony ponies donkey donkeys goat goats pig pigs sheep lamb lambs cow cows calf dog dogs puppy cat cats kitten
        rabbit rabbits hen hens chicken chickens duck ducks owl owls hamster tortoise snake lizard llama llamas alpaca alpacas
        bear teddy mascot guinea parrot bird dinosaur dinosaurs fossil skeleton robot statue dragon
        """);

    private static readonly WordSet NamedVerbs = new("named called");

    /// <summary>"Elizabeth I", "Henry VIII": a monarch.</summary>
    private static readonly HashSet<string> RegnalNumbers = new(StringComparer.Ordinal) { "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X" };

    /// <summary>Compass and size words before a capitalised word make a place: "West End", "North Yorkshire".</summary>
    private static readonly WordSet PlacePrefixes = new("north south east west northern southern eastern western upper lower");

    /// <summary>Ranks before a name: "King Henry", "Lady Baillie" (the name after them is skipped by the finder too).</summary>
    private static readonly WordSet Ranks = new("king queen prince princess lord lady duke duchess earl");

    private static readonly WordSet TitleFunctionWords = new("and the of a an in on to for at with my our");

    private const string OpeningQuotes = "‘“'\"";
    private const string ClosingQuotes = "’”'\"";
    private static readonly char[] ClosingQuoteChars = ClosingQuotes.ToCharArray();

    /// <summary>The words of the names this document gives to public figures (computed once per document).</summary>
    public static IReadOnlySet<string> PublicFigureWords(TextDocument document) =>
        document.Memo(typeof(NotAPersonContext), FindPublicFigureWords);

    private static HashSet<string> FindPublicFigureWords(TextDocument document)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // "our local MP Jack Lopresti", "councillor Marion Bradshaw", "author Julia Donaldson"
            // Not "our Young Author Mia", "class poet Ellie": pupils' titles.
            // "South Scotland MSP, Brian Whittle": an office written in capitals, then a comma and the name.
            if (PublicRoles.Contains(token) && document.At(i + 1) is { IsCapitalised: true } named && named.Sentence == token.Sentence
                && (named.JoinedBySpace || token.IsAllCaps && named.Gap.Trim() == ",") && !PupilTitleLead.Contains(document.At(i - 1)))
            {
                AddNameRun(document, i + 1, words);
            }
            // "Brian Whittle (Conservative)": a name with a party in brackets is a politician.
            if (token.IsCapitalised && Parties.Contains(token) && token.Gap.Contains('(', StringComparison.Ordinal) && document.At(i - 1) is { IsCapitalised: true } member
                && member.Sentence == token.Sentence)
            {
                var start = member.Index;
                while (start > i - 3 && document.At(start - 1) is { IsCapitalised: true } earlier && document.Tokens[start].JoinedBySpace && earlier.Sentence == token.Sentence && !PublicRoles.Contains(earlier))
                {
                    start--;
                }
                AddNameRun(document, start, words);
                words.Add(token.Stem);
            }
            // "Stanford's setting of the Evening Service": a composer.
            if (token.IsCapitalised && token.IsPossessive && MusicWorks.Contains(document.At(i + 1)) && document.At(i + 1)!.Sentence == token.Sentence)
            {
                words.Add(token.Stem);
            }
            // "“O holy night” by Stephen Adams": a work's author.
            if (token.Is("by") && !token.IsCapitalised && token.Gap.IndexOfAny(ClosingQuoteChars) >= 0
                && document.At(i + 1) is { IsCapitalised: true } author && author.Sentence == token.Sentence)
            {
                AddNameRun(document, i + 1, words);
            }
            // "Christian is an acclaimed poet", "Jo Brown, the award-winning author,", "Jack Lopresti MP"
            if (token.IsCapitalised && !PublicRoles.Contains(token))
            {
                var end = i;
                while (document.At(end + 1) is { IsCapitalised: true, JoinedBySpace: true } more && end - i < 2 && !PublicRoles.Contains(more))
                {
                    end++;
                }
                var k = end + 1;
                while (document.At(k) is { } lead && RoleLead.Contains(lead) && lead.Sentence == token.Sentence && k - end <= 4)
                {
                    k++;
                }
                if (document.At(k) is { } role && role.Sentence == token.Sentence && PublicRoles.Contains(role) && (k > end + 1 || role.IsAllCaps))
                {
                    AddNameRun(document, i, words);
                }
            }
        }
        return words;
    }

    private static void AddNameRun(TextDocument document, int first, HashSet<string> words)
    {
        for (var k = first; k < first + 3 && document.At(k) is { IsCapitalised: true } word && (k == first || word.JoinedBySpace || word.JoinedByHyphen); k++)
        {
            if (PublicRoles.Contains(word))
            {
                break;
            }
            words.Add(word.Stem);
        }
    }

    /// <summary>Words that make the capitalised word before them a team, house or class: "Ursuline B team", "Howard house".</summary>
    private static readonly WordSet GroupHeads = new("team teams house houses class classes squad group groups");

    private sealed class GroupNamesKey;

    /// <summary>
    /// The words this document uses as the name of a team, a house, a class or a thing ("Ursuline B team",
    /// "Dudley Town Hall", a list of classes "Acorns (Rec)", "Willow (Year 2/3)"): one word keeps one sense in a post,
    /// so the same word alone elsewhere is that team or thing, not a child, unless its context says person.
    /// </summary>
    public static GroupNames GroupNameWords(TextDocument document, Func<Token, bool> isThingAfter, Func<string, bool> isFirstName) =>
        document.Memo((typeof(GroupNamesKey), isFirstName.Target), d => FindGroupNameWords(d, isThingAfter, isFirstName));

    /// <summary>Words used as a team's or a thing's name (<see cref="Named"/>) and the words of a list of classes (<see cref="Listed"/>).</summary>
    public sealed record GroupNames(IReadOnlySet<string> Named, IReadOnlySet<string> Listed);

    private static GroupNames FindGroupNameWords(TextDocument document, Func<Token, bool> isThingAfter, Func<string, bool> isFirstName)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var classes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tokens = document.Tokens;
        var listed = new List<Token>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.IsCapitalised || token.IsPossessive)
            {
                continue;
            }
            var next = tokens[i + 1];
            // "Ursuline B team"
            var head = next.Text.Length == 1 && char.IsUpper(next.Text[0]) && next.JoinedBySpace ? document.At(i + 2) : next;
            if (head is not null && head.JoinedBySpace && head.Sentence == token.Sentence && (GroupHeads.Contains(head) || head.IsCapitalised && isThingAfter(head)))
            {
                words.Add(token.Stem);
            }
            // "visited Tyne Cot, the largest British war cemetery": a name followed by an appositive that says what place it is.
            var last = next.IsCapitalised && next.JoinedBySpace && next.Sentence == token.Sentence && !next.IsPossessive ? i + 1 : i;
            if (IsPlaceAppositive(document, last + 1, isThingAfter))
            {
                for (var k = i; k <= last; k++)
                {
                    words.Add(tokens[k].Stem);
                }
            }
            // "Beech (Year 1)", "Acorns (Rec)": a line that opens with a word and a year group in brackets.
            if (token.SentenceStart && next.Gap.Contains('(', StringComparison.Ordinal) && (NameContext.IsYearGroup(document, i + 1) || next.Is("rec")))
            {
                listed.Add(token);
            }
        }
        if (listed.Count >= 3 && listed.Exists(t => !isFirstName(t.Stem)))
        {
            foreach (var token in listed)
            {
                classes.Add(token.Stem);
            }
        }
        // "1st Millway / 2nd Delapre / 3rd Simon de Senlis": a results table of teams or schools, when one of its entries is no first name
        // (a table of children, "1st Ellie / 2nd Tom", keeps its names).
        var ranked = tokens.Where(t => t.Index > 0 && t.IsCapitalised && tokens[t.Index - 1] is { SentenceStart: true } rank && rank.Sentence == t.Sentence
            && IsRank(rank)).ToList();
        AddWhenNotAllFirstNames(ranked, 2, classes, isFirstName);
        // "with Howard, Clitherow and More all winning" in a post about houses or teams: a list of their names.
        if (tokens.Any(t => GroupHeads.Contains(t)))
        {
            for (var i = 0; i < tokens.Count; i++)
            {
                var list = CoordinatedCapitalisedWords(document, i);
                if (list.Count >= 3)
                {
                    AddWhenNotAllFirstNames(list, 3, classes, isFirstName, atLeastTwo: true, mostlyNotNames: true);
                    i = list[^1].Index;
                }
            }
        }
        return new GroupNames(words, classes);
    }

    /// <summary>"1st", "2nd", "3rd", "4th": a place in a results table (the places check reads its tables with it too).</summary>
    public static bool IsRank(Token token) =>
        token.StartsWithDigit && (token.Lower.EndsWith("st", StringComparison.Ordinal) || token.Lower.EndsWith("nd", StringComparison.Ordinal)
            || token.Lower.EndsWith("rd", StringComparison.Ordinal) || token.Lower.EndsWith("th", StringComparison.Ordinal)) && token.Text.Length <= 4;

    /// <summary>
    /// Adds the entries' words when enough of them are no first name: one, or two with <paramref name="atLeastTwo"/>; with
    /// <paramref name="mostlyNotNames"/> also at least half ("Zarek, Ella, Lola, Tiwa, Jack, Oscar" in a post about teams is a
    /// team's children, not a list of houses: four of its six are first names).
    /// </summary>
    private static void AddWhenNotAllFirstNames(List<Token> entries, int minimum, HashSet<string> names, Func<string, bool> isFirstName, bool atLeastTwo = false, bool mostlyNotNames = false)
    {
        var notNames = entries.Count(t => !isFirstName(t.Stem));
        if (entries.Count >= minimum && notNames >= (atLeastTwo ? 2 : 1) && (!mostlyNotNames || notNames * 2 >= entries.Count))
        {
            foreach (var token in entries)
            {
                names.Add(token.Stem);
            }
        }
    }

    /// <summary>"Howard, Clitherow and More": single capitalised words joined by commas and a final "and", starting at <paramref name="i"/>.</summary>
    private static List<Token> CoordinatedCapitalisedWords(TextDocument document, int i)
    {
        var list = new List<Token>();
        var k = i;
        while (document.At(k) is { IsCapitalised: true, IsAllCaps: false, StartsWithDigit: false } word && !word.SentenceStart
            && (list.Count == 0 || word.Gap.Trim() == "," || document.IsWordAt(k - 1, "and")))
        {
            list.Add(word);
            var next = document.At(k + 1);
            if (next is not null && next.Sentence == word.Sentence && next.Gap.Trim() == ",")
            {
                k++;
            }
            else if (next is not null && next.Sentence == word.Sentence && next.Is("and"))
            {
                k += 2;
            }
            else
            {
                break;
            }
        }
        return list;
    }

    /// <summary>Nouns of places an appositive names, beside the venue words: "Tyne Cot, the largest war cemetery".</summary>
    private static readonly WordSet PlaceNouns = new("cemetery cemeteries memorial village town city country county region river mountain site battlefield");

    /// <summary>", the largest British war cemetery" (or after a dash): a comma, an article and, within five words, a venue or place noun.</summary>
    private static bool IsPlaceAppositive(TextDocument document, int index, Func<Token, bool> isThingAfter)
    {
        if (document.At(index) is not { } article || article.Gap.Trim() is not ("," or "-" or "–" or "—") || !(article.Is("the") || article.Is("a") || article.Is("an")))
        {
            return false;
        }
        for (var k = index + 1; k <= index + 5 && document.At(k) is { } word && word.Sentence == article.Sentence; k++)
        {
            if (PlaceNouns.Contains(word) || LocationFinder.VenueWords.Contains(word))
            {
                return true;
            }
            if (word.Gap.Trim().Length > 0 || word.Is("who") || word.Is("whose"))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>True when the first name at <paramref name="i"/> is no private person by its context.</summary>
    public static bool IsNotAPerson(TextDocument document, int i, Func<string, bool> isFirstName)
    {
        var token = document.Tokens[i];
        var next = document.At(i + 1);
        if (PublicFigureWords(document).Contains(token.Stem))
        {
            return true;
        }
        if (OrdinaryWordNames.Weekdays.Contains(token) || UkRegions.RegionAt(document, i) >= 0 || UkRegions.Nations.Contains(token.Lower))
        {
            return true;
        }
        // "Elizabeth I", "Henry VIII"; "I" only where no verb follows ("Ellie and I went").
        if (next is not null && next.JoinedBySpace && RegnalNumbers.Contains(next.Text)
            && (next.Text != "I" || document.At(i + 2) is not { } after || after.Sentence != next.Sentence || after.IsCapitalised))
        {
            return true;
        }
        // "Katherine of Aragon", "Joan of Arc": a title.
        // Not "Ellie of Oak Class".
        if (document.IsWordAt(i + 1, "of") && document.At(i + 2) is { IsCapitalised: true } of && !NameContext.IsYearGroup(document, i + 2) && of.Sentence == token.Sentence
            && !token.IsPossessive && !GroupHeads.Contains(of) && !GroupHeads.Contains(document.At(i + 3)))
        {
            return true;
        }
        // "Ursuline B team"
        if (next is not null && next.Text.Length == 1 && char.IsUpper(next.Text[0]) && next.JoinedBySpace && GroupHeads.Contains(document.At(i + 2)))
        {
            return true;
        }
        if ((PlacePrefixes.Contains(token) || Ranks.Contains(token)) && next is { IsCapitalised: true, JoinedBySpace: true })
        {
            return true;
        }
        // "Anglo-Saxon people", "Berners-Lee": the second half of a hyphenated word, unless a surname follows
        // or the first half is a first name too ("Mary-Jane").
        if (token.JoinedByHyphen && document.At(i - 1) is { IsCapitalised: true } firstHalf && !isFirstName(firstHalf.Stem)
            && !(next is { IsCapitalised: true, JoinedBySpace: true }))
        {
            return true;
        }
        // "a horse named Chester", "Parker the goat"
        if (document.At(i - 1) is { } called && NamedVerbs.Contains(called) && Animals.Contains(document.At(i - 2))
            || document.IsWordAt(i + 1, "the") && Animals.Contains(document.At(i + 2)) && document.At(i + 2)!.Sentence == token.Sentence
            // "Rory the Allosaurus fossil": a named exhibit.
            || document.IsWordAt(i + 1, "the") && document.At(i + 2) is { IsCapitalised: true } kind && kind.Sentence == token.Sentence
                && Animals.Contains(document.At(i + 3)) && document.At(i + 3)!.Sentence == token.Sentence)
        {
            return true;
        }
        // "Alfred the Great", "Winnie the Witch", "Rudolf the Red-Nosed Reindeer": a name with a capitalised epithet is a
        // character or a historical figure. Not "Tom the Caretaker" (a role) or "Ellie the Year 6 captain".
        if (document.IsWordAt(i + 1, "the") && !next!.IsCapitalised && document.At(i + 2) is { IsCapitalised: true, IsAllCaps: false, StartsWithDigit: false } epithet
            && epithet.Sentence == token.Sentence && epithet.JoinedBySpace && !token.IsPossessive && !EpithetsThatArePeople.Contains(epithet)
            && !NameContext.IsYearGroup(document, i + 2))
        {
            return true;
        }
        return IsInsideWorkTitle(document, i);
    }

    /// <summary>Capitalised words after "the" that leave the name before them a person: a year group, a role ("Tom the Caretaker").</summary>
    private static readonly WordSet EpithetsThatArePeople = new("""
        year class reception nursery school team house head headteacher teacher caretaker cook chef coach captain guide instructor
        leader librarian driver farmer manager officer chair governor pupil student
        """);

    /// <summary>
    /// "‘Wilbur’", "“Lacey’s Story”", "‘Charlie and the Chocolate Factory’", "‘In Flanders Field’": a title-case quotation is a
    /// work or a character (the places check uses it too: a place in a poem's title is nobody's whereabouts).
    /// </summary>
    public static bool IsInsideWorkTitle(TextDocument document, int i)
    {
        // "‘Kyle’s Avengers’": a team or a work named after someone still names them.
        if (document.Tokens[i].IsPossessive)
        {
            return false;
        }
        var start = i;
        while (start > i - 6 && start > 0 && !HasOpeningQuote(document.Tokens[start]))
        {
            var word = document.Tokens[start];
            if (!word.IsCapitalised && !TitleFunctionWords.Contains(word) || !word.JoinedBySpace)
            {
                return false;
            }
            start--;
        }
        if (!HasOpeningQuote(document.Tokens[start]))
        {
            return false;
        }
        for (var k = i + 1; k <= i + 8; k++)
        {
            var word = document.At(k);
            if (word is null)
            {
                return document.Text.TrimEnd().Length > 0 && ClosingQuotes.Contains(document.Text.TrimEnd()[^1], StringComparison.Ordinal);
            }
            if (word.Gap.IndexOfAny(ClosingQuoteChars) >= 0)
            {
                return true;
            }
            if (!word.IsCapitalised && !TitleFunctionWords.Contains(word) || !word.JoinedBySpace)
            {
                return false;
            }
        }
        return false;
    }

    private static bool HasOpeningQuote(Token token)
    {
        var gap = token.Gap;
        return gap.Length > 0 && OpeningQuotes.Contains(gap[^1], StringComparison.Ordinal) && (gap.Length == 1 || char.IsWhiteSpace(gap[^2]) || gap[^2] is '(' or '[');
    }
}
