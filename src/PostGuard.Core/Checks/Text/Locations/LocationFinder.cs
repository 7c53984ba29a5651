using System.Text.RegularExpressions;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Checks.Text.Locations;

/// <summary>
/// Finds location data in a draft (R9) and the venues that put children off site (R8): gazetteer
/// places, named venues, street addresses, postcodes, what3words triples and OS grid references.
/// Regular expressions here are bounded and run with <see cref="RegexOptions.NonBacktracking"/>: linear time.
/// </summary>
public sealed class LocationFinder(TextLexicons lexicons)
{
    private FirstNameLexicon FirstNames => lexicons.FirstNames;
    private Gazetteer Places => lexicons.Gazetteer;

    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>Fixed-length patterns (at most 8 and 14 characters, no nested quantifiers): compiled backtracking is linear here and faster.</summary>
    private const RegexOptions Bounded = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    private static readonly Regex PostcodePattern = new(@"\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}\b", Bounded, TimeSpan.FromSeconds(1));

    /// <summary>A UK postcode starting at <paramref name="index"/> after a comma and spaces: "Kew Gardens, Richmond, TW9 3AE".</summary>
    public static bool IsPostcodeAfter(string text, int index)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = index;
        while (start < text.Length && start - index < 3 && (text[start] == ',' || char.IsWhiteSpace(text[start])))
        {
            start++;
        }
        var match = PostcodePattern.Match(text, start, Math.Min(9, text.Length - start));
        return match.Success && match.Index == start && IsPostcode(match.Value);
    }
    private static readonly Regex WordGridPattern = new(@"///\p{L}+\.\p{L}+\.\p{L}+", Linear);
    private static readonly Regex GridReferencePattern = new(@"\b[HNOST][A-HJ-Z] ?[0-9]{3,5} ?[0-9]{3,5}\b", Bounded, TimeSpan.FromSeconds(1));

    /// <summary>UK postcode areas: a postcode-shaped string outside them ("AB1 2CD" aside) is not a postcode.</summary>
    private static readonly WordSet PostcodeAreas = new("""
        AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX FK FY G GL GU
        GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE
        PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
        """);

    /// <summary>Kinds of venue: a trip goes to one. Named ("Colchester Zoo") they are location data.</summary>
    public static readonly WordSet VenueWords = new("""
        zoo museum farm beach castle theatre theater cinema aquarium park stadium arena cathedral abbey gallery palace pier
        reserve gardens centre center pool lido forest woods wood lake reservoir planetarium observatory church mosque temple
        gurdwara synagogue dockyard harbour marina island camp campsite seaside coast tower fort manor hall priory mill
        railway station airport dungeons field fields common heath moor valley canal water showground racecourse project services
        chapel quay villa university fell pit pond ponds caves cavern outdoors hotel loch hospital hospice cemetery memorial parliament
        """);

    /// <summary>Nations' adjectives before "Parliament": "the Scottish Parliament", "the Welsh Parliament".</summary>
    private static readonly WordSet ParliamentNations = new("scottish welsh uk british european");

    /// <summary>Buildings named after a saint, written with a lower-case head: "St Johns church", "St Mary's hall".</summary>
    private static readonly WordSet SaintVenueWords = new("church chapel cathedral abbey priory hall centre");

    /// <summary>Words of generic venue names: "the Leisure Centre" names no particular place.</summary>
    private static readonly WordSet GenericVenueModifiers = new("""
        leisure sports swimming country wildlife safari theme adventure activity activities outdoor education science history
        natural local community village town city sea life trampoline garden studies nature ice bowling soft play water
        the our a an this that their your my every each year class reception big little new old main national
        """);

    /// <summary>Words of a civic building's generic name: "the Town Hall", "the Village Hall", "the Community Centre".</summary>
    private static readonly WordSet CivicModifiers = new("town village community parish");

    /// <summary>Heads of a civic building: "Hall", "Centre" (a "City Museum" is a particular museum).</summary>
    private static readonly WordSet CivicHeads = new("hall centre center");

    /// <summary>Lower-case nouns of a staged work after a name: "the Treasure Island performance" is a show, not where anyone is.</summary>
    private static readonly WordSet StagedWorkAfter = new("performance performances production productions pantomime musical");

    /// <summary>Generic venues that are off-site trip cues even without a name ("at the zoo").</summary>
    private static readonly WordSet GenericTripVenues = new("""
        zoo museum farm beach castle theatre theater cinema aquarium park stadium cathedral gallery palace pier seaside
        lido planetarium woods forest coast dungeons
        """);

    private static readonly WordSet StreetTypes = new("""
        road rd street st lane ln avenue ave close drive crescent cres place terrace court square mews row rise walk way grove gardens parade
        """);

    private static readonly WordSet StrongStreetTypes = new("road rd street lane avenue close crescent drive terrace mews");

    private static readonly WordSet OrganisationAfter = new("""
        primary school academy college infants infant juniors junior nursery fc united rovers athletic church cofe ce rc
        class house team road street lane avenue close drive way fire police ambulance
        company group productions players
        """);

    private static readonly WordSet Determiners = new("the our a an this that their your my every each year class reception");

    /// <summary>Title-case headings ("School Closure Due To Water Leak") are no venue names.</summary>
    private static readonly WordSet FunctionWords = new("to due for and on in at with the a an from by");

    /// <summary>A place name before these is an event or a team, not where anyone is: "London Marathon".</summary>
    private static readonly WordSet EventAfter = new("marathon olympics games derby brigade voices bear");

    /// <summary>Words after which a capitalised name is where the trip went: "trip to Howletts", "three days in Snowdonia".</summary>
    private static readonly WordSet TripObjects = new("""
        trip trips visit visits outing residential day days week weekend visited coach off heading way travelling going went go
        travelled traveled headed arrived walked drove journey ferry sail sailed camp stay stayed adventure
        ride rode walk hike hiked cycle cycled bus train flight flew boat
        """);

    /// <summary>Departures whose "for" leads to where the group went: "set off for Bourton", "left for the Lake District".</summary>
    private static readonly WordSet DepartureBeforeFor = new("off headed heading left leaving bound departed departing");

    /// <summary>Words after which a capitalised name is where someone is or goes, whatever precedes them.</summary>
    private static readonly WordSet StrongLocatives = new("around near into towards via across");

    /// <summary>Lower-case nouns after a capitalised word that make it a programme, a house or a team, not a place: "the Bikeability programme".</summary>
    private static readonly WordSet NotPlaceAfter = new("""
        programme program scheme project team award challenge day week club competition festival house class group event session
        workshop trust appeal league cup trophy initiative app system
        """);

    /// <summary>Words of going somewhere or of an event held somewhere: another school or "the Pavilion" is a venue only beside them.</summary>
    private static readonly WordSet EventOrTravel = new("""
        trip trips visit visited visiting went go going travelled traveled headed arrived tournament match matches fixture fixtures festival
        gala competition competed compete played play playing race races championship championships final semi concert show performed
        performance performing watched watch event held hosted league cup cross country netball football rugby hockey cricket athletics
        swimming choir sang sing coach coaches bus minibus beach seaside outing day stay stayed camp residential arrived arrival
        plane flight ferry train expedition
        """);

    private static bool HasEventOrTravelNear(TextDocument document, int i)
    {
        var sentence = document.Tokens[i].Sentence;
        for (var k = Math.Max(0, i - 30); k < Math.Min(document.Tokens.Count, i + 30); k++)
        {
            if (Math.Abs(document.Tokens[k].Sentence - sentence) <= 1 && EventOrTravel.Contains(document.Tokens[k]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"Pupils at Asfordby Primary School": the school they belong to, not a venue.</summary>
    private static readonly WordSet MembersBefore = new("pupils children students staff youngsters teachers girls boys head headteacher parents families");

    /// <summary>Capitalised words that are not places after "at the", "in the": events, subjects, seasons, school words.</summary>
    private static readonly WordSet NotPlaceNames = new("""
        christmas easter harvest diwali eid advent lent spring summer autumn winter halloween nativity assembly school year reception
        nursery class key stage infant infants junior juniors english maths mathematics science history geography art music pe re french
        spanish computing design technology drama literacy numeracy phonics forest end start beginning annual big great new old first
        last final main whole young staffroom office library playground classroom hall reception town city village police
        headteacher head teacher principal vicar governors africa asia europe america antarctica australia oceania caribbean
        federation partnership alliance diocese zoom teams us
        """);

    /// <summary>Hills and other landforms after a name: "Cave Hill", "Mam Tor" (kept out of <see cref="VenueWords"/>, which also tells surnames: "Tom Hill").</summary>
    private static readonly WordSet Landforms = new("hill hills tor edge crag fells falls mount");

    /// <summary>Venue words written in lower case after a place's name: "Heywood library", "the Leeds museum".</summary>
    private static readonly WordSet LowerCaseVenueHeads = new("""
        library museum zoo farm theatre cinema aquarium park stadium cathedral abbey gallery castle pier church chapel hospital
        camping campsite woods forest beach
        """);

    /// <summary>Festivals: "Easter Gardens", "Christmas Fair" are crafts and events, not venues.</summary>
    private static readonly WordSet Festivals = new("christmas easter harvest diwali eid advent lent halloween nativity");

    /// <summary>Heads of organisations and titles: "Duke of Edinburgh", "Church of England", "Bank of England".</summary>
    private static readonly WordSet TitleOfPlace = new("duke duchess earl prince princess king queen bishop church bank university council battle fire siege plague treaty great");

    private static readonly WordSet LocativeWords = new("to in at from near visit visited visiting around towards into outside via explore explored exploring round");
    private static readonly WordSet AddressLeadWords = new("on at in along down up off near from outside opposite");
    private static readonly WordSet Titles = new("mr mrs miss ms mx dr sir dame prof rev revd st saint");

    /// <summary>The locations in a document, computed once per document, policy and set of name tokens.</summary>
    public IReadOnlyList<LocationMention> Find(TextDocument document, SchoolPolicy policy, IReadOnlySet<int>? nameTokens = null) =>
        nameTokens is null
            ? document.Memo((this, policy), d => FindUncached(d, policy, null))
            : document.Memo((this, policy, nameTokens), d => FindUncached(d, policy, nameTokens));

    private IReadOnlyList<LocationMention> FindUncached(TextDocument document, SchoolPolicy policy, IReadOnlySet<int>? nameTokens)
    {
        var mentions = new List<LocationMention>();
        var text = document.Text;
        var used = new bool[document.Tokens.Count];
        var allowed = AllowedPlaces.For(policy);
        var covered = new System.Collections.BitArray(text.Length);

        void Add(LocationKind kind, int start, int length)
        {
            for (var k = start; k < start + length; k++)
            {
                if (covered[k])
                {
                    return;
                }
            }
            for (var k = start; k < start + length; k++)
            {
                covered[k] = true;
            }
            var quoted = text.Substring(start, length);
            mentions.Add(new LocationMention(kind, start, length, quoted, allowed.Allows(quoted)));
        }

        void AddTokens(LocationKind kind, int first, int last)
        {
            for (var k = first; k <= last; k++)
            {
                used[k] = true;
            }
            // "a match against Ricky Park", "the Malton match": an opponent, not where anyone is.
            // "in the Infant School Hall": the school's own building.
            if (kind is LocationKind.Place or LocationKind.NamedVenue && (IsOpponent(document, first, last) || IsOwnBuilding(document, first, last)
                    || IsNotWhereAnyoneIs(document, first, last))
                || kind == LocationKind.StreetAddress && !document.Tokens[first].StartsWithDigit && IsOpponent(document, first, last))
            {
                return;
            }
            var start = document.Tokens[first].Start;
            Add(kind, start, document.Tokens[last].Start + document.Tokens[last].StemLength - start);
        }

        foreach (Match match in WordGridPattern.Matches(text))
        {
            Add(LocationKind.WordGridAddress, match.Index, match.Length);
        }
        foreach (Match match in PostcodePattern.Matches(text))
        {
            if (IsPostcode(match.Value))
            {
                Add(LocationKind.Postcode, match.Index, match.Length);
            }
        }
        foreach (Match match in GridReferencePattern.Matches(text))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            var parts = match.Value[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var balanced = parts.Length == 1 || (parts.Length == 2 && parts[0].Length == parts[1].Length);
            if (digits % 2 == 0 && digits >= 6 && balanced)
            {
                Add(LocationKind.GridReference, match.Index, match.Length);
            }
        }

        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }
            if (TryStreetAddress(document, i, out var addressEnd))
            {
                AddTokens(LocationKind.StreetAddress, i, addressEnd);
                i = addressEnd;
                continue;
            }
            if (TryOtherSchoolOrOperator(document, i, nameTokens, out var otherEnd))
            {
                AddTokens(LocationKind.NamedVenue, i, otherEnd);
                i = otherEnd;
                continue;
            }
            if (TryHyphenatedPlace(document, i, out var hyphenEnd))
            {
                AddTokens(LocationKind.Place, i, hyphenEnd);
                i = hyphenEnd;
                continue;
            }
            if (TryRegion(document, i, nameTokens, out var regionEnd))
            {
                AddTokens(LocationKind.Place, i, regionEnd);
                i = regionEnd;
                continue;
            }
            if (TryNamedVenue(document, i, nameTokens, out var venueEnd))
            {
                AddTokens(LocationKind.NamedVenue, i, venueEnd);
                i = venueEnd;
                continue;
            }
            if (TryResidentsHome(document, i, nameTokens, out var homeEnd))
            {
                AddTokens(LocationKind.NamedVenue, i, homeEnd);
                i = homeEnd;
                continue;
            }
            // "Brockholes, Preston": a town after a named place is a place whatever else its name is.
            var afterLocation = i > 0 && used[i - 1] && tokens[i].Gap.Trim() == ",";
            if (TryPlace(document, i, nameTokens, afterLocation, out var placeEnd) || TryTripDestination(document, i, nameTokens, out placeEnd)
                || TryAtProperNoun(document, i, nameTokens, out placeEnd) || TryNameBeforeLowerCaseHead(document, i, nameTokens, out placeEnd))
            {
                // "Heywood library", "the Bolton museum": a place's name before a lower-case venue word names that venue
                // (so the school's own town allowed does not allow its library).
                if (document.At(placeEnd + 1) is { IsCapitalised: false, JoinedBySpace: true } head && head.Sentence == tokens[i].Sentence && LowerCaseVenueHeads.Contains(head))
                {
                    placeEnd++;
                }
                // "Exeter services": motorway services named by their town.
                if (document.At(placeEnd + 1) is { } services && services.Is("services") && services.JoinedBySpace)
                {
                    placeEnd++;
                }
                AddTokens(LocationKind.Place, i, placeEnd);
                i = placeEnd;
                continue;
            }
            // "Rhos Y Gwaliau Day 6", "our residential (Quinta)": a centre named by the diary heading or the brackets after its trip.
            if (TryDayHeadingPlace(document, i, nameTokens, out var centreEnd) || TryBracketedCentre(document, i, nameTokens, out centreEnd))
            {
                AddTokens(LocationKind.NamedVenue, i, centreEnd);
                i = centreEnd;
                continue;
            }
            if (TryFeatureOrSettlement(document, i, nameTokens, out var featureEnd))
            {
                AddTokens(LocationKind.Place, i, featureEnd);
                i = featureEnd;
                continue;
            }
            if (TryTheNamedPlace(document, i, nameTokens, out var theEnd))
            {
                AddTokens(LocationKind.NamedVenue, i, theEnd);
                i = theEnd;
                continue;
            }
            if (GenericTripVenues.Contains(tokens[i]) && !tokens[i].IsPossessive && i > 0 && (document.At(i - 1)!.Is("the") || document.At(i - 1)!.Is("a"))
                && !OrganisationAfter.Contains(document.At(i + 1)))
            {
                var first = i - 1;
                // "the leisure centre", "the swimming pool", "the local farm"
                AddTokens(LocationKind.GenericVenue, first, i);
            }
            else if (IsGenericCompoundVenue(document, i, out var compoundEnd))
            {
                AddTokens(LocationKind.GenericVenue, i - 1, compoundEnd);
                i = compoundEnd;
            }
        }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private static bool IsPostcode(string value)
    {
        // A lower-case word like "bl00dy" has the shape of BL0 0DY: lower case counts only when written with the space.
        if (value.Any(char.IsLower) && !value.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }
        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length is < 5 or > 7)
        {
            return false;
        }
        var outward = compact[..^3];
        var area = new string(outward.TakeWhile(char.IsLetter).ToArray());
        return PostcodeAreas.Contains(area) && "CIKMOV".IndexOf(compact[^2], StringComparison.Ordinal) < 0 && "CIKMOV".IndexOf(compact[^1], StringComparison.Ordinal) < 0;
    }

    private static readonly WordSet SchoolWords = new("school primary academy college grammar high infants infant juniors junior nursery");

    private static readonly WordSet VenueLocatives = new("at to visited visiting into");

    /// <summary>Words after an operator that make it an adjective, not a place: "PGL residential", "our PGL group leader", "PGL Update Day 2", "the PGL Netball Tournament".</summary>
    private static readonly WordSet OperatorAdjective = new("""
        residential residentials trip trips group groups leader leaders instructor instructors staff way experience activities activity games style
        adventure adventures holiday week update updates news blog diary tournament tournaments competition netball football disco
        """);

    /// <summary>Words after a county that make it an organisation or a team: "Sussex Cricket", "Surrey Fire and Rescue".</summary>
    private static readonly WordSet RegionOrganisationAfter = new("""
        county cricket council police fire schools school music youth wildlife trust football rugby netball hockey fa league team squad
        girls boys pathway college university primary academy academies constabulary county's wide education awards award
        tournament tournaments championship championships festival games gala
        """);

    /// <summary>
    /// Another school used as a venue ("the tournament at Bolton School", "went to Park School") and
    /// activity-centre operators and sites ("arrived at PGL Liddington", "Robinwood", "Kingswood, Overstrand Hall").
    /// </summary>
    private bool TryOtherSchoolOrOperator(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (!token.IsCapitalised || nameTokens?.Contains(i) == true)
        {
            return false;
        }
        if (UkRegions.Operators.Contains(token.Stem.ToLowerInvariant()) && !token.IsPossessive)
        {
            if (OperatorAdjective.Contains(document.At(i + 1)))
            {
                return false;
            }
            // "PGL Liddington", "PGL Windmill Hill"
            while (end + 1 < document.Tokens.Count && end - i < 2 && document.Tokens[end + 1] is { IsCapitalised: true, JoinedBySpace: true } site
                   && !OperatorAdjective.Contains(site) && !site.StartsWithDigit && nameTokens?.Contains(end + 1) != true && !NotPlaceNames.Contains(site) && !Titles.Contains(site))
            {
                end++;
            }
            return true;
        }
        if (!VenueLocatives.Contains(document.At(i - 1)) || Determiners.Contains(token) || Titles.Contains(token)
            || HasMembersBefore(document, i - 2) || document.At(i - 2) is { } verb && (verb.Is("came") || verb.Is("come") || verb.Is("welcome") || verb.Is("welcomed")))
        {
            return false;
        }
        for (var k = i; k < i + 5 && k < document.Tokens.Count; k++)
        {
            var word = document.Tokens[k];
            if (!word.IsCapitalised || word.Sentence != token.Sentence || (k > i && !word.JoinedBySpace) || word.StartsWithDigit)
            {
                return false;
            }
            if (k > i && SchoolWords.Contains(word))
            {
                // "welcome to St Mary's Primary", "here at Oak School": the school itself; a venue only where a match or a trip is.
                if (!HasEventOrTravelNear(document, i))
                {
                    return false;
                }
                end = k;
                // "Southend High School for Girls", "Bishop's Hatfield Girls' School"
                while (end + 1 < document.Tokens.Count && document.Tokens[end + 1] is { IsCapitalised: true, JoinedBySpace: true } more && SchoolWords.Contains(more))
                {
                    end++;
                }
                if (document.IsWordAt(end + 1, "for") && document.At(end + 2) is { IsCapitalised: true } girls && (girls.Is("girls") || girls.Is("boys")))
                {
                    end += 2;
                }
                return true;
            }
        }
        return false;
    }

    /// <summary>Counties, regions and national parks; nations only where someone goes or is ("into Wales", "in Scotland").</summary>
    private bool TryRegion(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (nameTokens?.Contains(i) == true)
        {
            return false;
        }
        var previous = document.At(i - 1);
        if (previous is not null && previous.Is("of") && document.At(i - 2) is { } head && TitleOfPlace.Contains(head))
        {
            return false;
        }
        if (UkRegions.Nations.Contains(token.Stem.ToLowerInvariant()) && token.IsCapitalised && !token.IsPossessive)
        {
            // "North Wales" is a region (below); "Wales" alone only as somewhere children go or are.
            // "In Britain, harvest festivals...": a sentence about the country, not a trip.
            var going = previous is not null && (LocativeWords.Contains(previous) || StrongLocatives.Contains(previous) || TripObjects.Contains(previous))
                && !previous.Is("for") && !(previous.IsCapitalised && previous.SentenceStart) && !RegionOrganisationAfter.Contains(document.At(i + 1));
            if (going && !(previous!.Is("from") && document.At(i - 2) is { } who && (who.Is("children") || who.Is("pupils"))))
            {
                return true;
            }
            // "Wales – Day #1": a diary heading names where the group is.
            if (token.SentenceStart && document.At(i + 1) is { } day && day.Is("day") && day.Sentence == token.Sentence && document.At(i + 2) is { StartsWithDigit: true })
            {
                return true;
            }
        }
        var last = UkRegions.RegionAt(document, i);
        if (last < 0)
        {
            return false;
        }
        var article = previous is not null && previous.Is("the");
        if (!token.IsCapitalised && !(article && UkRegions.NeedArticle.Contains(token)))
        {
            return false;
        }
        if (RegionOrganisationAfter.Contains(document.At(last + 1)) || document.Tokens[last].IsPossessive && RegionOrganisationAfter.Contains(document.At(last + 1)))
        {
            return false;
        }
        // "the south coast" is a region only when it is where someone goes or is ("here on the south coast"); "North Wales",
        // "West Sussex" end in a proper name and need no article.
        var namedRegion = last > i && !UkRegions.NeedArticle.Contains(document.Tokens[last]) && !document.Tokens[last].Is("coast") && document.Tokens[last].IsCapitalised;
        if (UkRegions.NeedArticle.Contains(token) && !namedRegion && !(article && document.At(i - 2) is { } before && (LocativeWords.Contains(before) || StrongLocatives.Contains(before) || before.Is("on"))))
        {
            return false;
        }
        // A county is where someone is or goes ("Swanage in Dorset", "a trip to Cornwall"), not an area something covers ("all over Herefordshire").
        // "We have asked Hertfordshire for their guidance": the county council, not a place anyone is.
        if (previous is not null && (previous.Is("over") || previous.Is("across") && document.IsWordAt(i - 2, "schools")) || previous is not null && (previous.Is("bbc") || previous.Is("radio"))
            || previous is not null && AskedAuthority.Contains(previous))
        {
            return false;
        }
        end = last;
        return true;
    }

    /// <summary>Words of a diary heading that are no place: "Residential Day 2", "Trip Day 3".</summary>
    private static readonly WordSet DayHeadingNotPlace = new("residential trip camp visit tour blog update diary final last first our the year class team group");

    /// <summary>A diary day's number in words: "Day One".</summary>
    private static readonly WordSet DayNumberWords = new("one two three four five six seven");

    /// <summary>
    /// "Rhos Y Gwaliau Day 6", "Lagganlia Day 2": capitalised words opening a heading line (or after its "Year 4 at") right before "Day" and a number name
    /// the centre the diary is written from. Words of the trip itself, year groups and first names stay out.
    /// </summary>
    private bool TryDayHeadingPlace(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        // "Year 4 at Minstead Day 3": the heading may open with who is there.
        var afterWho = document.At(i - 1) is { } at && (at.Is("at") || at.Is("in")) && at.Sentence == token.Sentence
            && document.SentenceOf(i).TakeWhile(t => t.Index < i - 1).Count() <= 3;
        if (!(token.SentenceStart || afterWho) || !token.IsCapitalised || token.StartsWithDigit || nameTokens?.Contains(i) == true)
        {
            return false;
        }
        var k = i;
        // "Camp Duncan Day One": "Camp" before a name is the camp's own name, whatever the name.
        var camp = token.Is("camp") && document.At(i + 1) is { IsCapitalised: true, JoinedBySpace: true } named && !named.Is("day");
        while (k - i < 3 && document.At(k) is { IsCapitalised: true, StartsWithDigit: false } word && !word.Is("day") && word.Sentence == token.Sentence && (k == i || word.JoinedBySpace)
            // "Bewerley Park Day 2": a venue word after the name, though the lexicon also lists it as a first name.
            && (!DayHeadingNotPlace.Contains(word) || camp && k == i) && !NotPlaceNames.Contains(word)
            && (!FirstNames.Contains(word.Stem) || k > i && VenueWords.Contains(word) || camp && k == i + 1))
        {
            k++;
        }
        if (k == i || document.At(k) is not { } day || !day.Is("day") || day.Sentence != token.Sentence || document.At(k + 1) is not { } number
            || !(number is { StartsWithDigit: true, Text.Length: <= 2 } || DayNumberWords.Contains(number))
            || number.Sentence != token.Sentence || document.SentenceOf(i).Count(t => t.Index >= i) > k - i + 3)
        {
            return false;
        }
        end = k - 1;
        return true;
    }

    /// <summary>Trips and stays whose centre a post may give in brackets: "our Y8 residential (Quinta)".</summary>
    private static readonly WordSet BracketedCentreAfter = new("residential residentials trip trips camp visit stay");

    /// <summary>"our amazing Y8 residential (Quinta)", "the Year 6 trip (Kingswood Dearne Valley)": the centre named in brackets.</summary>
    private static bool TryBracketedCentre(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (!token.IsCapitalised || token.IsAllCaps || token.StartsWithDigit || !token.Gap.Contains('(', StringComparison.Ordinal) || nameTokens?.Contains(i) == true
            || document.At(i - 1) is not { } trip || !BracketedCentreAfter.Contains(trip) || trip.Sentence != token.Sentence || NotPlaceNames.Contains(token))
        {
            return false;
        }
        while (end - i < 3 && document.At(end + 1) is { IsCapitalised: true, JoinedBySpace: true, StartsWithDigit: false } more && more.Sentence == token.Sentence)
        {
            end++;
        }
        return true;
    }

    /// <summary>Words that name a mountain, a lake or a river before its name: "Mount Snowdon", "Moel Siabod", "Loch Lomond".</summary>
    private static readonly WordSet FeatureHeadsBefore = new("mount mt moel loch llyn lake river");

    /// <summary>Settlements named "the resort of X", "the village of X", "the town of X".</summary>
    private static readonly WordSet SettlementWords = new("resort village town city hamlet port island");

    /// <summary>
    /// "Mount Snowdon", "Moel Siabod", "by loch Lomond": a feature word and the capitalised name after it; "the resort of
    /// Bardonecchia", "the village of Grasmere": the name after a settlement word and "of". Names of people and things stay out.
    /// </summary>
    private static bool TryFeatureOrSettlement(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (nameTokens?.Contains(i) == true)
        {
            return false;
        }
        if (token is { IsAllCaps: false, IsPossessive: false } && FeatureHeadsBefore.Contains(token)
            && document.At(i + 1) is { IsCapitalised: true, IsAllCaps: false, StartsWithDigit: false, JoinedBySpace: true } name && name.Sentence == token.Sentence
            && !NotPlaceNames.Contains(name) && !OrganisationAfter.Contains(document.At(i + 2)) && nameTokens?.Contains(i + 1) != true)
        {
            end = i + 1;
            return true;
        }
        if (token is { IsCapitalised: true, IsAllCaps: false, StartsWithDigit: false } && !token.SentenceStart && document.IsWordAt(i - 1, "of")
            && document.At(i - 2) is { IsCapitalised: false } settlement && SettlementWords.Contains(settlement)
            && !NotPlaceNames.Contains(token) && settlement.Sentence == token.Sentence)
        {
            end = i;
            while (document.At(end + 1) is { IsCapitalised: true, JoinedBySpace: true, StartsWithDigit: false } more && more.Sentence == token.Sentence && end - i < 2)
            {
                end++;
            }
            return true;
        }
        return false;
    }

    /// <summary>"at the Happidrome", "in the Pavilion": a capitalised name after "at/in/to the" that is no event, subject or school word.</summary>
    private static bool TryTheNamedPlace(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (!token.IsCapitalised || token.IsAllCaps || token.SentenceStart || nameTokens?.Contains(i) == true || !document.IsWordAt(i - 1, "the")
            || document.At(i - 2) is not { } preposition || !(preposition.Is("at") || preposition.Is("in") || preposition.Is("to") || preposition.Is("into") || preposition.Is("from"))
            || NotPlaceNames.Contains(token) || VenueWords.Contains(token) || GenericVenueModifiers.Contains(token) || OrdinaryWordNames.Contains(token.Stem)
            || OrdinaryWordNames.Weekdays.Contains(token) || token.StartsWithDigit || IsCommonNounHere(document, token))
        {
            return false;
        }
        // "From the Staffroom" as a heading; "at the Pavilion" only where something is held or someone goes.
        if (preposition.SentenceStart && preposition.IsCapitalised || !HasEventOrTravelNear(document, i))
        {
            return false;
        }
        // One word, or a venue word after it ("the Valley Leisure Centre" is found as a named venue already).
        var next = document.At(i + 1);
        if (NotPlaceAfter.Contains(next))
        {
            return false;
        }
        if (next is not null && next.IsCapitalised && next.JoinedBySpace && next.Sentence == token.Sentence)
        {
            return false;
        }
        return true;
    }

    /// <summary>"12 Station Road", "14a High St", "on Church Lane".</summary>
    private static bool TryStreetAddress(TextDocument document, int i, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        var numbered = token.StartsWithDigit && token.Text.Length <= 4 && (token.IsNumber || (token.Text.Length >= 2 && char.IsLetter(token.Text[^1]) && token.Text[..^1].All(char.IsAsciiDigit)));
        var first = numbered ? i + 1 : i;
        if (!numbered && !(AddressLeadWords.Contains(document.At(i - 1)) && token.IsCapitalised && !token.SentenceStart))
        {
            return false;
        }
        for (var k = first; k < first + 4 && k < document.Tokens.Count; k++)
        {
            var word = document.Tokens[k];
            if (!word.IsCapitalised || word.Sentence != token.Sentence || (k > first && !word.JoinedBySpace) || (k == first && numbered && !word.JoinedBySpace))
            {
                return false;
            }
            if (k > first && (numbered ? StreetTypes : StrongStreetTypes).Contains(word))
            {
                if (!numbered && OrganisationAfter.Contains(document.At(k + 1)) && document.At(k + 1)!.IsCapitalised)
                {
                    return false;
                }
                end = k;
                return true;
            }
        }
        return false;
    }

    /// <summary>"Colchester Zoo", "Wingham Wildlife Park", "Museum of London".</summary>
    private bool TryNamedVenue(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var tokens = document.Tokens;
        var token = tokens[i];
        if (!token.IsCapitalised || token.StartsWithDigit || (Titles.Contains(token) && !token.Is("st") && !token.Is("saint")) || nameTokens?.Contains(i) == true)
        {
            return false;
        }
        // "their Easter Gardens": a craft or an event, not a venue.
        if (Festivals.Contains(token))
        {
            return false;
        }
        // "Museum of London"
        if (VenueWords.Contains(token) && document.Followed(i, "of") && document.At(i + 2) is { IsCapitalised: true } of && !GenericVenueModifiers.Contains(of)
            && !UkRegions.Nations.Contains(of.Stem.ToLowerInvariant()))
        {
            end = i + 2;
            return true;
        }
        var hasProperName = false;
        for (var k = i; k < i + 5 && k < tokens.Count; k++)
        {
            var word = tokens[k];
            // "sang at an Ely care home", "Oak House Care Home": a care home after a proper name is a particular venue.
            if (k > i && hasProperName && IsCareHomeHead(document, k + 1) && word.Sentence == token.Sentence && tokens[k + 1].Sentence == token.Sentence)
            {
                end = k + 1;
                return true;
            }
            // "took it to St Johns church": a saint's name makes a lower-case church a particular one.
            if (k > i + 1 && !word.IsCapitalised && word.JoinedBySpace && word.Sentence == token.Sentence && (token.Is("st") || token.Is("saint"))
                && SaintVenueWords.Contains(word))
            {
                end = k;
                return true;
            }
            if (!word.IsCapitalised || word.StartsWithDigit || word.Sentence != token.Sentence || (k > i && !word.JoinedBySpace)
                || FunctionWords.Contains(word) || nameTokens?.Contains(k) == true && !word.IsPossessive)
            {
                return false;
            }
            // "Our School Parliament", "the Youth Parliament": a pupils' council; a nation's parliament ("the Scottish Parliament") is a venue.
            if (word.Is("parliament") && !(document.At(k - 1) is { } nation && (UkRegions.Nations.Contains(nation.Lower) || ParliamentNations.Contains(nation))))
            {
                return false;
            }
            // "to the Town Hall", "in the Village Hall": the civic building of the place the post is about, no particular venue named.
            if (k > i && CivicHeads.Contains(word) && document.IsWordAt(i - 1, "the") && Enumerable.Range(i, k - i).All(m => CivicModifiers.Contains(tokens[m])))
            {
                return false;
            }
            if (k > i && (VenueWords.Contains(word) || Landforms.Contains(word)) && hasProperName)
            {
                // "Zoo Lane" is a street; "Castle Primary" a school.
                if (OrganisationAfter.Contains(document.At(k + 1)) && document.At(k + 1)!.IsCapitalised)
                {
                    return false;
                }
                end = k;
                while (end + 1 < tokens.Count && VenueWords.Contains(tokens[end + 1]) && tokens[end + 1].IsCapitalised && tokens[end + 1].JoinedBySpace)
                {
                    end++;
                }
                return true;
            }
            // "St Mary's Church", "Bishop's Palace": a possessive inside a venue name; elsewhere it ends the name.
            var venueAfterPossessive = word.IsPossessive && document.At(k + 1) is { JoinedBySpace: true } venueNext
                && (venueNext.IsCapitalised && VenueWords.Contains(venueNext) || k == i + 1 && (token.Is("st") || token.Is("saint")) && SaintVenueWords.Contains(venueNext));
            if (word.IsPossessive && k > i && !venueAfterPossessive)
            {
                return false;
            }
            var ordinarySentenceStart = word.SentenceStart && (OrdinaryWordNames.Contains(word.Stem) || !Places.IsPlaceWord(word.Stem) && !FirstNames.Contains(word.Stem))
                && !IsNameBeforeVenueHead(document, k);
            // "Colchester", or a capitalised "Natural History" mid-sentence: a particular venue's name.
            // "Sports Hall Games", "from the DINING HALL": a school's own sports or dining hall names no venue, capitalised or not.
            var schoolSportsHall = (word.Is("sports") || word.Is("dining")) && document.IsWordAt(k + 1, "hall");
            if (!ordinarySentenceStart && !Determiners.Contains(word) && (!GenericVenueModifiers.Contains(word) || !word.SentenceStart) && !VenueWords.Contains(word) && !schoolSportsHall)
            {
                hasProperName = true;
            }
            if (word.IsPossessive && !venueAfterPossessive)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>"care home", "nursing home": the second word of a two-word venue head, in either case.</summary>
    private static bool IsCareHomeHead(TextDocument document, int k) =>
        document.At(k) is { } home && (home.Is("home") || home.Is("homes")) && home.JoinedBySpace
        && document.At(k - 1) is { } care && (care.Is("care") || care.Is("nursing")) && care.JoinedBySpace;

    /// <summary>Heads of a residential home's name that are also house names: "Kilsby House", "Stephenson's Court".</summary>
    private static readonly WordSet HomeHeads = new("house court");

    /// <summary>Words that say the people of a named house are a home's residents: "sang carols with the elderly residents".</summary>
    private static readonly WordSet ResidentWords = new("residents resident elderly");

    /// <summary>
    /// "visited Kilsby House where they sang with the residents", "the residents of Stephenson's Court": a capitalised name and
    /// "House" or "Court", with residents in its sentence or the next, is a residential home (a venue), not a school house.
    /// </summary>
    private static bool TryResidentsHome(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (!token.IsCapitalised || token.IsAllCaps || token.StartsWithDigit || token.SentenceStart || nameTokens?.Contains(i) == true || Determiners.Contains(token)
            || Titles.Contains(token) || HomeHeads.Contains(token) || document.At(i + 1) is not { IsCapitalised: true, JoinedBySpace: true } head
            || head.Sentence != token.Sentence || !HomeHeads.Contains(head) || head.IsAllCaps)
        {
            return false;
        }
        for (var k = Math.Max(0, i - 30); k < Math.Min(document.Tokens.Count, i + 40); k++)
        {
            var word = document.Tokens[k];
            if (word.Sentence >= token.Sentence && word.Sentence <= token.Sentence + 1 && !word.IsCapitalised && ResidentWords.Contains(word))
            {
                end = i + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>Capitalised words that open headings before a venue word: "Fantastic Farm", "School Farm".</summary>
    private static readonly WordSet HeadingWords = new("""
        fantastic amazing great super brilliant wonderful fun exciting lovely fabulous busy happy school class our trip visit day
        """);

    /// <summary>"Blacklands Farm – Day 4", "Longdown Farm": a line-opening word right before a capitalised venue word is the venue's name.</summary>
    private static bool IsNameBeforeVenueHead(TextDocument document, int k)
    {
        var word = document.Tokens[k];
        if (document.At(k + 1) is not { IsCapitalised: true, JoinedBySpace: true } head || head.Sentence != word.Sentence || !VenueWords.Contains(head)
            || word.IsPossessive || word.IsAllCaps || HeadingWords.Contains(word) || GenericVenueModifiers.Contains(word) || VenueWords.Contains(word) || IsCommonNounHere(document, word))
        {
            return false;
        }
        var stem = word.Lower;
        return !(stem.EndsWith("ful", StringComparison.Ordinal) || stem.EndsWith("ous", StringComparison.Ordinal) || stem.EndsWith("ic", StringComparison.Ordinal)
            || stem.EndsWith("ing", StringComparison.Ordinal) || stem.EndsWith("ed", StringComparison.Ordinal) || stem.EndsWith("y", StringComparison.Ordinal));
    }

    /// <summary>Verbs that make a county the council: "asked Hertfordshire", "informed Kent".</summary>
    private static readonly WordSet AskedAuthority = new("asked contacted informed told advised consulted");

    /// <summary>"Youngsters in Year Eight at Charters School": members of the school a few words before it.</summary>
    private static bool HasMembersBefore(TextDocument document, int index)
    {
        for (var k = index; k >= 0 && k > index - 4 && document.Tokens[k].Sentence == document.Tokens[index + 1].Sentence; k--)
        {
            if (MembersBefore.Contains(document.Tokens[k]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsNameElsewhere(TextDocument document, Token token, IReadOnlySet<int> nameTokens)
    {
        foreach (var index in nameTokens)
        {
            if (index != token.Index && document.At(index) is { } other && string.Equals(other.Stem, token.Stem, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Words before a team's name in a match: "against Filey", "v Park Lane".</summary>
    private static readonly WordSet AgainstWords = new("against v vs versus v's beat beating");

    /// <summary>Words after a team's name: "the Malton match", "a defensive Marsden Heights team".</summary>
    private static readonly WordSet OpponentAfter = new("match matches team teams game games fixture side squad");

    private static bool IsOpponent(TextDocument document, int first, int last)
    {
        var before = document.At(first - 1);
        var next = last + 1;
        // "a defensive Marsden Heights team"
        while (document.At(next) is { IsCapitalised: true, JoinedBySpace: true } more && more.Sentence == document.Tokens[last].Sentence && next - last < 3)
        {
            next++;
        }
        var after = document.At(next);
        // "2nd Place = Derry Hill", "1st Millway": a results table lists teams.
        var ranked = before is not null && before.Sentence == document.Tokens[first].Sentence
            && (before.Is("place") || NotAPersonContext.IsRank(before));
        // "we were drawn with Chalkwell Hall": the teams of a draw.
        var drawn = before is not null && before.Is("with") && document.At(first - 2) is { } draw && (draw.Is("drawn") || draw.Is("paired") || draw.Is("grouped"));
        return ranked || drawn || before is not null && AgainstWords.Contains(before) && before.Sentence == document.Tokens[first].Sentence
            || after is not null && OpponentAfter.Contains(after) && !after.IsCapitalised && after.Sentence == document.Tokens[last].Sentence && !document.IsWordAt(first - 1, "at");
    }

    private static bool IsOwnBuilding(TextDocument document, int first, int last)
    {
        if (document.At(first - 1) is not { } article || !(article.Is("the") || article.Is("our")))
        {
            return false;
        }
        // "the School Chapel", "the Infant School Hall"; not "the Bolton School Sports Centre", another school's.
        return first < last && SchoolWords.Contains(document.Tokens[first]);
    }

    /// <summary>"the leisure centre", "the swimming pool", "the activity centre": off-site but unnamed.</summary>
    private static bool IsGenericCompoundVenue(TextDocument document, int i, out int end)
    {
        end = i;
        if (!document.IsWordAt(i - 1, "the") || !GenericVenueModifiers.Contains(document.At(i)))
        {
            return false;
        }
        for (var k = i; k < i + 3; k++)
        {
            var word = document.At(k);
            if (word is null)
            {
                return false;
            }
            if (VenueWords.Contains(word) && k > i)
            {
                end = k;
                return true;
            }
            if (!GenericVenueModifiers.Contains(word))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>"a trip to Howletts", "three days in Snowdonia", "visited Wildwood": the capitalised object of a trip is a place.</summary>
    private static bool TryTripDestination(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        var previous = document.At(i - 1);
        if (!token.IsCapitalised || token.SentenceStart || token.IsAllCaps || nameTokens?.Contains(i) == true || previous is null || Determiners.Contains(token) || NameContext.IsYearGroup(document, i)
            || Titles.Contains(token) || NotPlaceNames.Contains(token) || OrdinaryWordNames.Weekdays.Contains(token) || OrdinaryWordNames.Months.Contains(token))
        {
            return false;
        }
        if (VenueWords.Contains(token) && !(document.At(i + 1) is { IsCapitalised: true, JoinedBySpace: true } sameLine && sameLine.Sentence == token.Sentence)
            || NotPlaceAfter.Contains(document.At(i + 1)) || IsCommonNounHere(document, token))
        {
            return false;
        }
        // "St Paul's in Chipperfield", "a chapel in Aylsham": "in" after a named place or venue names where it is.
        var afterName = previous.Is("in") && document.At(i - 2) is { IsCapitalised: true } named && !named.SentenceStart && !Titles.Contains(named)
            && (named.IsPossessive || VenueWords.Contains(named) || SchoolWords.Contains(named)) && !FunctionWords.Contains(token);
        // "an adventure around Newby Wiske", "into Snowdonia"
        if ((StrongLocatives.Contains(previous) || afterName) && !FunctionWords.Contains(token))
        {
            while (end + 1 < document.Tokens.Count && document.Tokens[end + 1] is { IsCapitalised: true, JoinedBySpace: true } next && next.Sentence == token.Sentence && nameTokens?.Contains(end + 1) != true && !next.StartsWithDigit && end - i < 3)
            {
                end++;
            }
            return true;
        }
        // "must go to Tanith, Emily and William": a list of people, not a place.
        if (document.At(i + 1) is { } listNext && (listNext.Gap.Trim() == "," || listNext.Is("and")) && nameTokens is not null
            && (nameTokens.Contains(i + 1) || nameTokens.Contains(i + 2)))
        {
            return false;
        }
        // "must go to Deacon in Y2", "goes to Ferne in Year 5": a pupil named with a class, not a place.
        if (document.IsWordAt(i + 1, "in") && document.At(i + 1)!.Sentence == token.Sentence && NameContext.IsYearGroup(document, i + 2))
        {
            return false;
        }
        // "a week in the Lake District": the article may come between.
        var preposition = previous.Is("the") ? document.At(i - 2) : previous;
        var offset = previous.Is("the") ? 1 : 0;
        var afterTrip = previous.Is("visited")
            || (preposition is not null && (preposition.Is("to") || preposition.Is("in") || preposition.Is("at")) && TripObjects.Contains(document.At(i - 2 - offset)))
            // "set off for Bourton", "headed for the Lake District": a departure's "for" names its destination.
            || (preposition is not null && preposition.Is("for") && DepartureBeforeFor.Contains(document.At(i - 2 - offset)));
        if (!afterTrip)
        {
            return false;
        }
        while (end + 1 < document.Tokens.Count && document.Tokens[end + 1] is { IsCapitalised: true, JoinedBySpace: true } more && more.Sentence == token.Sentence && nameTokens?.Contains(end + 1) != true && !more.StartsWithDigit && end - i < 3)
        {
            end++;
        }
        return true;
    }

    private bool TryPlace(TextDocument document, int i, IReadOnlySet<int>? nameTokens, bool afterLocation, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (!token.IsCapitalised || nameTokens?.Contains(i) == true || Titles.Contains(document.At(i - 1)) && document.At(i - 1)!.IsCapitalised)
        {
            return false;
        }
        var place = Places.LongestAt(document, i);
        if (place is null)
        {
            return false;
        }
        end = i + place.Words.Count - 1;
        var last = document.Tokens[end];
        if (!last.IsCapitalised)
        {
            return false;
        }
        var next = document.At(end + 1);
        if (next is not null && next.IsCapitalised && next.JoinedBySpace && (OrganisationAfter.Contains(next) || EventAfter.Contains(next)))
        {
            return false;
        }
        // "Hythe Bay Primary", "Ashford Oaks Academy": a school or club whose name starts with the place.
        for (var k = end + 2; k <= end + 3 && document.At(k - 1) is { IsCapitalised: true, JoinedBySpace: true }; k++)
        {
            if (document.At(k) is { IsCapitalised: true, JoinedBySpace: true } later && OrganisationAfter.Contains(later))
            {
                return false;
            }
        }
        // "Enid Blyton", "Olivia Nelson": a surname after a first name, not a place.
        if (document.At(i - 1) is { IsCapitalised: true } before && token.JoinedBySpace && FirstNames.Contains(before.Stem) && !LocativeWords.Contains(before))
        {
            return false;
        }
        // "the Great Fire of London", "the Duke of Edinburgh", "to the tune of London Bridge": a title or a song, not a place.
        if (document.IsWordAt(i - 1, "of") && document.At(i - 2) is { } eventWord && (TitleOfPlace.Contains(eventWord) || eventWord.Is("tune")))
        {
            return false;
        }
        // "Chelsea P had...", "Freddie J": a first name and an initial; "BBC Hereford and Worcester": a station.
        if (next is not null && next.Text.Length == 1 && char.IsUpper(next.Text[0]) && next.JoinedBySpace && !(document.At(end + 2) is { IsCapitalised: true })
            || document.At(i - 1) is { } station && (station.Text == "BBC" || station.Is("radio")))
        {
            return false;
        }
        // Pudsey is Children in Need's bear.
        if (token.Is("Pudsey") && (document.Text.Contains("Children in Need", StringComparison.OrdinalIgnoreCase) || next is not null && (next.Is("bear") || next.Is("the"))))
        {
            return false;
        }
        // A town abroad named like a first name or an ordinary word ("Florence", "Mark") is left to a trip's words ("a trip to Florence").
        if (place.Abroad && place.Words.Count == 1 && (FirstNames.Contains(token.Stem) || OrdinaryWordNames.Contains(token.Stem)))
        {
            return false;
        }
        // "Mary Seacole was born in Jamaica": a life story's places abroad are nobody's whereabouts.
        if (place.Abroad && document.At(i - 1) is { } at && (at.Is("in") || at.Is("at")) && LifeVerbs.Contains(document.At(i - 2)))
        {
            return false;
        }
        // A town abroad is named only where a place is expected ("in Bayeux", "to Reykjavík"): elsewhere it is more often a surname or a word.
        var needsContext = place.Abroad || place.IsOrdinaryWord || (place.Words.Count == 1 && (FirstNames.Contains(token.Stem) || OrdinaryWordNames.Contains(token.Stem)));
        if (!needsContext)
        {
            return true;
        }
        // "Chelsea P had an argument with a net ... no damage to Chelsea": a word the post uses as a person's name stays one.
        if (nameTokens is not null && place.Words.Count == 1 && IsNameElsewhere(document, token, nameTokens))
        {
            return false;
        }
        // "Wallace Hall Gets Ready to Rock": a town named like an ordinary word, capitalised only by a title-case heading.
        if (place.IsOrdinaryWord && IsTitleCaseLine(document, i))
        {
            return false;
        }
        var nextIsName = next is not null && next.IsCapitalised && next.JoinedBySpace && !VenueWords.Contains(next);
        // "enjoying their Paris trip", "our Reykjavik visit": a town written before the trip it names.
        var beforeTrip = next is { IsCapitalised: false, JoinedBySpace: true } trip && TripNounsAfterPlace.Contains(trip) && trip.Sentence == token.Sentence
            && document.At(i - 1) is { } determiner && PlaceTripDeterminers.Contains(determiner);
        return (LocativeWords.Contains(document.At(i - 1)) || afterLocation || beforeTrip) && !token.SentenceStart && !nextIsName && !NameContext.IsUsedAsMonth(document, i);
    }

    /// <summary>Lower-case words that join a place's hyphenated name: "Betws-y-Coed", "Stoke-on-Trent", "Ashby-de-la-Zouch".</summary>
    private static readonly WordSet HyphenLinkers = new("y yr ar upon on under super le en by sub de la cum next in the");

    /// <summary>
    /// "Dan-y-Wenallt", "Walton-on-the-Naze", "Barton-le-Clay": capitalised words joined by hyphens and lower-case linking words
    /// are a place's name, in the gazetteer or not (nobody's first name and surname are written so).
    /// </summary>
    private static bool TryHyphenatedPlace(TextDocument document, int i, out int end)
    {
        end = i;
        if (document.Tokens[i] is not { IsCapitalised: true, StartsWithDigit: false } || document.At(i + 1) is not { JoinedByHyphen: true, IsCapitalised: false } linker
            || !HyphenLinkers.Contains(linker))
        {
            return false;
        }
        var k = i + 2;
        while (document.At(k) is { JoinedByHyphen: true, IsCapitalised: false } more && HyphenLinkers.Contains(more))
        {
            k++;
        }
        if (document.At(k) is not { JoinedByHyphen: true, IsCapitalised: true, StartsWithDigit: false })
        {
            return false;
        }
        end = k;
        return true;
    }

    /// <summary>Trip nouns a town may stand before: "their Paris trip".</summary>
    private static readonly WordSet TripNounsAfterPlace = new("trip trips visit residential tour excursion exchange");

    /// <summary>Words before "Paris trip" that make it a trip's place: "their", "our", "the", "this year's".</summary>
    private static readonly WordSet PlaceTripDeterminers = new("the our their this your a an");

    /// <summary>Verbs of a life story before "in": "born in Jamaica", "grew up in Lagos".</summary>
    private static readonly WordSet LifeVerbs = new("born died buried lived raised grew up");

    /// <summary>Verbs of making before "a/our X": "created a Remembrance Gallery in the hall" is a display, not a venue.</summary>
    private static readonly WordSet MakingVerbs = new("created create creating made make making built build building designed design designing");

    /// <summary>Roles whose area follows "for": "county co-ordinator for Staffordshire" says where the job is, not where anyone is.</summary>
    private static readonly WordSet AreaRoles = new("coordinator co-ordinator ordinator officer manager lead director representative ambassador adviser advisor organiser");

    /// <summary>"U18s", "U11", "u9s": an age group's team.</summary>
    private static bool IsAgeGroupTeam(Token token)
    {
        var text = token.Stem.EndsWith('s') ? token.Stem[..^1] : token.Stem;
        return text.Length is >= 2 and <= 3 && text[0] is 'U' or 'u' && text[1..].All(char.IsAsciiDigit);
    }

    /// <summary>
    /// A place or venue that names nobody's whereabouts: inside a work's title-case quotation ("‘In Flanders Field’"), a thing
    /// the children made ("created a Remembrance Gallery"), a role's area ("co-ordinator for Staffordshire"), or a venue phrase
    /// the same post also writes in lower case ("Visit the Library and Fire Station" beside "the library and fire station"), a
    /// staged work's title ("the Treasure Island performance"), a place inside an event's name ("the Worcester Youth Games"),
    /// or an age group's team ("the U18s").
    /// </summary>
    /// <summary>Capitalised heads of "X of [place]" that name a history topic or a title: "Great Fire of London", "Mayor of London".</summary>
    private static readonly WordSet EventsAndTitlesOf = new("fire battle siege plague treaty sack raid invasion mayor duke duchess earl bishop archbishop");

    /// <summary>Verbs of speaking after a surname: "Whitehead said".</summary>
    private static readonly WordSet SpeakingVerbs = new("said says added explained commented told remarked");

    /// <summary>Prepositions that keep a word before a verb a place: "the weather in Whitehead was...".</summary>
    private static readonly WordSet PlacePrepositions = new("in at to from near into around through");

    private static bool IsNotWhereAnyoneIs(TextDocument document, int first, int last)
    {
        if (NotAPersonContext.IsInsideWorkTitle(document, first))
        {
            return true;
        }
        var previous = document.At(first - 1);
        if (previous is not null && (previous.Is("a") || previous.Is("an") || previous.Is("our") || previous.Is("their")) && MakingVerbs.Contains(document.At(first - 2)))
        {
            return true;
        }
        if (previous is not null && previous.Is("for") && AreaRoles.Contains(document.At(first - 2)))
        {
            return true;
        }
        // "the Great Fire of London", "the Battle of Hastings", "the Mayor of London": a history topic or a title, not where anyone is.
        if (previous is not null && previous.Is("of") && document.At(first - 2) is { IsCapitalised: true } head && head.Sentence == previous.Sentence && EventsAndTitlesOf.Contains(head))
        {
            return true;
        }
        // "... Whitehead said.": a surname that speaks, not a place (the gazetteer's Whitehead).
        if (first == last && document.At(last + 1) is { IsCapitalised: false } spoke && spoke.Sentence == document.Tokens[last].Sentence && SpeakingVerbs.Contains(spoke)
            && !(previous is not null && previous.Sentence == spoke.Sentence && PlacePrepositions.Contains(previous)))
        {
            return true;
        }
        // "the Treasure Island performance": a staged work's title.
        if (document.At(last + 1) is { IsCapitalised: false, JoinedBySpace: true } staged && staged.Sentence == document.Tokens[last].Sentence && StagedWorkAfter.Contains(staged))
        {
            return true;
        }
        // "the Worcester Youth Games": a place inside an event's name, an event head one or two capitalised words on.
        for (var k = last + 1; k <= last + 2 && document.At(k) is { IsCapitalised: true, JoinedBySpace: true } word && word.Sentence == document.Tokens[last].Sentence; k++)
        {
            if (EventAfter.Contains(word))
            {
                return true;
            }
        }
        // "in the U18s", "the U11 squad": an age group's team.
        if (first == last && IsAgeGroupTeam(document.Tokens[first]))
        {
            return true;
        }
        return last > first && Enumerable.Range(first, last - first + 1).All(k => IsCommonNounHere(document, document.Tokens[k]));
    }

    /// <summary>A capitalised word the same post also writes in lower case ("Visit to Allotment" beside "the allotment") is a common noun, not a name.</summary>
    private static bool IsCommonNounHere(TextDocument document, Token token) =>
        token.IsCapitalised && !token.IsAllCaps && LowerCaseWords(document).Contains(token.Lower);

    private static HashSet<string> LowerCaseWords(TextDocument document) =>
        document.Memo(typeof(LowerCaseWordsKey), d => d.Tokens.Where(t => char.IsLower(t.Stem[0])).Select(t => t.Lower).ToHashSet(StringComparer.Ordinal));

    private sealed class LowerCaseWordsKey;

    /// <summary>Words after "at" that name a time, an event or a group rather than a place: "at Christmas", "at Breakfast Club".</summary>
    private static readonly WordSet NotPlaceAfterAt = new("""
        evening morning afternoon assembly service concert fair show party disco meeting time break lunch club day week night
        mass worship tournament tournaments championship championships gala match matches competition final finals race game games
        brownies cubs scouts beavers rainbows guides explorers children pupils students everyone lunchtime bedtime playtime home
        """);

    /// <summary>Words before "at X" that make X the school itself: "here at Oakwood", "welcome to".</summary>
    private static readonly WordSet OwnSchoolBefore = new("here welcome welcomed us everyone everybody all");

    /// <summary>Words before "from X" that make X where the group is or was: "blog updates from Lagganlia", "travelled back from Kielder".</summary>
    private static readonly WordSet FromTheTripBefore = new("updates update blog photos pictures news back returned returning travelled traveled travelling journeyed home");

    /// <summary>
    /// "at/near + proper noun (+ venue head)": "the day will be spent at Brockholes", "awaiting luggage at Gatwick",
    /// "the staff at Lagganlia", "blog updates from Lagganlia" — a capitalised name the gazetteer does not know, where a trip, a
    /// stay or an event is told.
    /// </summary>
    private bool TryAtProperNoun(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        var previous = document.At(i - 1);
        if (previous is null || !(previous.Is("at") || previous.Is("near") || previous.Is("from") && FromTheTripBefore.Contains(document.At(i - 2)))
            || previous.IsCapitalised && previous.SentenceStart || previous.Sentence != token.Sentence
            || !token.IsCapitalised || token.IsAllCaps || token.SentenceStart || token.StartsWithDigit || token.Stem.Length < 3 || nameTokens?.Contains(i) == true
            || Determiners.Contains(token) || Titles.Contains(token) || NotPlaceNames.Contains(token) || GenericVenueModifiers.Contains(token)
            || OrdinaryWordNames.Contains(token.Stem) || OrdinaryWordNames.Weekdays.Contains(token) || OrdinaryWordNames.Months.Contains(token)
            || FirstNames.Contains(token.Stem) || NameContext.IsYearGroup(document, i) || IsCommonNounHere(document, token)
            || OwnSchoolBefore.Contains(document.At(i - 2)) || HasMembersBefore(document, i - 2) && !document.IsWordAt(i - 3, "the"))
        {
            return false;
        }
        // "at Pre-School", "at After-School Club": a hyphenated word is no name here.
        if (document.At(i + 1) is { JoinedByHyphen: true })
        {
            return false;
        }
        // A heading in title case ("Fun At Christmas") names nothing; neither does a team or an event ("at Rushcliffe Schools' Festival").
        // "P7 at Benmore": a short heading that puts a year group somewhere needs no other cue.
        var groupHeading = document.SentenceOf(i).Take(6).Count() <= 4 && NameContext.IsYearGroup(document, document.SentenceOf(i).First().Index);
        // "updates from X", "travelled back from X" tell the trip in themselves.
        if (previous.IsCapitalised && IsTitleCaseLine(document, i) || !groupHeading && !previous.Is("from") && !HasEventOrTravelNear(document, i))
        {
            return false;
        }
        while (document.At(end + 1) is { IsCapitalised: true, JoinedBySpace: true } more && more.Sentence == token.Sentence && !more.StartsWithDigit && end - i < 3
               && nameTokens?.Contains(end + 1) != true)
        {
            end++;
        }
        for (var k = i; k <= end; k++)
        {
            var word = document.Tokens[k];
            if (NotPlaceAfterAt.Contains(word) || NotPlaceAfter.Contains(word) || OrganisationAfter.Contains(word) && !SchoolWords.Contains(word) || EventAfter.Contains(word))
            {
                return false;
            }
        }
        return !NotPlaceAfter.Contains(document.At(end + 1)) && !NotPlaceAfterAt.Contains(document.At(end + 1));
    }

    /// <summary>"leaving Furrowfields car park", "the Brockhill library": a capitalised name the lexicons do not know before a lower-case venue word.</summary>
    private bool TryNameBeforeLowerCaseHead(TextDocument document, int i, IReadOnlySet<int>? nameTokens, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        if (!token.IsCapitalised || token.IsAllCaps || token.SentenceStart || token.IsPossessive || token.StartsWithDigit || token.Stem.Length < 3 || nameTokens?.Contains(i) == true
            || Determiners.Contains(token) || Titles.Contains(token) || NotPlaceNames.Contains(token) || Festivals.Contains(token) || GenericVenueModifiers.Contains(token)
            || OrdinaryWordNames.Contains(token.Stem) || OrdinaryWordNames.Weekdays.Contains(token) || OrdinaryWordNames.Months.Contains(token)
            || FirstNames.Contains(token.Stem) || VenueWords.Contains(token) || NameContext.IsYearGroup(document, i) || IsCommonNounHere(document, token)
            || document.At(i - 1) is { IsCapitalised: true, JoinedBySpace: true } before && before.Sentence == token.Sentence)
        {
            return false;
        }
        if (document.At(i + 1) is not { IsCapitalised: false, JoinedBySpace: true } head || head.Sentence != token.Sentence)
        {
            return false;
        }
        if (head.Is("car") && document.At(i + 2) is { } park && park.Is("park") && park.JoinedBySpace)
        {
            end = i + 2;
            return true;
        }
        if (!LowerCaseVenueHeads.Contains(head) || head.IsPossessive || IsKindAdjective(token))
        {
            return false;
        }
        end = i + 1;
        return true;
    }

    /// <summary>Periods, peoples and denominations say what kind of venue, not which: "the Victorian church", "a Methodist chapel".</summary>
    private static readonly WordSet KindAdjectives = new("tudor tudors norman normans saxon viking vikings celtic methodist baptist catholic anglican quaker parish");

    private static bool IsKindAdjective(Token token)
    {
        var lower = token.Lower;
        return KindAdjectives.Contains(token) || lower.EndsWith("ian", StringComparison.Ordinal) || lower.EndsWith("ean", StringComparison.Ordinal)
            || lower.EndsWith("ish", StringComparison.Ordinal) || lower.EndsWith("ese", StringComparison.Ordinal) || lower.EndsWith("ist", StringComparison.Ordinal)
            || lower.EndsWith("ic", StringComparison.Ordinal);
    }

    /// <summary>Every word of the line capitalised except short function words: a heading.</summary>
    private static bool IsTitleCaseLine(TextDocument document, int i)
    {
        var sentence = document.SentenceOf(i).ToList();
        return sentence.Count >= 3 && sentence.TrueForAll(t => t.IsCapitalised || t.StartsWithDigit || t.Stem.Length <= 3);
    }
}
