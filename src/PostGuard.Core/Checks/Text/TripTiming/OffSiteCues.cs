using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>A word or place in the text that puts children away from school: "trip", "coach", "at the zoo", "Canterbury".</summary>
public sealed record OffSiteCue(int Start, int Length, int Sentence, string Text)
{
    /// <summary>An activity-centre programme item or diary day ("abseiling", "Day 2") rather than a trip word or place.</summary>
    public bool Activity { get; init; }

    /// <summary>A group's present progressive at a place ("are doing brilliantly at PGL"): happening as the post is written.</summary>
    public bool Now { get; init; }
}

/// <summary>
/// Off-site cues for R8: trip words (trip, visit, residential, outing, coach...), travel phrases,
/// away fixtures, and any location or venue the location finder reports.
/// </summary>
public static class OffSiteCues
{
    private static readonly WordSet TripWords = new("""
        trip trips residential residentials outing outings excursion excursions coach coaches minibus expedition camp camping
        visit visiting tour fieldtrip field-trip sleepover dorm dorms dormitory dormitories bunk bunks bunkbed bunkbeds
        hostel lodges chalets ferry ski skiing slopes piste plane flight flights airport suitcase suitcases
        """);

    /// <summary>"Mrs Henchy coaches the girls", "football coach": a person who coaches, not a bus.</summary>
    private static readonly WordSet CoachedWho = new("the a an our their his her them him pupils children students girls boys team teams");

    private static readonly WordSet CoachSports = new("football netball rugby cricket tennis hockey swimming sports sport pe dance gymnastics athletics head assistant team country");

    /// <summary>Phrases that bring a visitor to school: every "visit" in such a post is that visit.</summary>
    private static readonly PhraseMatcher VisitorComes = new(
        "visit us", "visited us", "visiting us", "visits us", "visit from", "visiting school", "visited school", "came to school", "come to school", "come into school", "came into school", "coming into school");

    /// <summary>"a visit to the new Reception classes": a visit inside the school.</summary>
    private static readonly WordSet SchoolRooms = new("class classes classroom classrooms");

    /// <summary>Words after "exchange" that make it a school exchange: "exchange trip", "exchange students".</summary>
    private static readonly WordSet ExchangeNouns = new("trip trips visit visits students student partner partners programme program families");

    /// <summary>
    /// "Japanese Exchange 2015 – Day 5", "our German exchange", "the exchange students": a school exchange, away with host
    /// families (not "in exchange for", "exchange ideas").
    /// </summary>
    private static bool IsExchangeVisit(TextDocument document, int i) =>
        document.Tokens[i] is var token && (token.Is("exchange") || token.Is("exchanges"))
        && (document.At(i - 1) is { IsCapitalised: true } nation && nation.Sentence == token.Sentence && !NotAnExchangesNation.Contains(nation) && !nation.StartsWithDigit
            || ExchangeNouns.Contains(document.At(i + 1)));

    /// <summary>Capitalised words before "exchange" that name no partner country: "In exchange for", "The exchange".</summary>
    private static readonly WordSet NotAnExchangesNation = new("in an a the our their this that for of and as currency");

    /// <summary>Whoever comes to school: "Fire Brigade visit", "a police visit", "we look forward to having you visit".</summary>
    private static readonly WordSet Visitors = new("brigade fire police firefighter firefighters author poet vicar nurse dentist planetarium dome theatre crew service you parents families grandparents carers");

    /// <summary>
    /// What groups do at outdoor and activity centres. One of them can happen at school (archery in PE);
    /// two different ones in a post, or one beside a diary's "Day 2", are an activity-centre stay.
    /// </summary>
    private static readonly PhraseMatcher CentreActivities = new(
        "abseiling", "abseil", "canoeing", "kayaking", "coasteering", "orienteering", "archery", "trapeze", "bushcraft", "caving",
        "gorge walking", "gorge walk", "ghyll scrambling", "paddleboarding", "paddle boarding", "bodyboarding", "body boarding", "rafting",
        "raft building", "zip wire", "zipwire", "zip line", "zip-wire", "high ropes", "low ropes", "giant swing", "jacob's ladder",
        "climbing wall", "leap of faith", "aeroball", "sensory trail", "quad biking", "rock climbing", "sea kayaking", "campfire",
        "camp fire", "night walk", "wacky races", "buggy building", "pedal karts", "fencing", "sailing", "dragon boat", "rifle shooting");

    /// <summary>A diary's day heading: "Day 2", "Day Three".</summary>
    private static readonly PhraseMatcher DiaryDays = new(
        "day 1", "day 2", "day 3", "day 4", "day 5", "day one", "day two", "day three", "day four", "day five", "day #1", "day #2", "day #3");

    private static void AddActivityCues(TextDocument document, List<OffSiteCue> cues)
    {
        var activities = CentreActivities.Matches(document).ToList();
        var distinct = activities.Select(m => document.LowerAt(m.First)).Distinct(StringComparer.Ordinal).Count();
        var days = DiaryDays.Matches(document).ToList();
        if (distinct < 2 && !(distinct == 1 && days.Count > 0))
        {
            return;
        }
        foreach (var (first, last) in activities.Concat(days))
        {
            var start = document.Tokens[first].Start;
            var end = document.Tokens[last].End;
            cues.Add(new OffSiteCue(start, end - start, document.Tokens[first].Sentence, document.Text[start..end]) { Activity = true });
        }
    }

    public static bool IsActivity(OffSiteCue cue) => cue.Activity;

    /// <summary>A diary's day heading ("Day 1", "Day Three") starts at token <paramref name="i"/>.</summary>
    public static bool IsDiaryDay(TextDocument document, int i) => DiaryDays.MatchAt(document, i, out _);

    private static readonly WordSet GroupSubjects = new("we they children pupils students class team teams group groups everyone girls boys choir squad y1 y2 y3 y4 y5 y6 y7 y8 y9 y10 y11 reception nursery");

    /// <summary>Progressives about a topic, not a place: "learning about life in London".</summary>
    private static readonly WordSet TopicVerbs = new("learning learned learnt learn studying reading read writing wrote looking thinking talking talked researching finding found discussing discussed drawing painting");

    /// <summary>Adverbs that may stand between "are" and its verb: "we're now pulling in to Dover".</summary>
    private static readonly WordSet ProgressiveAdverbs = new("now currently still just all");

    /// <summary>Progressives of a journey, whose place may follow "to" or "into": "heading to Calais", "pulling in to Dover".</summary>
    private static readonly WordSet JourneyVerbs = new("heading travelling traveling driving pulling flying sailing walking going crossing approaching coming making getting");

    /// <summary>
    /// "are doing brilliantly at PGL", "are having a great time in Whitstable", "we're now pulling in to Dover": a verb in -ing
    /// after am/is/are (an adverb such as "now" may come between), then at/in a place, or to/into one after a journey's verb.
    /// The verb's index is <paramref name="verbIndex"/>.
    /// </summary>
    private static bool IsProgressiveAtPlace(TextDocument document, int i, IReadOnlyList<LocationMention> locations, out int verbIndex)
    {
        var token = document.Tokens[i];
        verbIndex = i + 1;
        // The children's group is the subject: "Year 6 are", "the children are", "we're" (not "Mrs Smith is retiring in Canterbury").
        var group = token.Is("we're") || token.Is("they're")
            || ((token.Is("are") || token.Is("is")) && document.At(i - 1) is { } subject && subject.Sentence == token.Sentence
                && (GroupSubjects.Contains(subject) || subject.IsNumber && document.At(i - 2) is { } year && (year.Is("year") || year.Is("years"))));
        if (group && document.At(verbIndex) is { } adverb && adverb.Sentence == token.Sentence && ProgressiveAdverbs.Contains(adverb))
        {
            verbIndex++;
        }
        if (!group || document.At(verbIndex) is not { } verb || verb.Sentence != token.Sentence
            || verb.IsCapitalised || verb.Stem.Length <= 4 || !verb.Stem.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || TopicVerbs.Contains(verb))
        {
            return false;
        }
        var journey = JourneyVerbs.Contains(verb);
        for (var k = verbIndex + 1; k <= verbIndex + 6 && document.At(k) is { } word && word.Sentence == token.Sentence; k++)
        {
            var placeAt = k + 1;
            if (journey && word.Is("in") && document.IsWordAt(k + 1, "to"))
            {
                // "pulling in to Dover"
                placeAt = k + 2;
            }
            if ((word.Is("at") || word.Is("in") || (journey && (word.Is("to") || word.Is("into")))) && document.At(placeAt) is { } place
                && place.Sentence == token.Sentence && locations.Any(l => !l.Allowed && l.Kind != LocationKind.GenericVenue && l.Start == place.Start))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Words that may stand between "no" and the trip word it denies: "no common transfer / secondary transition day".</summary>
    private static readonly WordSet NotDenied = new("on at in to for from during was were is are the a an our their we they with after before of and but");

    /// <summary>"there will be no trip", "no residential this year", "no secondary transition day".</summary>
    private static bool IsNegated(TextDocument document, int i)
    {
        var sentence = document.Tokens[i].Sentence;
        for (var k = i - 1; k >= 0 && k >= i - 4 && document.Tokens[k].Sentence == sentence; k--)
        {
            var before = document.Tokens[k];
            if (before.Is("no"))
            {
                return true;
            }
            if (NotDenied.Contains(before))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Words before "school" that make it the post's own school: "your child's school", "our school".</summary>
    private static readonly WordSet OwnSchoolWords = new("your our this child child's childs children children's");

    /// <summary>Words of a school's name after its town or saint: "St Cuthberts R C Primary School".</summary>
    private static readonly WordSet SchoolNameWords = new("r c rc ce cofe c of e catholic primary junior infant infants first church academy");

    /// <summary>
    /// A visit whose object is the post's own school ("visiting your child's school", "visiting St Cuthberts R C Primary School"
    /// whose name is no place outside the policy's): the visitors come to the children, nobody goes out. Another school,
    /// found as a place the policy does not allow ("visiting Parkside Academy School"), or "the school" is still a trip.
    /// </summary>
    private static bool VisitsOwnSchool(TextDocument document, int i, IReadOnlyList<LocationMention> locations)
    {
        var sentence = document.Tokens[i].Sentence;
        for (var k = i + 1; k <= i + 8 && document.At(k) is { } word && word.Sentence == sentence; k++)
        {
            if (word.Is("school"))
            {
                return k > i + 1;
            }
            // A capitalised name is the school's own unless it is found as a place that the policy does not allow ("Parkside Academy").
            var named = word.IsCapitalised && !locations.Any(l => !l.Allowed && word.Start >= l.Start && word.Start < l.Start + l.Length);
            if (!(OwnSchoolWords.Contains(word) || named || SchoolNameWords.Contains(word)))
            {
                return false;
            }
        }
        return false;
    }

    private static readonly WordSet WalkGoers = new("go going went goes take taking took");

    private static readonly WordSet Walks = new("walk walks ramble hike stroll");

    /// <summary>"going on a short walk", "take the children on a local area walk": an outing on foot out of school.</summary>
    private static void AddWalkCues(TextDocument document, List<OffSiteCue> cues)
    {
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!WalkGoers.Contains(tokens[i]))
            {
                continue;
            }
            // "going on a short walk", "take the children on a local area walk"
            var on = Enumerable.Range(i + 1, 4).FirstOrDefault(k => document.IsWordAt(k, "on") && document.At(k)!.Sentence == tokens[i].Sentence);
            if (on == 0 || !(document.IsWordAt(on + 1, "a") || document.IsWordAt(on + 1, "an")))
            {
                continue;
            }
            for (var k = on + 2; k <= on + 5 && document.At(k) is { } word && word.Sentence == tokens[i].Sentence; k++)
            {
                if (Walks.Contains(word))
                {
                    // "will not be going on a walk", "won't go on a walk": called off.
                    var calledOff = Enumerable.Range(i - 3, 3).Any(b => document.At(b) is { } before && before.Sentence == word.Sentence
                        && (before.Is("not") || before.Is("won't") || before.Is("never") || before.Is("cannot") || before.Is("can't")));
                    if (!calledOff && !IsNegated(document, i))
                    {
                        cues.Add(new OffSiteCue(word.Start, word.Length, word.Sentence, word.Text));
                    }
                    break;
                }
                if (word.IsCapitalised || word.Gap.Trim().Length > 0)
                {
                    break;
                }
            }
        }
    }

    public static IReadOnlyList<OffSiteCue> Find(TextDocument document, IReadOnlyList<LocationMention> locations)
    {
        int SentenceOf(LocationMention location) => document.TokenAtOrAfter(location.Start)?.Sentence ?? 0;
        var cues = new List<OffSiteCue>();
        AddActivityCues(document, cues);
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var isCue = (TripWords.Contains(token) || IsExchangeVisit(document, i))
                // "a visit from the fire brigade" comes to school; "school trip" goes out.
                && !(token.Is("visit") && (document.IsWordAt(i + 1, "from") || document.IsWordAt(i + 1, "to") && document.IsWordAt(i + 2, "school") || document.IsWordAt(i + 1, "by") || Visitors.Contains(document.At(i - 1))))
                && !(token.Is("visiting") && document.At(i + 1) is { } visitor && (visitor.Is("author") || visitor.Is("speaker") || visitor.Is("artist") || visitor.Is("musicians") || visitor.Is("theatre") || visitor.Is("us")));
            // "The school nursing team will be visiting St Cuthberts Primary School", "We are visiting your child's school": visitors come to the school.
            isCue &= !((token.Is("visit") || token.Is("visiting") || token.Is("visits")) && VisitsOwnSchool(document, i, locations));
            // "Mrs Henchy coaches the girls", "our football coach": a person.
            isCue &= !((token.Is("coach") || token.Is("coaches")) && (CoachedWho.Contains(document.At(i + 1)) || CoachSports.Contains(document.At(i - 1))));
            // "Thank you to the local fire brigade for their visit today": the visitors' visit.
            isCue &= !(token.Is("visit") && document.IsWordAt(i - 1, "their") && document.SentenceOf(i).First() is var opening && (opening.Is("thank") || opening.Is("thanks")));
            // "a transition visit to the new Reception classes"
            isCue &= !(token.Is("visit") && document.IsWordAt(i + 1, "to") && Enumerable.Range(i + 2, 4).Any(k => document.At(k) is { } room && room.Sentence == token.Sentence && SchoolRooms.Contains(room)));
            isCue |= token.Is("away") && document.At(i + 1) is { } fixture && (fixture.Is("match") || fixture.Is("game") || fixture.Is("fixture") || fixture.Is("day"));
            isCue |= token.Is("day") && document.IsWordAt(i + 1, "out");
            // "never been away from home before": a stay away
            isCue |= token.Is("away") && document.IsWordAt(i + 1, "from") && document.IsWordAt(i + 2, "home");
            // "an overnight stay", "staying overnight" (not "snow overnight")
            isCue |= token.Is("overnight") && (document.At(i + 1) is { } stay && (stay.Is("stay") || stay.Is("trip") || stay.Is("camp") || stay.Is("residential") || stay.Is("experience") || stay.Is("visit"))
                || document.IsWordAt(i - 1, "stay") || document.IsWordAt(i - 1, "staying") || document.IsWordAt(i - 1, "stayed"));
            // "Y6 out at Crucial Crew", "out on a trip"
            isCue |= token.Is("out") && document.IsWordAt(i + 1, "at") && document.At(i + 2) is { IsCapitalised: true };
            // "...play Hythe Bay Primary on Wednesday - away", "we are playing away at..."
            isCue |= token.Is("away") && (document.At(i + 1) is not { } after || after.Sentence != token.Sentence || after.Is("at") || after.Is("to"))
                && document.SentenceOf(i).Any(t => t.Is("play") || t.Is("playing") || t.Is("plays") || t.Is("match") || t.Is("fixture") || t.Is("game"));
            isCue |= (token.Is("set") || token.Is("setting")) && document.IsWordAt(i + 1, "off");
            // "heading to Bude", not "heading home" (which says where nobody is away).
            isCue |= (token.Is("heading") || token.Is("travelling") || token.Is("traveling") || token.Is("depart") || token.Is("departing") || token.Is("departs"))
                && document.At(i + 1) is { } where && where.Sentence == token.Sentence && !where.Is("home");
            isCue |= (token.Is("off") && document.IsWordAt(i + 1, "to") && (document.IsWordAt(i - 1, "we're") || document.IsWordAt(i - 1, "are") || document.IsWordAt(i - 1, "is")));
            // "leave school at 9", not "please do not leave school with your child".
            isCue |= token.Is("leave") && document.IsWordAt(i + 1, "school") && !document.IsWordAt(i - 1, "not") && !document.IsWordAt(i - 1, "don't") && !document.IsWordAt(i - 1, "never");
            // "Middle school transfer day", "secondary transition day": the leavers spend the day at their next school.
            isCue |= (token.Is("transfer") || token.Is("transition")) && document.IsWordAt(i + 1, "day")
                && document.At(i - 1) is { } next && (next.Is("school") || next.Is("secondary") || next.Is("high"));
            // "have arrived at the centre", "arrived in Whitstable"
            isCue |= token.Is("arrived") && (document.IsWordAt(i + 1, "at") || document.IsWordAt(i + 1, "in"));
            // "back about half four", "back by 3:30": a return time is a trip's (not "back in class at 1pm").
            isCue |= token.Is("back") && document.At(i + 1) is { } after2 && after2.Sentence == token.Sentence && !after2.Is("in") && !after2.Is("to")
                && !document.IsWordAt(i + 2, "school") && !document.IsWordAt(i + 2, "class") && TemporalExpressionParser.TimeAfter(document, i + 1, out _) is not null;
            if (IsProgressiveAtPlace(document, i, locations, out var verbIndex))
            {
                // "Year 6 are doing brilliantly at PGL": a group's present progressive at a place is happening now.
                var verb = tokens[verbIndex];
                cues.Add(new OffSiteCue(token.Start, verb.End - token.Start, token.Sentence, document.Text[token.Start..verb.End]) { Now = true });
                continue;
            }
            if (isCue && !IsNegated(document, i))
            {
                cues.Add(new OffSiteCue(token.Start, token.Length, token.Sentence, token.Text));
            }
        }
        // "Children at the Usher Street site will travel to New Cross by minibus": between the school's own sites.
        var allowedOnly = locations.Where(l => l.Allowed).Select(SentenceOf).ToHashSet();
        allowedOnly.ExceptWith(locations.Where(l => !l.Allowed && l.Kind != LocationKind.GenericVenue).Select(SentenceOf));
        cues.RemoveAll(c => !c.Activity && allowedOnly.Contains(c.Sentence));
        // "The children will be going on a short walk around Old Swan": a walk out of school, even in the school's own district.
        AddWalkCues(document, cues);
        // "Year 2 are learning about life in London": a place after "learning about" is the lessons' topic and places nobody
        // there; one before it is where the learning happened ("visited Jorvik, where we learnt about the Vikings").
        var topics = new Dictionary<int, int>();
        foreach (var topic in tokens.Where(t => TopicVerbs.Contains(t) && document.IsWordAt(t.Index + 1, "about")))
        {
            topics.TryAdd(topic.Sentence, topic.Start);
        }
        foreach (var location in locations.Where(l => !l.Allowed && !(topics.TryGetValue(SentenceOf(l), out var topicStart) && l.Start > topicStart)))
        {
            cues.Add(new OffSiteCue(location.Start, location.Length, SentenceOf(location), location.Text));
        }
        // A sentence about the school site, a closure or a visitor places nobody away.
        var onSite = TripNarrative.OnSiteSentences(document);
        cues.RemoveAll(c => onSite.Contains(c.Sentence));
        if (TripNarrative.IsStayAtSchool(document))
        {
            // "The children were very brave staying over at school": the post's sleepover is that one.
            cues.RemoveAll(c => c.Text.StartsWith("sleepover", StringComparison.OrdinalIgnoreCase));
        }
        if (VisitorComes.Matches(document).Any())
        {
            // "a farm will visit us right here at school ... a special visit on Monday 22nd May": the same visit.
            cues.RemoveAll(c => c.Text.StartsWith("visit", StringComparison.OrdinalIgnoreCase));
        }
        cues.Sort((a, b) => a.Start.CompareTo(b.Start));
        return cues;
    }
}
